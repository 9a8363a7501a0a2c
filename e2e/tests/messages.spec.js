// The engine's refusals in Chinese, as a liaison meets them in the real Tasklist (issue 17, point 1):
// 1. a task another user completed meanwhile (here: removed) → 该任务已办结或已不存在，请刷新任务列表;
// 2. a task another user claimed meanwhile → 任务已被周美玲认领，请刷新任务列表;
// 3. a required field missing from what the Tasklist submits (form-js checks it in the browser: the request is
//    changed on its way, as a client bypassing form-js would send it) → 请填写办理状态, without the field's key.
// Each test leaves the demo as it found it: its own standalone tasks are deleted, the measure task is unclaimed.
const { test, expect } = require('@playwright/test');
const { Rest, q } = require('../lib/rest');
const { newUserPage, screenshot, login, fillForm } = require('../lib/webapps');

const UNIT = { id: 'siming', liaison: 'simingLiaison', head: 'simingHead', headName: '周美玲' };
const demo = new Rest('demo');

/** A standalone task for the unit, created by the administrator; its id. */
async function unitTask(name) {
  const id = `rectiflow-e2e-${Date.now()}`;
  const created = await demo.call('POST', '/engine-rest/task/create', { id, name });
  expect(created.status, `creating the task: ${JSON.stringify(created.body)}`).toBeLessThan(300);
  const linked = await demo.call('POST', `/engine-rest/task/${id}/identity-links`, { groupId: UNIT.id, type: 'candidate' });
  expect(linked.status, `making ${UNIT.id} its candidate: ${JSON.stringify(linked.body)}`).toBeLessThan(300);
  return id;
}

async function removeTask(id) {
  await demo.call('DELETE', `/engine-rest/task/${id}`);
}

/** Opens a task by its URL as the liaison, its 认领 button visible. */
async function openUnclaimed(page, taskId) {
  await page.goto(`/camunda/app/tasklist/default/#/?task=${taskId}`);
  await expect(page.locator('.task-details button.claim'), `the claim button of task ${taskId}`).toBeVisible();
}

/** Clicks 认领 and returns the Tasklist's error notice once it shows. */
async function claimRefused(page, taskId) {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/task/${taskId}/claim`));
  await page.locator('.task-details button.claim').click();
  const response = await answer;
  expect(response.status(), `the claim of task ${taskId}`).toBeGreaterThanOrEqual(400);
  const notice = page.locator('.page-notifications .alert-danger').last();
  await expect(notice, 'the Tasklist\'s error notice').toBeVisible();
  return notice;
}

test('a task completed by another user meanwhile: the notice says so in Chinese, without its id', async ({ browser }) => {
  const taskId = await unitTask('浏览器测试：已被他人办结的任务');
  try {
    const page = await newUserPage(browser);
    await login(page, 'tasklist', UNIT.liaison);
    await openUnclaimed(page, taskId);
    await removeTask(taskId);

    const notice = await claimRefused(page, taskId);
    await expect(notice).toContainText('该任务已办结或已不存在，请刷新任务列表');
    await expect(notice).not.toContainText(taskId);
    await expect(notice).not.toContainText(/Cannot|No matching/);
    await screenshot(page, 'tasklist-task-gone');
  } finally {
    await removeTask(taskId);
  }
});

test('a task claimed by another user meanwhile: the notice names who has it', async ({ browser }) => {
  const taskId = await unitTask('浏览器测试：已被他人认领的任务');
  try {
    const page = await newUserPage(browser);
    await login(page, 'tasklist', UNIT.liaison);
    await openUnclaimed(page, taskId);
    const claimed = await demo.call('POST', `/engine-rest/task/${taskId}/claim`, { userId: UNIT.head });
    expect(claimed.status, `claim as ${UNIT.head}`).toBeLessThan(300);

    const notice = await claimRefused(page, taskId);
    await expect(notice).toContainText(`任务已被${UNIT.headName}认领，请刷新任务列表`);
    await expect(notice).not.toContainText(taskId);
    await expect(notice).not.toContainText(/already claimed|someone else/);
    expect((await demo.engine(`/task/${taskId}`)).assignee, 'the task stays with its claimer').toBe(UNIT.head);
    await screenshot(page, 'tasklist-task-claimed-by-another');
  } finally {
    await removeTask(taskId);
  }
});

test('a required field missing from a submitted form: the notice asks for it by its label', async ({ browser }) => {
  // the 思明分局 report with the earliest deadline (the other specs use the latest one); nothing is written to it
  const [task] = await demo.engine('/task' + q({
    candidateGroup: UNIT.id, taskDefinitionKey: 'userTask_unitRectifies', sortBy: 'dueDate', sortOrder: 'asc', maxResults: '1',
  }));
  expect(task, 'a 单位整改并报告 task of 思明分局').toBeTruthy();
  expect(task.assignee, 'the task is not claimed').toBeNull();
  try {
    const page = await newUserPage(browser);
    await login(page, 'tasklist', UNIT.liaison);
    await page.goto(`/camunda/app/tasklist/default/#/?task=${task.id}`);
    const claim = page.locator('.task-details button.claim');
    await expect(claim).toBeVisible();
    await claim.click();
    await expect(claim).toBeHidden();
    await fillForm(page, 'measure-report', {
      progress: '浏览器测试：不会提交', completionSummary: '浏览器测试', evidence: '浏览器测试', reportStatus: 'COMPLETED',
    });
    // what a client that bypasses form-js sends: the same call without the required 办理状态
    await page.route(`**/camunda/api/engine/engine/default/task/${task.id}/submit-form`, async (route) => {
      const body = route.request().postDataJSON();
      delete body.variables.reportStatus;
      await route.continue({ postData: JSON.stringify(body) });
    });
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/task/${task.id}/submit-form`));
    await page.locator('.task-details button[ng-click="complete()"]').click();
    const response = await answer;
    expect(response.status(), 'the refused submit').toBe(400);
    expect((await response.json()).message).toBe('请填写办理状态');
    const notice = page.locator('.page-notifications .alert-danger').last();
    await expect(notice, 'the Tasklist\'s error notice').toContainText('请填写办理状态');
    await expect(notice).not.toContainText('reportStatus');
    await screenshot(page, 'tasklist-required-field-refused');
    expect((await demo.engine(`/task/${task.id}`)).id, 'the task is still open').toBe(task.id);
  } finally {
    await demo.call('POST', `/engine-rest/task/${task.id}/unclaim`);
  }
});
