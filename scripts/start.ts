// `npm start`: build, start the bundled demo (fixture consoles + mock vendor APIs, the same ones
// the tests use) and open Chromium with Keyhold on the demo Jamf Pro console.
// `npm start -- --headless`: run the same demo flow unattended and exit 0 only if it worked.
import { startVendorMocks } from '../tests/mock-vendors';
import { launchWithExtension } from '../tests/e2e/launch';
import { launchWithDestinationAccess } from '../tests/e2e/fill-helpers';
import { destinationHosts } from '../tests/mock-destinations';
import { runDemoFlow, openSidePanelFor, DEMO_CONSOLE_URL, DEMO_DESTINATION_URL } from './demo-flow';

const headless =
  process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux');

async function main() {
  if (headless && !process.argv.includes('--headless')) {
    console.log('No display found: running the demo unattended (same as `npm start -- --headless`).');
  }
  const mocks = await startVendorMocks();
  // Unattended, nobody can click the toolbar on the demo destination: grant that page as the tests do.
  const launched = headless
    ? await launchWithDestinationAccess(mocks.server.hostResolverRules, [destinationHosts.demo], { headless })
    : await launchWithExtension({ hostResolverRules: mocks.server.hostResolverRules, headless });
  const shutdown = async (code: number) => {
    await launched.close();
    await mocks.server.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));

  if (headless) {
    try {
      const summary = await runDemoFlow(launched, mocks, (line) => console.log(`  ${line}`), { fill: true });
      console.log(`Demo flow succeeded: ${summary}`);
      await shutdown(0);
    } catch (error) {
      console.error(`Demo flow failed: ${error instanceof Error ? error.message : String(error)}`);
      await shutdown(1);
    }
    return;
  }

  const page = launched.context.pages()[0] ?? (await launched.context.newPage());
  await page.addInitScript(showFallbackTip);
  await page.goto(DEMO_CONSOLE_URL);
  await openSidePanelFor(launched, page);
  await page.bringToFront();
  const destination = await launched.context.newPage();
  await destination.goto(DEMO_DESTINATION_URL);
  await page.bringToFront();
  console.log(`Keyhold demo is running on ${DEMO_CONSOLE_URL} (served locally). The guide is open in the second tab.`);
  console.log('No button beside a value? Select it and right-click → "Save to Keyhold" (or press Alt+Shift+S).');
  console.log(
    `After capturing a secret, fill the demo destination (${DEMO_DESTINATION_URL}, the last tab): Keyhold's toolbar button → Fill this page, or Alt+Shift+F.`,
  );
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  launched.context.on('close', () => void shutdown(0));
}

/** The demo console tells the admin about the fallback (a note of the demo, not of the fixture page). */
function showFallbackTip() {
  if (location.hostname !== 'acme.jamfcloud.com') return;
  addEventListener('DOMContentLoaded', () => {
    const tip = document.createElement('aside');
    tip.setAttribute('role', 'note');
    tip.style.cssText = 'position:fixed;bottom:12px;left:12px;max-width:28em;padding:8px 12px;background:#fffbe6;border:1px solid #d8b600;border-radius:6px;font:13px system-ui;z-index:2147483646';
    tip.textContent =
      'Keyhold demo: after “Generate Client Secret”, click “Save to Keyhold” beside the secret. No button on a page? Select the secret and right-click → “Save to Keyhold” (or press Alt+Shift+S), or paste the whole block into the side panel.';
    document.body.append(tip);
  });
}

void main();
