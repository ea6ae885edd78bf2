// Keeps `npm start` honest: the same demo flow, on the same bundled mocks, must succeed.
import { test, expect } from './fixtures';
import { runDemoFlow } from '../../scripts/demo-flow';

test('the bundled demo flow runs end to end on the demo Jamf Pro console', async ({ context, extension, mocks }) => {
  const lines: string[] = [];
  const summary = await runDemoFlow({ context, extensionId: extension.id, serviceWorker: await extension.serviceWorker(), profileDir: extension.profileDir, close: async () => undefined }, mocks, (line) => lines.push(line));
  expect(summary).toMatch(/^Works: Jamf Pro/);
  expect(lines.join('\n')).toContain('Saved · works');
});
