import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension (.output/chrome-mv3) and a fresh
// profile; `npm test` builds first. Two workers fit this project's 2-core machines.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]] : [['list']],
  use: { trace: 'retain-on-failure' },
});
