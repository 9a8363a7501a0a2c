// The demo through the real webapps, in the system's headless Chromium (see e2e/README.md):
// 1. a measure from the unit's report (with a mechanism in the form's dynamic list and a PDF attached in the tab 佐证材料)
//    through the lead unit's review (which sees and opens the file) to the supervision group's sign-off,
// 2. Cockpit's diagram of 整改措施办理 with its instance counts,
// 3. a liaison sees no task of another unit, neither in the list nor by the task's URL.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { Rest, waitFor, q } = require('../lib/rest');
const {
  newUserPage, screenshot, login, openFilter, taskLink, listedTaskIds, openTask, claimIfNeeded, fillForm, completeTask,
} = require('../lib/webapps');
const {
  openEvidenceTab, openFormTab, uploadEvidence, evidenceRow, smallPdf, windowsExecutable,
} = require('../lib/evidence');

const ROUND = 'XC2020XMGA';
const MY_UNIT_FILTER = '我的单位待办';
const MEASURE_TASK = '单位整改并报告';
const UNIT = { id: 'siming', name: '思明分局', liaison: 'simingLiaison' };
const OTHER_UNIT = { id: 'haicang', name: '海沧分局' };

// The key groups' lead units, from the organisation file the application loads.
const ORGANISATION = fs.readFileSync(
  path.join(__dirname, '..', '..', 'src', 'main', 'resources', 'organisation', 'organisation.yml'), 'utf8');
const LEAD_UNITS = [...ORGANISATION.matchAll(/^\s*leadUnit:\s*(\w+)\s*$/gm)].map((m) => m[1]);

const demo = new Rest('demo');

async function candidateGroups(taskId) {
  const links = await demo.engine(`/task/${taskId}/identity-links`);
  return links.filter((l) => l.type === 'candidate' && l.groupId).map((l) => l.groupId).sort();
}

/** The one open task of the instance at the activity, once the engine has got there. */
function taskAt(processInstanceId, activityId) {
  return waitFor(`the measure's instance ${processInstanceId} to wait at ${activityId}`, async () => {
    const tasks = await demo.engine('/task' + q({ processInstanceId, taskDefinitionKey: activityId }));
    return tasks.length === 1 ? tasks[0] : null;
  }, { timeoutMs: 30_000 });
}

async function unitFigures(unitId) {
  const summary = await demo.get(`/api/rounds/${ROUND}/summary`);
  const unit = summary.units.find((u) => u.code === unitId);
  if (!unit) throw new Error(`the summary of ${ROUND} has no unit ${unitId}`);
  return unit;
}

/** What the Tasklist submitted for a form field, as the engine's history keeps it (the values themselves are never
 * stored as process variables: the task's own step records them in the ledger). */
async function submittedValue(processInstanceId, fieldId) {
  const details = await demo.engine('/history/detail' + q({ processInstanceId, formFields: 'true' }));
  const field = details.find((d) => d.fieldId === fieldId);
  return field ? field.fieldValue : undefined;
}

test('a liaison reports a measure; the lead unit approves it; the supervision group signs it off', async ({ browser }) => {
  expect(LEAD_UNITS.length, 'lead units in organisation.yml').toBeGreaterThan(0);
  const closedBefore = (await unitFigures(UNIT.id)).closed;

  // -- the unit's liaison: 我的单位待办, a measure, its form
  const unitPage = await newUserPage(browser);
  await login(unitPage, 'tasklist', UNIT.liaison);
  await openFilter(unitPage, MY_UNIT_FILTER);
  // The measure with the latest deadline: none of its reminder timers is due, so no timer job of the escalation
  // ladder works on its instance while the test completes its task.
  const [task] = await demo.engine('/task' + q({
    candidateGroup: UNIT.id, name: MEASURE_TASK, sortBy: 'dueDate', sortOrder: 'desc', maxResults: '1',
  }));
  expect(task, `a ${MEASURE_TASK} task of ${UNIT.id} (REST)`).toBeTruthy();
  const taskId = task.id;
  await expect(taskLink(unitPage, taskId), `${MEASURE_TASK} ${taskId} in ${UNIT.liaison}'s ${MY_UNIT_FILTER}`).toBeVisible();
  await expect(taskLink(unitPage, taskId)).toContainText(MEASURE_TASK);
  await screenshot(unitPage, 'tasklist-my-unit-tasks');

  expect(task.taskDefinitionKey).toBe('userTask_unitRectifies');
  expect(await candidateGroups(taskId), 'the measure task is the unit\'s').toEqual([UNIT.id]);
  const pi = task.processInstanceId;
  const vars = await demo.engine(`/process-instance/${pi}/variables`);
  const measureCode = vars.measureCode.value;
  const leadUnit = vars.leadUnitGroup.value;
  test.info().annotations.push({ type: 'measure', description: `${measureCode} (lead unit ${leadUnit})` });

  await openTask(unitPage, taskId);
  await claimIfNeeded(unitPage, taskId);

  // -- 佐证材料: a real PDF with its 说明, then a program renamed .pdf, refused in Chinese naming the file
  const evidenceFile = { name: `整改通知-${measureCode}.pdf`, description: '印发的整改工作通知（浏览器测试）' };
  await openEvidenceTab(unitPage);
  const [uploaded] = await uploadEvidence(unitPage, [{
    name: evidenceFile.name, mimeType: 'application/pdf', buffer: smallPdf(`Rectification notice ${measureCode}`),
  }], evidenceFile.description);
  expect(uploaded.status(), `the upload of ${evidenceFile.name}: ${await uploaded.text()}`).toBe(201);
  expect(uploaded.request().headers()['x-xsrf-token'], 'the upload carries the session\'s CSRF token').toBeTruthy();
  const row = evidenceRow(unitPage, evidenceFile.name);
  await expect(row).toContainText(evidenceFile.description);
  await expect(row).toContainText('未提交');
  await expect(row.locator('.rectiflow-evidence-delete'), 'a draft can be removed').toBeVisible();
  const [refused] = await uploadEvidence(unitPage, [{
    name: '会议纪要.pdf', mimeType: 'application/pdf', buffer: windowsExecutable(),
  }], '');
  expect(refused.status()).toBe(400);
  await expect(unitPage.locator('.task-details .rectiflow-evidence-error'))
    .toHaveText('文件「会议纪要.pdf」是可执行程序，不能作为佐证材料，未上传');
  await expect(unitPage.locator('.task-details .rectiflow-evidence-files tbody tr'), 'only the PDF is listed').toHaveCount(1);
  await screenshot(unitPage, 'tasklist-evidence-tab');
  await openFormTab(unitPage);

  const unitForm = unitPage.locator('.task-details .fjs-form');
  await expect(unitForm, 'the form shows the measure').toContainText(measureCode);
  await expect(unitForm).toContainText(UNIT.name);
  const report = {
    // markup typed into a report is shown as typed to the reviewer, never rendered
    progress: `【浏览器测试】${measureCode}：<strong>已召开</strong>专题会议研究部署，**逐项**对照整改。`,
    completionSummary: '已按整改措施完成整改，建立长效机制并组织回头看。',
    evidence: '专题会议纪要（思公〔2021〕12号）；整改台账，存放于单位档案室。',
    reportStatus: 'COMPLETED',
  };
  await fillForm(unitPage, 'measure-report', report);
  // 制度机制: the form's dynamic list (form-js gives an input inside it the id …-<component id>_<row index>)
  const mechanism = { title: `思明分局整改台账管理办法（浏览器测试${measureCode}）`, docNumber: '思公〔2021〕15号', issuer: '思明分局' };
  await unitPage.locator('.fjs-form [id$="-textfield_mechanismTitle_0"]').fill(mechanism.title);
  await unitPage.locator('.fjs-form [id$="-textfield_mechanismDocNumber_0"]').fill(mechanism.docNumber);
  await unitPage.locator('.fjs-form [id$="-textfield_mechanismIssuer_0"]').fill(mechanism.issuer);
  const issuedOn = unitPage.locator('.fjs-form [id$="-datetime_mechanismIssuedOn_0-date"]');
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  // the date as the Chinese Tasklist shows one (2026/1/5)
  await issuedOn.fill(`${yesterday.getFullYear()}/${yesterday.getMonth() + 1}/${yesterday.getDate()}`);
  await issuedOn.press('Tab');
  await unitPage.locator('.fjs-form [id*="-radio_mechanismRevision"]').first().check();
  await screenshot(unitPage, 'tasklist-measure-form');
  await completeTask(unitPage, taskId);
  await screenshot(unitPage, 'tasklist-measure-reported');

  // -- the engine: the report is recorded, the review waits for the key group's lead unit
  const review = await taskAt(pi, 'userTask_leadUnitReview');
  expect(LEAD_UNITS, `the review's group ${leadUnit} leads a key group in organisation.yml`).toContain(leadUnit);
  expect(await candidateGroups(review.id), 'the review is the lead unit\'s').toEqual([leadUnit]);
  expect(await submittedValue(pi, 'progress')).toBe(report.progress);
  expect(await submittedValue(pi, 'reportStatus')).toBe('COMPLETED');

  // -- the lead unit's liaison approves the review
  const leadPage = await newUserPage(browser);
  await login(leadPage, 'tasklist', `${leadUnit}Liaison`);
  await openFilter(leadPage, MY_UNIT_FILTER);
  await openTask(leadPage, review.id);
  await claimIfNeeded(leadPage, review.id);
  await expect(leadPage.locator('.task-details .fjs-form'), 'the reviewer sees the unit\'s report as typed').toContainText(report.progress);
  await expect(leadPage.locator('.task-details .fjs-form strong', { hasText: '已召开' }), 'no markup rendered').toHaveCount(0);
  await expect(leadPage.locator('.task-details .fjs-form'), 'the reviewer sees the mechanism the report recorded')
    .toContainText(`《${mechanism.title}》（${mechanism.docNumber}，${mechanism.issuer}，`);
  const recorded = (await demo.get(`/api/rounds/${ROUND}/mechanisms`)).filter((m) => m.title === mechanism.title);
  expect(recorded, 'the ledger holds the mechanism from the form').toHaveLength(1);
  expect(recorded[0].measures).toEqual([measureCode]);
  const y = yesterday;
  expect(recorded[0].issuedOn).toBe(`${y.getFullYear()}-${pad(y.getMonth() + 1)}-${pad(y.getDate())}`);
  // the reviewer's tab 佐证材料: the unit's file with its 说明, submitted with the first report, opened in a new tab
  await openEvidenceTab(leadPage);
  const reviewed = evidenceRow(leadPage, evidenceFile.name);
  await expect(reviewed).toContainText(evidenceFile.description);
  await expect(reviewed).toContainText('第1次报告');
  await expect(reviewed.locator('.rectiflow-evidence-delete'), 'nothing to remove for the reviewer').toHaveCount(0);
  await expect(leadPage.locator('.task-details .rectiflow-evidence-upload'), 'no upload for the reviewer').toHaveCount(0);
  await screenshot(leadPage, 'tasklist-evidence-review');
  const link = reviewed.locator('a', { hasText: evidenceFile.name });
  const href = await link.getAttribute('href');
  expect(href).toMatch(new RegExp(`^/api/measures/${measureCode}/evidence/\\d+$`));
  const opened = leadPage.context().waitForEvent('response', (r) => new URL(r.url()).pathname === href);
  await link.click();
  const file = await opened;
  expect(file.status(), `GET ${href} in the new tab`).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');
  expect(file.headers()['content-disposition']).toMatch(/^inline; filename=/);
  expect(await file.headerValue('content-security-policy'), 'the file\'s own policy: no script').toContain("default-src 'none'");
  await openFormTab(leadPage);
  await fillForm(leadPage, 'lead-unit-review', { reviewDecision: 'APPROVE', reviewComment: '整改到位，同意报监督组销号。' });
  await screenshot(leadPage, 'tasklist-lead-unit-review');
  await completeTask(leadPage, review.id);

  // -- the supervision group signs it off
  const signOff = await taskAt(pi, 'userTask_supervisionSignOff');
  expect(await candidateGroups(signOff.id), 'the sign-off is the supervision group\'s').toEqual(['supervision']);
  const supervisorPage = await newUserPage(browser);
  await login(supervisorPage, 'tasklist', 'supervisor1');
  await openFilter(supervisorPage, MY_UNIT_FILTER);
  await openTask(supervisorPage, signOff.id);
  await claimIfNeeded(supervisorPage, signOff.id);
  await expect(supervisorPage.locator('.task-details .fjs-form')).toContainText(measureCode);
  await fillForm(supervisorPage, 'supervision-sign-off', { signOffDecision: 'APPROVE', signOffComment: '同意销号。' });
  await screenshot(supervisorPage, 'tasklist-supervision-sign-off');
  await completeTask(supervisorPage, signOff.id);

  // -- signed off: the instance ended at 已销号, and the ledger counts one more closed measure for the unit
  await waitFor(`measure ${measureCode}'s instance to end at endEvent_signedOff`, async () => {
    const ended = await demo.engine('/history/activity-instance' + q({ processInstanceId: pi, activityId: 'endEvent_signedOff' }));
    return ended.length === 1;
  }, { timeoutMs: 30_000 });
  expect((await demo.engine(`/history/process-instance/${pi}`)).state).toBe('COMPLETED');
  expect((await unitFigures(UNIT.id)).closed, `${UNIT.name}'s closed measures in the summary`).toBe(closedBefore + 1);
});

test('Cockpit shows 整改措施办理 with the running instances on its diagram', async ({ browser }) => {
  const definition = await demo.engine('/process-definition/key/measure-execution');
  const page = await newUserPage(browser);
  await login(page, 'cockpit', 'demo');
  await page.locator('a[href="#/processes"]').first().click();
  // the list links each definition by its key and by its name: the name's link
  const link = page.locator(`a[href="#/process-definition/${definition.id}"]`, { hasText: definition.name });
  await expect(link, `${definition.name} in Cockpit's process list`).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/process-definition/${definition.id}/runtime`));

  // the diagram with its activity instance badges; the unit task's badge counts the waiting measures
  await expect(page.locator('.djs-container svg [data-element-id="userTask_unitRectifies"]')).toBeVisible();
  const badge = page.locator('.djs-overlays[data-container-id="userTask_unitRectifies"] .badge.instance-count');
  await expect(badge, 'the instance count on 单位整改并报告').toBeVisible();
  const statistics = await demo.engine(`/process-definition/${definition.id}/statistics`);
  const waiting = statistics.find((s) => s.id === 'userTask_unitRectifies');
  expect(waiting && waiting.instances, 'measures waiting at 单位整改并报告 (REST statistics)').toBeGreaterThan(0);
  await expect(badge).toHaveText(String(waiting.instances));
  await screenshot(page, 'cockpit-measure-execution');
});

test('a liaison sees no task of another unit, in the list or by its URL', async ({ browser }) => {
  const otherTasks = await demo.engine('/task' + q({ candidateGroup: OTHER_UNIT.id }));
  expect(otherTasks.length, `tasks of ${OTHER_UNIT.name}`).toBeGreaterThan(0);
  const otherIds = new Set(otherTasks.map((t) => t.id));
  const foreign = otherTasks.find((t) => t.name === MEASURE_TASK) || otherTasks[0];

  const page = await newUserPage(browser);
  await login(page, 'tasklist', UNIT.liaison);
  await openFilter(page, MY_UNIT_FILTER);
  await expect(page.locator('ol.tasks-list li.task').first()).toBeVisible();
  const listed = await listedTaskIds(page);
  const ownIds = new Set([
    ...(await demo.engine('/task' + q({ candidateGroup: UNIT.id }))).map((t) => t.id),
    ...(await demo.engine('/task' + q({ assignee: UNIT.liaison }))).map((t) => t.id),
  ]);
  expect(listed.filter((id) => otherIds.has(id)), `${OTHER_UNIT.name}'s tasks in ${UNIT.liaison}'s list`).toEqual([]);
  expect(listed.filter((id) => !ownIds.has(id)), `tasks in ${UNIT.liaison}'s list that are not ${UNIT.name}'s`).toEqual([]);
  await expect(page.locator('ol.tasks-list')).not.toContainText(OTHER_UNIT.name);
  await screenshot(page, 'tasklist-own-unit-only');

  // the other unit's task by its URL, in a new tab: the engine answers 404 and the Tasklist opens no task
  const tab = await page.context().newPage();
  const answer = tab.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith(`/task/${foreign.id}`));
  await tab.goto(`/camunda/app/tasklist/default/#/?task=${foreign.id}`);
  const response = await answer;
  expect([403, 404], `the Tasklist's GET of ${OTHER_UNIT.name}'s task ${foreign.id}`).toContain(response.status());
  // the notice in Chinese, without the task's id (security/WebappEngineMessageFilter, issue 17)
  const notice = tab.locator('.page-notifications .alert-danger');
  await expect(notice, 'the Tasklist\'s error notice').toContainText('该任务已办结或已不存在，请刷新任务列表');
  await expect(notice).not.toContainText(foreign.id);
  await expect(tab.locator('.task-details .no-task')).toBeVisible();
  await expect(tab.locator('.task-details .fjs-form')).toHaveCount(0);
  await expect(taskLink(tab, foreign.id)).toHaveCount(0);
  await screenshot(tab, 'tasklist-other-unit-task-refused');

  // the same through the REST API as the liaison: not found, not claimable, not listed
  const liaison = new Rest(UNIT.liaison);
  expect((await liaison.call('GET', `/engine-rest/task/${foreign.id}`)).status).toBe(404);
  const claim = await liaison.call('POST', `/engine-rest/task/${foreign.id}/claim`, { userId: UNIT.liaison });
  expect([403, 404], `claiming ${OTHER_UNIT.name}'s task as ${UNIT.liaison}`).toContain(claim.status);
  expect(await liaison.engine('/task' + q({ candidateGroup: OTHER_UNIT.id }))).toEqual([]);
  expect((await demo.engine(`/task/${foreign.id}`)).assignee).toBeNull();
});
