// Measurement only (MEASURE_HEIGHT=1): the side panel's height at 400 px wide with 8 and 50 stored credentials.
import { test, PASSPHRASE } from './fixtures';

test.skip(!process.env.MEASURE_HEIGHT, 'measurement only');
test('side panel height with 8 and 50 credentials', async ({ extension, mocks }) => {
  test.setTimeout(240_000);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  let stored = 0;
  for (const count of [8, 50]) {
    for (; stored < count; stored++) {
      const host = `fleet-${stored}.jamfcloud.com`;
      const client = mocks.jamf.addClient({ host });
      const { id } = await extension.call('credentials.add', { vendor: 'jamf-pro', values: { baseUrl: `https://${host}`, clientId: client.clientId, clientSecret: client.clientSecret } });
      await extension.call('credentials.test', { id });
    }
    const panel = await extension.open('sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.waitForTimeout(1500);
    const height = await panel.evaluate(() => document.documentElement.scrollHeight);
    console.log(`side panel height at 400 px with ${count} credentials: ${height} px`);
    if (process.env.MEASURE_SHOT) await panel.screenshot({ path: `${process.env.MEASURE_SHOT}-${count}.png` });
    await panel.close();
  }
});
