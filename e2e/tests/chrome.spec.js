// The webapps' frame as this product's users see it (issue 17): no banner urging a move to Camunda 8 on any of them.
const { test, expect } = require('@playwright/test');
const { CONTEXT_OPTIONS } = require('../lib/browser');
const { login } = require('../lib/webapps');

test('no migration banner in the Tasklist, Cockpit, Admin or the welcome page', async ({ browser }) => {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  await login(page, 'tasklist', 'demo', 'demo');
  for (const app of ['tasklist', 'cockpit', 'admin', 'welcome']) {
    // the first page of a freshly started application sometimes stays blank in Chromium: open it again then
    await expect(async () => {
      await page.goto(`/camunda/app/${app}/default/`);
      await expect(page.locator('.navbar-brand').first()).toBeVisible({ timeout: 15_000 });
    }, `the ${app} webapp`).toPass({ timeout: 60_000 });
    // the webapps draw the banner on every page of the community edition; it must be there and hidden
    await expect(page.locator('.ce-eol-banner')).toHaveCount(1);
    await expect(page.locator('.ce-eol-banner')).toBeHidden();
    await expect(page.getByText('Camunda 8')).toBeHidden();
    // let the app finish its start-up requests: leaving a page while its scripts load can leave the next one blank
    await page.waitForLoadState('networkidle');
  }
  await context.close();
});

test('each webapp is titled 整改通 in Chinese, and the Tasklist offers no 启动流程 or 创建任务 to anyone', async ({ browser }) => {
  const titles = { tasklist: '整改通 · 任务列表', cockpit: '整改通 · 驾驶舱', admin: '整改通 · 管理后台', welcome: '整改通 · 首页' };
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  await login(page, 'tasklist', 'demo', 'demo');
  for (const [app, title] of Object.entries(titles)) {
    // the first page of a freshly started application sometimes stays blank in Chromium: open it again then
    await expect(async () => {
      await page.goto(`/camunda/app/${app}/default/`);
      await expect(page.locator('.navbar-brand').first()).toBeVisible({ timeout: 15_000 });
    }, `the ${app} webapp`).toPass({ timeout: 60_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    // the page's title, set again by the webapp once it has started (Cockpit adds the page's own name after it)
    await expect(page).toHaveTitle(new RegExp('^' + title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.waitForLoadState('networkidle');
  }
  // the administrator sees every action a plugin offers: the two left out are not there
  await page.goto('/camunda/app/tasklist/default/');
  await expect(page.locator('li.shortcut-help')).toHaveCount(1);
  await expect(page.locator('li.start-process-action')).toHaveCount(0);
  await expect(page.locator('li.create-task-action')).toHaveCount(0);
  await context.close();

  const liaison = await browser.newContext(CONTEXT_OPTIONS);
  const liaisonPage = await liaison.newPage();
  await login(liaisonPage, 'tasklist', 'simingLiaison');
  await expect(liaisonPage.locator('li.shortcut-help')).toHaveCount(1);
  await expect(liaisonPage.locator('li.start-process-action')).toHaveCount(0);
  await expect(liaisonPage.locator('li.create-task-action')).toHaveCount(0);
  await liaison.close();
});

test('a person is named family name first: the officer reads 王 明 in the Tasklist, and the Admin form asks 姓 then 名', async ({ browser }) => {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  await login(page, 'tasklist', 'officer1');
  // the navbar's user menu shows the engine's "first last": first name 王 (姓), last name 明 (名)
  await expect(page.locator('[cam-widget-header]')).toContainText('王 明');
  await expect(page.locator('[cam-widget-header]')).not.toContainText('明 王');
  await context.close();

  const admin = await browser.newContext(CONTEXT_OPTIONS);
  const adminPage = await admin.newPage();
  await login(adminPage, 'admin', 'demo', 'demo');
  await adminPage.goto('/camunda/app/admin/default/#/users/officer1?tab=profile');
  // the profile form labels its first field 姓 and its second 名, holding 王 and 明
  const first = adminPage.locator('input[ng-model="profile.firstName"]');
  const last = adminPage.locator('input[ng-model="profile.lastName"]');
  await expect(first).toHaveValue('王');
  await expect(last).toHaveValue('明');
  await expect(adminPage.locator('label[for="inputFirstname"]')).toHaveText(/^姓/);
  await expect(adminPage.locator('label[for="inputLastname"]')).toHaveText(/^名/);
  await admin.close();
});

test('a page the browser cannot open says so in Chinese, not with Spring\'s Whitelabel page', async ({ browser }) => {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  const answer = await page.goto('/no/such/page');
  expect(answer.status()).toBe(404);
  await expect(page).toHaveTitle('整改通 · 无法打开此页面');
  await expect(page.locator('h1')).toHaveText('无法打开此页面');
  await expect(page.getByText('Whitelabel')).toHaveCount(0);
  await context.close();
});
