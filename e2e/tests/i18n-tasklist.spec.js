// The Tasklist in Chinese for a zh-CN browser (issue 17, point 1):
// 1. form-js's validation messages (and the dynamic list's buttons, the diagram's zoom titles) are Chinese
//    (app/tasklist/scripts/rectiflow/form-messages-zh.js);
// 2. the list's relative dates are Chinese from the first paint, on every fresh login
//    (app/tasklist/scripts/rectiflow/moment-locale.js: the race between zh.json and en.json).
// Every test leaves the demo as it found it: the task it claims is unclaimed again, nothing is submitted.
const { test, expect } = require('@playwright/test');
const { Rest, q } = require('../lib/rest');
const { newUserPage, screenshot, login, openFilter, taskLink, claimIfNeeded } = require('../lib/webapps');

const MY_UNIT_FILTER = '我的单位待办';
const MEASURE_TASK = '单位整改并报告';
const LIAISON = 'simingLiaison';

const demo = new Rest('demo');

/** moment's English relative times ("in 8 days", "12 minutes ago", "a few seconds ago", "a month ago"). */
const ENGLISH_RELATIVE = /\b(ago|in \d+|in an?\b|a few seconds|seconds?|minutes?|hours?|days?|months?|years?)\b/;
/** moment's Chinese relative times, as zh.json's dateLocales and moment's zh-cn write them ("8 天后", "几秒前"). */
const CHINESE_RELATIVE = /(秒|分钟|小时|天|个月|年)(前|后)/;

test('form-js validation messages read in Chinese: 请填写…, 请选择…, 不能超过200个字符, no "Field …"', async ({ browser }) => {
  // a measure task of 思明分局 no one has claimed (the earliest deadline: not the one webapps.spec.js completes)
  const [task] = await demo.engine('/task' + q({
    candidateGroup: 'siming', name: MEASURE_TASK, unassigned: 'true', sortBy: 'dueDate', sortOrder: 'asc', maxResults: '1',
  }));
  expect(task, `an unclaimed ${MEASURE_TASK} task of siming (REST)`).toBeTruthy();
  const page = await newUserPage(browser);
  try {
    await login(page, 'tasklist', LIAISON);
    await openFilter(page, MY_UNIT_FILTER);
    await taskLink(page, task.id).click();
    await expect(page.locator('.task-details .fjs-form')).toBeVisible();
    await claimIfNeeded(page, task.id);

    // 完成 on the empty form: form-js validates every field and names each missing one
    await page.locator('.task-details button[ng-click="complete()"]').click();
    const errors = page.locator('.task-details .fjs-form-field-error li');
    await expect(errors).toHaveText(['请填写整改进展', '请填写整改完成情况', '请填写佐证材料', '请选择办理状态']);

    // a mechanism's name (maxLength 200 in forms/measure-report.form) one character too long
    const name = page.locator('.task-details .fjs-form-field-dynamiclist .fjs-form-field-textfield input').first();
    await name.fill('制'.repeat(201));
    await expect(page.locator('.task-details .fjs-form-field-dynamiclist .fjs-form-field-error li'))
      .toHaveText(['不能超过200个字符']);
    // typing into a field draws its message again: still Chinese
    await page.locator('.task-details textarea').first().fill('已部署');
    await page.locator('.task-details textarea').first().fill('');
    await expect(errors.first()).toHaveText('请填写整改进展');
    // the dynamic list's own button
    await expect(page.locator('.task-details .fjs-repeat-render-add')).toHaveText('添加');
    await screenshot(page, 'tasklist-form-messages-zh');
    await expect(page.locator('.task-details')).not.toContainText('Field ');
    await expect(page.locator('.task-details')).not.toContainText('Add new');
    // the tab 流程图's zoom buttons (English titles in the Tasklist's template)
    await page.locator('.task-details .nav-tabs a', { hasText: '流程图' }).click();
    await expect(page.locator('.task-details .navigation button.in')).toHaveAttribute('title', '放大');
    await expect(page.locator('.task-details .navigation button.out')).toHaveAttribute('title', '缩小');
  } finally {
    // leave the task as found
    const answer = await demo.call('POST', `/engine-rest/task/${task.id}/unclaim`);
    expect(answer.status, `unclaim of ${task.id}`).toBeLessThan(300);
    await page.context().close();
  }
});

test('the task list\'s relative dates are Chinese from the first paint on every fresh login', async ({ browser }) => {
  test.setTimeout(600_000); // eight logins, each with the page's start-up, on a shared machine
  const LOGINS = 8;
  for (let i = 1; i <= LOGINS; i++) {
    const page = await newUserPage(browser);
    await login(page, 'tasklist', LIAISON);
    await openFilter(page, MY_UNIT_FILTER);
    const dates = page.locator('ol.tasks-list li.task [am-time-ago]');
    await expect(dates.first(), `login ${i}: the list's dates`).toBeVisible();
    // as first drawn, and again once every request of the page (both locale files among them) has ended
    for (const moment of ['first paint', 'settled']) {
      if (moment === 'settled') await page.waitForLoadState('networkidle');
      const texts = await dates.allInnerTexts();
      expect(texts.length, `login ${i} (${moment}): relative dates in the list`).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text, `login ${i} (${moment}): no English relative date`).not.toMatch(ENGLISH_RELATIVE);
      }
      expect(texts.some((t) => CHINESE_RELATIVE.test(t)), `login ${i} (${moment}): a Chinese relative date in ${texts}`)
        .toBe(true);
    }
    if (i === 1) await screenshot(page, 'tasklist-relative-dates-zh');
    await page.context().close();
  }
});
