// Every decision with its context (issue 17, point 5), in the real Tasklist:
// 1. the supervision group's 监督组销号审核 form shows the lead unit's review (decision, who, when, comment), the report
//    and the rework history; the task's card in the list shows the measure's text; an unclaimed form says to claim it;
// 2. a plan-comment task of the demo's second round (its plan is out for comment) names the round and lists the
//    plan's measures (code, unit, content).
const { test, expect } = require('@playwright/test');
const { Rest, waitFor, q } = require('../lib/rest');
const { newUserPage, screenshot, login, openFilter, openTask, claimIfNeeded } = require('../lib/webapps');

/** Opens a task by its URL (a user with many tasks may not have it on the list's first page). */
async function openTaskByUrl(page, taskId) {
  await page.goto(`/camunda/app/tasklist/default/#/?task=${taskId}`);
  await expect(page.locator('.task-details .fjs-form'), `the form of task ${taskId}`).toBeVisible();
}

const MY_UNIT_FILTER = '我的单位待办';
const UNIT = { id: 'siming', liaison: 'simingLiaison' };
const PLAN_ROUND = 'ZX2021YSHJ';

const demo = new Rest('demo');

/** The one open task of the instance at the activity, once the engine has got there. */
function taskAt(processInstanceId, activityId) {
  return waitFor(`instance ${processInstanceId} to wait at ${activityId}`, async () => {
    const tasks = await demo.engine('/task' + q({ processInstanceId, taskDefinitionKey: activityId }));
    return tasks.length === 1 ? tasks[0] : null;
  }, { timeoutMs: 30_000 });
}

/** Claims and submits a task's form through the engine's REST API as the user, as the Tasklist would. */
async function submitAs(user, taskId, values) {
  const rest = new Rest(user);
  const claim = await rest.call('POST', `/engine-rest/task/${taskId}/claim`, { userId: user });
  expect(claim.status, `claim of ${taskId} as ${user}: ${JSON.stringify(claim.body)}`).toBeLessThan(300);
  const variables = {};
  for (const [name, value] of Object.entries(values)) variables[name] = { value };
  const answer = await rest.call('POST', `/engine-rest/task/${taskId}/submit-form`, { variables });
  expect(answer.status, `submit of ${taskId} as ${user}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
}

test('the sign-off form shows the lead unit\'s opinion; the card the measure\'s text; an unclaimed form says to claim it', async ({ browser }) => {
  // a measure of 思明分局 (the latest deadline: no ladder timer works on it meanwhile), reported and approved by REST
  const [task] = await demo.engine('/task' + q({
    candidateGroup: UNIT.id, taskDefinitionKey: 'userTask_unitRectifies', sortBy: 'dueDate', sortOrder: 'desc', maxResults: '1',
  }));
  expect(task, 'a 单位整改并报告 task of 思明分局').toBeTruthy();
  const pi = task.processInstanceId;
  const vars = await demo.engine(`/process-instance/${pi}/variables`);
  const measureCode = vars.measureCode.value;
  const leadUnit = vars.leadUnitGroup.value;
  await submitAs(UNIT.liaison, task.id, {
    progress: '已召开专题会议研究部署（浏览器测试）', completionSummary: '已按措施完成整改。',
    evidence: '专题会议纪要', reportStatus: 'COMPLETED',
  });
  const review = await taskAt(pi, 'userTask_leadUnitReview');
  const comment = `整改到位，同意报监督组销号（${measureCode}）。`;
  await submitAs(`${leadUnit}Liaison`, review.id, { reviewDecision: 'APPROVE', reviewComment: comment });
  const signOff = await taskAt(pi, 'userTask_supervisionSignOff');
  // the engine's first name is the family name (identity/PersonNames): 曾志伟 is firstName 曾, lastName 志伟
  const reviewer = await demo.engine(`/user/${leadUnit}Liaison/profile`);

  const page = await newUserPage(browser);
  await login(page, 'tasklist', 'supervisor1');
  await openFilter(page, MY_UNIT_FILTER);
  // the card: the measure's text and problem beside its code
  const card = page.locator('ol.tasks-list li.task').filter({ has: page.locator(`h4 a[href="#/?task=${signOff.id}"]`) });
  await expect(card, 'the sign-off task\'s card').toBeVisible();
  await expect(card).toContainText('整改措施');
  await expect(card).toContainText(vars.measureContent.value.slice(0, 12));
  await expect(card).toContainText(vars.problemTitle.value.slice(0, 8));

  await openTask(page, signOff.id);
  // not claimed yet: the greyed form says why
  const cover = page.locator('.task-details .disabled-form');
  await expect(cover, 'the unclaimed form is greyed out').toBeVisible();
  expect(await cover.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"请先认领此任务，再填写表单"');
  await screenshot(page, 'tasklist-sign-off-unclaimed');
  await claimIfNeeded(page, signOff.id);
  await expect(page.locator('.task-details .disabled-form')).toHaveCount(0);

  const form = page.locator('.task-details .fjs-form');
  await expect(form).toContainText(measureCode);
  await expect(form, 'the report').toContainText('已召开专题会议研究部署（浏览器测试）');
  await expect(form, 'the lead unit\'s opinion').toContainText('牵头单位审核意见：');
  await expect(form).toContainText(`审核通过（审核人：${reviewer.firstName}${reviewer.lastName}，`);
  await expect(form).toContainText(`意见说明：${comment}`);
  await expect(form, 'the rework history').toContainText('返工记录：');
  await screenshot(page, 'tasklist-sign-off-context');
  // signed off here, so that no second sign-off task stands in supervisor1's list when webapps.spec.js signs its
  // own measure off in the same demo application
  await submitAs('supervisor1', signOff.id, { signOffDecision: 'APPROVE', signOffComment: '同意销号。' });
  await page.context().close();
});

test('a plan-comment task names its round and lists the plan\'s measures', async ({ browser }) => {
  const tasks = await demo.engine('/task' + q({
    processInstanceBusinessKey: PLAN_ROUND, taskDefinitionKey: 'userTask_commentOnPlan',
  }));
  expect(tasks.length, `plan-comment tasks of ${PLAN_ROUND}`).toBeGreaterThan(0);
  // a task a single person can open: a leading-group member's (candidate user), else a unit's (its liaison)
  let user = null;
  let commentTask = null;
  for (const t of tasks) {
    const links = (await demo.engine(`/task/${t.id}/identity-links`)).filter((l) => l.type === 'candidate');
    const person = links.find((l) => l.userId);
    const group = links.find((l) => l.groupId);
    if (person || group) {
      user = person ? person.userId : `${group.groupId}Liaison`;
      commentTask = t;
      break;
    }
  }
  expect(commentTask, 'a plan-comment task with a candidate').toBeTruthy();
  const roundText = (await demo.engine(`/task/${commentTask.id}/variables/roundText`)).value;
  expect(roundText.startsWith(PLAN_ROUND), `roundText ${roundText}`).toBe(true);
  const measures = await demo.engine(`/task/${commentTask.id}/variables/planMeasures?deserializeValue=false`);
  const rows = JSON.parse(measures.value);
  expect(rows.length, 'the plan\'s measures').toBeGreaterThan(0);

  const page = await newUserPage(browser);
  await login(page, 'tasklist', user);
  await openTaskByUrl(page, commentTask.id);
  const form = page.locator('.task-details .fjs-form');
  await expect(form, 'the round').toContainText('巡察轮次');
  await expect(form).toContainText(roundText.slice(PLAN_ROUND.length + 1));
  await expect(form).toContainText(PLAN_ROUND);
  const table = form.locator('table.fjs-table');
  await expect(table, 'the plan\'s measures as a table').toBeVisible();
  await expect(table.locator('thead')).toContainText('措施编号');
  await expect(table.locator('thead')).toContainText('责任单位');
  await expect(table.locator('thead')).toContainText('措施内容');
  await expect(table.locator('tbody tr')).toHaveCount(rows.length);
  const first = table.locator('tbody tr').first();
  await expect(first).toContainText(rows[0].code);
  await expect(first).toContainText(rows[0].unit);
  await expect(first).toContainText(rows[0].content);
  await screenshot(page, 'tasklist-plan-comment-context');
});
