// `npm start`: build, start the bundled demo (fixture consoles + mock vendor APIs, the same ones
// the tests use) and open Chromium with Keyhold on the demo Jamf Pro console.
// `npm start -- --headless`: run the same demo flow unattended and exit 0 only if it worked.
import { startVendorMocks } from '../tests/mock-vendors';
import { launchWithExtension } from '../tests/e2e/launch';
import { runDemoFlow, openSidePanelFor, DEMO_CONSOLE_URL } from './demo-flow';

const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux');

async function main() {
  if (headless && !process.argv.includes('--headless')) {
    console.log('No display found: running the demo unattended (same as `npm start -- --headless`).');
  }
  const mocks = await startVendorMocks();
  const launched = await launchWithExtension({ hostResolverRules: mocks.server.hostResolverRules, headless });
  const shutdown = async (code: number) => {
    await launched.close();
    await mocks.server.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));

  if (headless) {
    try {
      const summary = await runDemoFlow(launched, mocks, (line) => console.log(`  ${line}`));
      console.log(`Demo flow succeeded: ${summary}`);
      await shutdown(0);
    } catch (error) {
      console.error(`Demo flow failed: ${error instanceof Error ? error.message : String(error)}`);
      await shutdown(1);
    }
    return;
  }

  const page = launched.context.pages()[0] ?? (await launched.context.newPage());
  await page.goto(DEMO_CONSOLE_URL);
  await openSidePanelFor(launched, page);
  await page.bringToFront();
  console.log(`Keyhold demo is running on ${DEMO_CONSOLE_URL} (served locally). The guide is open in the second tab.`);
  console.log('Other Jamf fixture consoles: https://acme.protect.jamfcloud.com/administrative/api-clients, https://acmeschool.jamfcloud.com/organisation/settings/api, https://account.jamf.com/integrations/new');
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  launched.context.on('close', () => void shutdown(0));
}

void main();
