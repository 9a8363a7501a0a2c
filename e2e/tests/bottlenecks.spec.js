// Where measures wait, in Cockpit (issue 19): the office (officer1) opens 整改措施办理's definition and sees an overlay
// on each user task with the figures the server gives (GET /api/bottlenecks/process-definitions/{id}, fetched in the
// test with the same session), the tab 瓶颈 with its activities, units and key groups, and a unit's link opening
// Cockpit's instance list filtered by the unit; then a round's instance (巡察整改) with its tab 瓶颈 listing the open
// measures by unit. Cockpit's custom script scripts/rectiflow/bottlenecks.js draws all of it; the elements are found
// by the data-* attributes it writes. It only reads: no task is claimed or completed.
const { test, expect } = require('@playwright/test');
const { Rest, q } = require('../lib/rest');
const { newUserPage, login, screenshot } = require('../lib/webapps');

const demo = new Rest('demo');
const OFFICE = 'officer1';
const UNIT_TASK = 'userTask_unitRectifies';
const TAB_LABEL = '瓶颈'; // the plugin's own label (bottlenecks.js)
const cockpit = (hash) => `/camunda/app/cockpit/default/${hash}`;

/** GET on /api with the page's session, as the plugin calls it. */
async function apiAsPage(page, url) {
  const answer = await page.evaluate(async (u) => {
    const response = await fetch(u, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    return { status: response.status, body: await response.text() };
  }, url);
  expect(answer.status, `GET ${url} as ${OFFICE}: ${answer.body.slice(0, 300)}`).toBe(200);
  return JSON.parse(answer.body);
}

function overlay(page, activityId) {
  return page.locator(`.djs-overlays[data-container-id="${activityId}"] .rf-bn-overlay`);
}

/** Shows the diagram's part around the measure's own steps (a viewbox as Cockpit keeps it in the URL). */
async function zoomOnSteps(page, activityIds) {
  const boxes = await page.evaluate((ids) => ids.map((id) => {
    const shape = document.querySelector(`.djs-container svg .djs-element[data-element-id="${id}"]`);
    const matrix = shape && shape.transform.baseVal.consolidate();
    const rect = shape && shape.querySelector('rect');
    return matrix ? { x: matrix.matrix.e, y: matrix.matrix.f, width: Number(rect.getAttribute('width')),
      height: Number(rect.getAttribute('height')) } : null;
  }), activityIds);
  const known = boxes.filter(Boolean);
  const left = Math.min(...known.map((b) => b.x)) - 60;
  const top = Math.min(...known.map((b) => b.y)) - 60;
  const right = Math.max(...known.map((b) => b.x + b.width)) + 160;
  const bottom = Math.max(...known.map((b) => b.y + b.height)) + 90;
  const url = new URL(page.url());
  const [hashPath, hashQuery] = url.hash.split('?');
  const params = new URLSearchParams(hashQuery || '');
  const current = JSON.parse(params.get('viewbox') || '{}');
  const diagram = Object.keys(current)[0];
  if (!diagram) return;
  params.set('viewbox', JSON.stringify({ [diagram]: { x: left, y: top, width: right - left, height: bottom - top } }));
  url.hash = hashPath + '?' + params.toString();
  await page.goto(url.toString());
  await page.reload();
}

/** The instance ids a Cockpit instance list shows. */
function listedInstances(rows) {
  return rows.locator('a[href*="#/process-instance/"]').evaluateAll((links) => [...new Set(links
    .map((a) => a.getAttribute('href').match(/process-instance\/([^/?]+)/)[1]))]);
}

/** Folds the diagram away (Cockpit's own toggle), so that the tabs take the page. */
async function collapseDiagram(page) {
  const toggle = page.locator('.ctn-content-top a.hide-collapsable');
  await toggle.click();
  await expect(toggle).toBeHidden();
}

test('the office sees on 整改措施办理 where measures wait: overlays, the tab 瓶颈, a unit\'s instances', async ({ browser }) => {
  const [definition] = await demo.engine('/process-definition' + q({ key: 'measure-execution', latestVersion: 'true' }));
  const page = await newUserPage(browser);
  await login(page, 'cockpit', OFFICE);
  await page.goto(cockpit(`#/process-definition/${definition.id}/runtime`));
  await expect(page.locator(`.djs-container svg [data-element-id="${UNIT_TASK}"]`)).toBeVisible();
  const figures = await apiAsPage(page, `/api/bottlenecks/process-definitions/${encodeURIComponent(definition.id)}`);

  // an overlay on every user task and call activity, with the server's figures and light
  const unitTask = figures.activities.find((a) => a.activityId === UNIT_TASK);
  expect(unitTask, `${UNIT_TASK} among the server's activities`).toBeTruthy();
  expect(unitTask.waiting, 'measures waiting at 单位整改并报告').toBeGreaterThan(0);
  await expect(overlay(page, UNIT_TASK).locator('[data-rf-waiting]'), 'the overlay on 单位整改并报告')
    .toHaveText(String(unitTask.waiting));
  await expect(overlay(page, UNIT_TASK)).toHaveAttribute('data-light', unitTask.light);
  await expect(overlay(page, UNIT_TASK)).toHaveAttribute('title', new RegExp(`^${unitTask.name}：待办 ${unitTask.waiting} `));
  for (const activity of figures.activities) {
    await expect(overlay(page, activity.activityId), `the overlay on ${activity.name}`).toHaveCount(1);
    await expect(overlay(page, activity.activityId).locator('[data-rf-waiting]')).toHaveText(String(activity.waiting));
  }
  await expect(page.locator('.rf-bn-overlay')).toHaveCount(figures.activities.length);

  // the README's picture: the measure's own steps, large enough to read the overlays
  await zoomOnSteps(page, figures.activities.map((a) => a.activityId));
  await expect(overlay(page, UNIT_TASK).locator('[data-rf-waiting]')).toHaveText(String(unitTask.waiting));
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'cockpit-bottlenecks');

  // the tab 瓶颈: activities ranked as the server ranks them, then the units and the key groups
  await page.locator('.ctn-tabbed-content .nav-tabs a, .nav-tabs a', { hasText: TAB_LABEL }).first().click();
  const tab = page.locator('[data-rf-bottlenecks="definition"]');
  await expect(tab, 'the tab 瓶颈').toBeVisible();
  await expect(tab.locator('caption').first()).toContainText(figures.asOf);
  const activityRows = tab.locator('table[data-rf-bottlenecks="activities"] tbody tr');
  await expect(activityRows).toHaveCount(figures.activities.length);
  expect(await activityRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-activity-id'))), 'the activities\' order')
    .toEqual(figures.activities.map((a) => a.activityId));
  expect(figures.units.length, 'units with measures').toBeGreaterThan(0);
  expect(figures.keyGroups.length, 'key groups with measures').toBeGreaterThan(0);
  const unitRows = tab.locator('table[data-rf-bottlenecks="units"] tbody tr');
  await expect(unitRows).toHaveCount(figures.units.length);
  expect(await unitRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))), 'the units\' order')
    .toEqual(figures.units.map((u) => u.code));
  await expect(tab.locator('table[data-rf-bottlenecks="keyGroups"] tbody tr')).toHaveCount(figures.keyGroups.length);
  await collapseDiagram(page);
  await screenshot(page, 'cockpit-bottlenecks-tab');

  // a unit's link: Cockpit's instance list of this definition, filtered by the unit's variable
  const unit = figures.units.find((u) => u.open > 0 && u.open <= 50) || figures.units[0];
  const expected = await demo.engine('/process-instance' + q({ processDefinitionId: definition.id,
    variables: `${unit.filter.variable}_eq_${unit.filter.value}`, maxResults: '50' }));
  const total = await demo.engine('/process-instance/count' + q({ processDefinitionId: definition.id }));
  expect(expected.length, `running instances of ${unit.name}`).toBeGreaterThan(0);
  expect(expected.length, 'a unit has fewer instances than the definition').toBeLessThan(total.count);
  await tab.locator(`table[data-rf-bottlenecks="units"] tr[data-code="${unit.code}"] a[data-rf-filter]`).click();
  await expect(page).toHaveURL(/searchQuery=/);
  const rows = page.locator('tr[ng-repeat="processInstance in processInstances"]');
  await expect(rows, `the instance list filtered by ${unit.filter.variable} = ${unit.filter.value}`).toHaveCount(expected.length);
  expect((await listedInstances(rows)).sort(), 'the listed instances are the unit\'s').toEqual(expected.map((i) => i.id).sort());

  // an activity's link: the same list filtered by the activity (Cockpit's own activity criterion)
  const activity = figures.activities.find((a) => a.waiting > 0 && a.waiting <= 50);
  expect(activity, 'an activity where a few instances wait').toBeTruthy();
  const atActivity = await demo.engine('/process-instance' + q({ processDefinitionId: definition.id,
    activityIdIn: activity.activityId, maxResults: '50' }));
  await page.goto(cockpit(`#/process-definition/${definition.id}/runtime?detailsTab=rectiflow-bottlenecks-definition-tab`));
  await tab.locator(`table[data-rf-bottlenecks="activities"] tr[data-activity-id="${activity.activityId}"] a`).click();
  await expect(page).toHaveURL(/searchQuery=/);
  await expect(rows, `the instance list filtered by ${activity.name}`).toHaveCount(atActivity.length);
  expect((await listedInstances(rows)).sort(), `the instances at ${activity.name}`).toEqual(atActivity.map((i) => i.id).sort());
  await page.context().close();
});

test('the office sees a round\'s measures that wait, by unit, in the round\'s tab 瓶颈', async ({ browser }) => {
  const [round] = await demo.engine('/process-instance' + q({ processDefinitionKey: 'inspection-round', businessKey: 'XC2020XMGA' }));
  expect(round, 'the round XC2020XMGA').toBeTruthy();
  const page = await newUserPage(browser);
  await login(page, 'cockpit', OFFICE);
  await page.goto(cockpit(`#/process-instance/${round.id}/runtime`));
  await expect(page.locator('.djs-container svg').first()).toBeVisible();
  const figures = await apiAsPage(page, `/api/bottlenecks/process-instances/${encodeURIComponent(round.id)}`);

  expect(figures.activities.length, 'activities of the round where something waits').toBeGreaterThan(0);
  for (const activity of figures.activities) {
    await expect(overlay(page, activity.activityId).locator('[data-rf-waiting]'), `the overlay on ${activity.name}`)
      .toHaveText(String(activity.waiting));
  }

  await page.locator('.nav-tabs a', { hasText: TAB_LABEL }).first().click();
  const tab = page.locator('[data-rf-bottlenecks="instance"]');
  await expect(tab, 'the tab 瓶颈').toBeVisible();
  expect(figures.measures.length, 'open measures of the round').toBeGreaterThan(0);
  const units = [...new Set(figures.measures.map((m) => m.unitCode))];
  const table = tab.locator('table[data-rf-bottlenecks="measures"]');
  await expect(table.locator('tbody[data-unit]'), 'one group per unit').toHaveCount(units.length);
  await expect(table.locator('tbody tr[data-code]')).toHaveCount(figures.measures.length);
  for (const unitCode of units.slice(0, 3)) {
    const own = figures.measures.filter((m) => m.unitCode === unitCode);
    const group = table.locator(`tbody[data-unit="${unitCode}"]`);
    await expect(group.locator('td.rf-bn-unit')).toContainText(own[0].unitName);
    expect(await group.locator('tr[data-code]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))),
      `the measures of ${own[0].unitName}`).toEqual(own.map((m) => m.code));
  }
  const first = figures.measures[0];
  await expect(table.locator(`tr[data-code="${first.code}"] a`))
    .toHaveAttribute('href', `#/process-instance/${first.processInstanceId}/runtime`);
  await collapseDiagram(page);
  await screenshot(page, 'cockpit-bottlenecks-round-tab');
  await page.context().close();
});
