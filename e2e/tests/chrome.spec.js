// The webapps' frame as this product's users see it (issue 17): no banner urging a move to Camunda 8 on any of them.
const { test, expect } = require('@playwright/test');
const { CONTEXT_OPTIONS } = require('../lib/browser');
const { login } = require('../lib/webapps');

test('no migration banner in the Tasklist, Cockpit, Admin or the welcome page', async ({ browser }) => {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  await login(page, 'tasklist', 'demo', 'demo');
  for (const app of ['tasklist', 'cockpit', 'admin', 'welcome']) {
    await page.goto(`/camunda/app/${app}/default/`);
    await expect(page.locator('.navbar-brand').first()).toBeVisible();
    // the webapps draw the banner on every page of the community edition; it must be there and hidden
    await expect(page.locator('.ce-eol-banner')).toHaveCount(1);
    await expect(page.locator('.ce-eol-banner')).toBeHidden();
    await expect(page.getByText('Camunda 8')).toBeHidden();
  }
  await context.close();
});
