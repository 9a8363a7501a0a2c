// Cockpit by role (issue 17, points 4 and 6): each role sees only the write actions the engine grants it, and
// Cockpit shows dates in the office's format and groups by name.
//
// scripts/rectiflow/permissions.js (Cockpit's custom script) marks <body> with rf-may-<kind> per granted kind of
// change and each plugin view with data-rf-plugin="<point>:<id>"; styles/user-styles.css hides what is not granted.
// The tests look at those attributes and at what is visible, never at Cockpit's labels. Nothing is changed.
const { test, expect } = require('@playwright/test');
const { Rest } = require('../lib/rest');
const { newUserPage, login, screenshot } = require('../lib/webapps');

const demo = new Rest('demo');

const PI_ACTION = 'cockpit.processInstance.runtime.action';
const PD_ACTION = 'cockpit.processDefinition.runtime.action';
const INSTANCE_ACTIONS = {
  cancel: `${PI_ACTION}:cancel-process-instance-action`,
  suspend: `${PI_ACTION}:update-suspension-state-action`,
  addVariable: `${PI_ACTION}:add-variable-action`,
  retry: `${PI_ACTION}:job-retry-action`,
};
const DEFINITION_ACTIONS = {
  suspend: `${PD_ACTION}:update-suspension-state-action`,
  jobPriority: `${PD_ACTION}:bulk-job-definition-override-job-priority-action`,
};
const VARIABLE_CONTROLS = '[ng-click="editVariableValue(v)"], [ng-click="deleteVariable(v)"], [ng-click="uploadVariable(v)"]';
const ALL_KINDS = ['delete-instance', 'suspend-instance', 'update-instance', 'update-variable', 'retry-job',
  'suspend-definition', 'update-definition', 'assign-task', 'delete-deployment', 'update-decision', 'update-batch',
  'delete-batch', 'annotate-log'];

/** The latest definition of a key and one of its running instances. */
async function definitionAndInstance(key) {
  const definition = await demo.engine(`/process-definition/key/${key}`);
  const instances = await demo.engine(`/process-instance?processDefinitionId=${encodeURIComponent(definition.id)}&maxResults=1`);
  expect(instances.length, `a running instance of ${key}`).toBe(1);
  return { definition, instance: instances[0] };
}

/** Logs in to Cockpit and waits until the user's permissions have been asked (body.rf-permissions). */
async function cockpitAs(browser, user) {
  const page = await newUserPage(browser);
  await login(page, 'cockpit', user);
  await expect(page.locator('body.rf-permissions'), `${user}'s permissions asked`).toBeAttached();
  return page;
}

/** The kinds of change <body> says the user may make. */
async function grantedKinds(page) {
  const classes = await page.locator('body').getAttribute('class');
  return classes.split(/\s+/).filter((c) => c.startsWith('rf-may-')).map((c) => c.slice('rf-may-'.length)).sort();
}

function pluginView(page, id) {
  return page.locator(`view[data-rf-plugin="${id}"]`);
}

/** How many of the elements are visible. */
async function visibleCount(locator) {
  return locator.evaluateAll((elements) => elements.filter((e) => e.getClientRects().length > 0
    && getComputedStyle(e).visibility !== 'hidden').length);
}

async function openInstance(page, instance) {
  await page.goto(`/camunda/app/cockpit/default/#/process-instance/${instance.id}/runtime`);
  // the toolbar's plugin views are drawn (named by the script) and the tab 变量 has its rows
  await expect(pluginView(page, INSTANCE_ACTIONS.cancel)).toBeAttached();
  await expect(page.locator('view[data-rf-plugin="cockpit.processInstance.runtime.tab:variables-tab"] tbody tr').first(),
    'the tab 变量 with its variables').toBeVisible();
}

async function openDefinition(page, definition) {
  await page.goto(`/camunda/app/cockpit/default/#/process-definition/${definition.id}/runtime`);
  await expect(pluginView(page, DEFINITION_ACTIONS.suspend)).toBeAttached();
}

for (const key of ['measure-execution', 'inspection-round']) {
  test(`Cockpit offers officer1 no write action on ${key}'s definition and instance`, async ({ browser }) => {
    const { definition, instance } = await definitionAndInstance(key);
    const page = await cockpitAs(browser, 'officer1');
    expect(await grantedKinds(page), 'officer1 (整改专班) may change nothing').toEqual([]);

    await openDefinition(page, definition);
    for (const [name, id] of Object.entries(DEFINITION_ACTIONS)) {
      await expect(pluginView(page, id), `the definition's action ${name}`).toBeHidden();
    }
    await expect(page.locator('[time-to-live] a[ng-click="showDialog()"]')).toHaveCSS('pointer-events', 'none');

    await openInstance(page, instance);
    for (const [name, id] of Object.entries(INSTANCE_ACTIONS)) {
      await expect(pluginView(page, id), `the instance's action ${name}`).toBeHidden();
    }
    expect(await visibleCount(page.locator(VARIABLE_CONTROLS)), 'edit/delete/upload controls of the variables').toBe(0);
    await screenshot(page, `cockpit-officer1-${key}-instance`);
  });
}

test('Cockpit offers owner1 what its grants allow and no change of a batch', async ({ browser }) => {
  const { definition, instance } = await definitionAndInstance('measure-execution');
  const page = await cockpitAs(browser, 'owner1');
  // processowner: definitions ALL, instances READ+UPDATE, deployments DELETE, batches CREATE+READ, no decisions
  expect(await grantedKinds(page)).toEqual(['annotate-log', 'assign-task', 'delete-deployment', 'delete-instance',
    'retry-job', 'suspend-definition', 'suspend-instance', 'update-definition', 'update-instance', 'update-variable']);

  await openDefinition(page, definition);
  await expect(pluginView(page, DEFINITION_ACTIONS.suspend), 'suspend the definition').toBeVisible();
  await expect(pluginView(page, DEFINITION_ACTIONS.jobPriority), 'override the jobs\' priority').toBeVisible();

  await openInstance(page, instance);
  for (const [name, id] of Object.entries(INSTANCE_ACTIONS)) {
    await expect(pluginView(page, id), `the instance's action ${name}`).toBeVisible();
  }
  expect(await visibleCount(page.locator(VARIABLE_CONTROLS)), 'the variables can be edited').toBeGreaterThan(0);
  await screenshot(page, 'cockpit-owner1-instance');
});

test('Cockpit offers demo every write action', async ({ browser }) => {
  const { definition, instance } = await definitionAndInstance('inspection-round');
  const page = await cockpitAs(browser, 'demo');
  expect(await grantedKinds(page)).toEqual([...ALL_KINDS].sort());

  await openDefinition(page, definition);
  for (const [name, id] of Object.entries(DEFINITION_ACTIONS)) {
    await expect(pluginView(page, id), `the definition's action ${name}`).toBeVisible();
  }
  await openInstance(page, instance);
  for (const [name, id] of Object.entries(INSTANCE_ACTIONS)) {
    await expect(pluginView(page, id), `the instance's action ${name}`).toBeVisible();
  }
  expect(await visibleCount(page.locator(VARIABLE_CONTROLS))).toBeGreaterThan(0);
});

test('Cockpit shows start times as 2026年12月7日 16:45 in Shanghai time and task groups by name', async ({ browser }) => {
  const definition = await demo.engine('/process-definition/key/measure-execution');
  const page = await cockpitAs(browser, 'officer1');
  await openDefinition(page, definition);
  const row = page.locator('tr[ng-repeat="processInstance in processInstances"]').first();
  await expect(row).toBeVisible();
  const href = await row.locator('a[href*="#/process-instance/"]').first().getAttribute('href');
  const instanceId = href.match(/process-instance\/([^/?]+)/)[1];
  const started = await demo.engine(`/history/process-instance/${instanceId}`);
  // the engine's time (e.g. 2026-12-07T08:45:00.000+0000) as the office reads it: UTC+8, 年月日 hour:minute
  const local = new Date(Date.parse(started.startTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) + 8 * 3600 * 1000);
  const expected = `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 `
    + `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  await expect(row.locator('td.start-time'), `the start time of ${instanceId}`).toHaveText(expected);
  const text = await page.locator('body').innerText();
  expect(text, 'no raw ISO timestamp').not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

  // the tasks dashboard names the candidate groups (整改专班, not office), never by a group's id
  const groups = await demo.engine('/group?maxResults=1000');
  const ids = new Set(groups.map((g) => g.id));
  await page.goto('/camunda/app/cockpit/default/#/tasks');
  const groupCells = page.locator('view[data-rf-plugin="cockpit.tasks.dashboard:task-dashboard"] tr td:last-child');
  await expect(groupCells.filter({ hasText: /^整改专班$/ })).toHaveCount(1);
  const shown = (await groupCells.allInnerTexts()).map((t) => t.trim());
  expect(shown.filter((t) => ids.has(t)), 'group ids shown instead of names').toEqual([]);
  await screenshot(page, 'cockpit-tasks-by-group');
});
