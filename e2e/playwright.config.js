// Browser tests of the Camunda webapps (Tasklist, Cockpit) against a running Rectiflow in the demo profile.
// e2e/run starts the application and sets E2E_BASE_URL; the browser is the system's Chromium (no download).
const { defineConfig } = require('@playwright/test');
const { CONTEXT_OPTIONS, CHROMIUM } = require('./lib/browser');

module.exports = defineConfig({
  testDir: './tests',
  outputDir: './output/test-results',
  // One application, one demo round: the tests run one after the other, in file order.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // Generous: the machine has 2 cores and other builds may run beside the tests.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  globalSetup: require.resolve('./lib/global-setup.js'),
  reporter: [['list'], ['json', { outputFile: 'output/results.json' }]],
  use: {
    ...CONTEXT_OPTIONS,
    browserName: 'chromium',
    headless: true,
    launchOptions: CHROMIUM,
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
