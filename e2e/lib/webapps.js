// Steps in the Camunda webapps that every test uses: log in, the Tasklist's filters, a task and its form,
// screenshots. Elements are found by Angular/form-js attributes, ids and hrefs, not by the webapps' labels
// (which a translation changes); the only texts used are the application's own data (filter names, task names).
const fs = require('fs');
const path = require('path');
const { expect } = require('@playwright/test');
const { CONTEXT_OPTIONS } = require('./browser');
const { fieldSelector } = require('./forms');
const { PASSWORD } = require('./rest');

const OUTPUT = path.join(__dirname, '..', 'output');

/** A fresh browser context (own cookies) for one user. */
async function newUserPage(browser) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  return page;
}

/** A screenshot kept as test output: e2e/output/<name>.png. */
async function screenshot(page, name) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Logs in to a webapp (tasklist, cockpit, admin) through its login form; fails with the server's answer. */
async function login(page, app, user, password = PASSWORD) {
  await page.goto(`/camunda/app/${app}/`);
  const username = page.locator('input[ng-model="username"]');
  const passwordField = page.locator('input[ng-model="password"]');
  await expect(username, `the ${app} login form`).toBeVisible();
  // The form is drawn again once the locale file has arrived (the Chinese one is loaded after the page):
  // wait for the page to settle, and fill again until both fields hold what was typed.
  await page.waitForLoadState('networkidle');
  await expect(async () => {
    await username.fill(user);
    await passwordField.fill(password);
    await expect(username).toHaveValue(user, { timeout: 1000 });
    await expect(passwordField).toHaveValue(password, { timeout: 1000 });
  }, `the ${app} login form keeps ${user}'s credentials`).toPass({ timeout: 20000 });
  const answer = page.waitForResponse((r) => r.request().method() === 'POST'
    && r.url().includes(`/camunda/api/admin/auth/user/default/login/${app}`));
  await page.locator('button[type="submit"]').click();
  const response = await answer;
  expect(response.status(), `login of ${user} to the ${app} (POST ${response.url()})`).toBe(200);
  await expect(username, `the ${app} login form to close after ${user}'s login`).toBeHidden();
}

// ---- Tasklist ----

/** Selects a filter of the Tasklist by its name (the application creates them: 我的单位待办, …). */
async function openFilter(page, name) {
  const filter = page.locator('.task-filters .task-filter').filter({ has: page.locator('.name', { hasText: name }) });
  await expect(filter, `the Tasklist filter ${name}`).toBeVisible();
  await filter.click();
  await expect(filter).toHaveClass(/\bactive\b/);
  // the list has loaded: its tasks, or the "no task" note
  await expect(page.locator('ol.tasks-list, [cam-tasklist-tasks] .well').first()).toBeVisible();
}

/** The link of a task in the Tasklist's list, by the task's id. */
function taskLink(page, taskId) {
  return page.locator(`ol.tasks-list li.task h4 a[href="#/?task=${taskId}"]`);
}

/** The ids of the tasks the list shows, in its order. */
async function listedTaskIds(page) {
  const hrefs = await page.locator('ol.tasks-list li.task h4 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  return hrefs.map((h) => new URLSearchParams(h.replace(/^#\/\?/, '')).get('task'));
}

/** Opens a task from the list and waits for its Camunda Form. */
async function openTask(page, taskId) {
  const link = taskLink(page, taskId);
  await expect(link, `task ${taskId} in the Tasklist's list`).toBeVisible();
  await link.click();
  await expect(page.locator('.task-details .fjs-form'), `the form of task ${taskId}`).toBeVisible();
}

/** Claims the open task unless it is the user's already. */
async function claimIfNeeded(page, taskId) {
  const claim = page.locator('.task-details button.claim');
  if (await claim.isVisible()) {
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/task/${taskId}/claim`));
    await claim.click();
    const response = await answer;
    expect(response.status(), `claim of task ${taskId}`).toBeLessThan(300);
    await expect(claim).toBeHidden();
    await expect(page.locator('.task-details .fjs-form')).toBeVisible();
  }
}

/** Fills the open task's Camunda Form: { key: value }; a radio field's value is the option's value. */
async function fillForm(page, formId, values) {
  for (const [key, value] of Object.entries(values)) {
    const field = fieldSelector(formId, key, value);
    const input = page.locator(field.selector);
    await expect(input, `the field ${key} (${field.label}) of the form ${formId}`).toBeVisible();
    if (field.type === 'radio') {
      await input.check();
      await expect(input).toBeChecked();
    } else {
      await input.fill(String(value));
      await expect(input).toHaveValue(String(value));
    }
  }
}

/** Completes the open task and waits until the engine has accepted the form and the list has dropped it. */
async function completeTask(page, taskId) {
  const button = page.locator('.task-details button[ng-click="complete()"]');
  await expect(button, 'the complete button').toBeEnabled();
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/task/${taskId}/submit-form`));
  await button.click();
  const response = await answer;
  if (response.status() >= 300) {
    throw new Error(`completing task ${taskId} answered ${response.status()}: ${(await response.text()).slice(0, 500)}`);
  }
  await expect(taskLink(page, taskId), `task ${taskId} to leave the list once completed`).toHaveCount(0);
}

module.exports = {
  OUTPUT, newUserPage, screenshot, login, openFilter, taskLink, listedTaskIds, openTask, claimIfNeeded, fillForm,
  completeTask,
};
