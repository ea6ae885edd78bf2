// Issue #17: at the real side panel width (400 px) the panel stays short as credentials grow.
// Before the compact list it was 7,672 px tall with 8 tested credentials and 46,469 px with 50.
// Prints the heights (for the closing note); MEASURE_SHOT=<path prefix> also saves screenshots.
import { test, expect, PASSPHRASE } from './fixtures';

test('side panel height at 400 px with 8 and 50 tested credentials', async ({ extension, mocks }) => {
  test.setTimeout(240_000);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  let stored = 0;
  for (const [count, limit] of [
    [8, 1_500],
    [50, 6_000],
  ]) {
    for (; stored < count; stored++) {
      const host = `fleet-${stored}.jamfcloud.com`;
      const client = mocks.jamf.addClient({ host });
      const { id } = await extension.call('credentials.add', {
        vendor: 'jamf-pro',
        values: { baseUrl: `https://${host}`, clientId: client.clientId, clientSecret: client.clientSecret },
      });
      await extension.call('credentials.test', { id });
    }
    const panel = await extension.open('sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 800 });
    await expect(panel.getByRole('listbox', { name: 'Credentials' }).getByRole('option')).toHaveCount(count);
    await expect(panel.getByRole('listbox', { name: 'Credentials' }).getByText('works')).toHaveCount(count);
    const height = await panel.evaluate(() => document.documentElement.scrollHeight);
    console.log(`side panel height at 400 px with ${count} credentials: ${height} px`);
    if (process.env.MEASURE_SHOT) await panel.screenshot({ path: `${process.env.MEASURE_SHOT}-${count}.png` });
    expect(height).toBeLessThanOrEqual(limit);
    await panel.close();
  }
});
