// Keeps `npm start` honest: the same demo flow, on the same bundled mocks, must succeed, fill of
// the demo destination included (the page granted as the toolbar would, see fill-helpers.ts).
import { test, expect } from './fixtures';
import { runDemoFlow } from '../../scripts/demo-flow';
import { destinationHosts } from '../mock-destinations';
import { launchWithDestinationAccess } from './fill-helpers';

test('the bundled demo flow runs end to end: capture, verify, fill the demo destination, Used by', async ({ mocks }) => {
  const lines: string[] = [];
  const launched = await launchWithDestinationAccess(mocks.server.hostResolverRules, [destinationHosts.demo]);
  try {
    const summary = await runDemoFlow(launched, mocks, (line) => lines.push(line), { fill: true });
    expect(summary).toMatch(/^Works: Jamf Pro/);
    expect(lines.join('\n')).toContain('Saved · works');
    expect(lines.join('\n')).toContain(`Used by: Filled on https://${destinationHosts.demo}`);
    expect(mocks.destinations.submissions.at(-1)?.fields).toMatchObject({ server_url: 'https://acme.jamfcloud.com' });
  } finally {
    await launched.close();
  }
});
