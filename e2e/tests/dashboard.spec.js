// The dashboard (/api/dashboard) as the office opens it (issue 17, point 7): it opens on the newest round in rectification,
// keeps the chosen round in the address across a reload, and its colours and legends say what they mean.
const { test, expect } = require('@playwright/test');
const { CONTEXT_OPTIONS } = require('../lib/browser');

// What ECharts draws, read from the chart's own option: series names with their colours, bar colours per category.
async function chartOption(page, id) {
  return page.evaluate((chartId) => {
    const option = window.echarts.getInstanceByDom(document.getElementById(chartId)).getOption();
    return {
      categories: option.xAxis[0].data,
      series: option.series.map(s => ({
        name: s.name,
        colour: s.itemStyle && s.itemStyle.color,
        data: s.data.map(d => (d !== null && typeof d === 'object' ? { value: d.value, colour: d.itemStyle && d.itemStyle.color } : d)),
      })),
    };
  }, id);
}

test('the dashboard opens on the newest round in rectification, keeps the chosen round in the address, and its colours mean what they say', async ({ browser }) => {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, httpCredentials: { username: 'officer1', password: 'demo' } });
  const page = await context.newPage();

  // the newest round in rectification: the demo's second round (ZX2021YSHJ, its plan in drafting), registered after the seed's
  await page.goto('/api/dashboard');
  await expect(page.locator('#round')).toHaveValue('ZX2021YSHJ');
  await expect(page).toHaveURL(/\/api\/dashboard\?round=ZX2021YSHJ$/);
  await expect(page.locator('#round option[value="XC2020XMGA"]')).toHaveText('XC2020XMGA 市委第一巡察组巡察中共厦门市公安局委员会（整改中）');

  // the choice is kept in the address: a reload opens the same round
  await page.selectOption('#round', 'XC2020XMGA');
  await expect(page).toHaveURL(/\/api\/dashboard\?round=XC2020XMGA$/);
  await page.reload();
  await expect(page.locator('#round')).toHaveValue('XC2020XMGA');
  await expect(page.locator('#title')).toHaveText('市委第一巡察组巡察中共厦门市公安局委员会');

  const units = await chartOption(page, 'units');
  expect(units.series.map(s => [s.name, s.colour || null])).toEqual([
    ['已完成整改', '#90a4ae'],
    ['基本完成、持续推进', '#b0bec5'],
    ['未办结（有超期）', '#d32f2f'],
    ['未办结（临近时限）', '#f9a825'],
    ['未办结（均未到期）', '#388e3c'],
    ['其中未完成', '#6a1b9a'],
    ['其中超期', '#000'],
  ]);
  // each unit's open measures stand in exactly one of the three coloured series
  const open = units.series.slice(2, 5).map(s => s.data);
  for (let i = 0; i < units.categories.length; i++) {
    expect(open.filter(data => data[i] > 0).length).toBeLessThanOrEqual(1);
  }
  expect(open.flat().some(value => value > 0)).toBe(true);

  const notices = await chartOption(page, 'notices');
  const colourOf = Object.fromEntries(notices.categories.map((step, i) => [step, notices.series[0].data[i].colour]));
  // the demo round has sent reminders of every colour and interviews: each bar in the colour its name says
  expect(colourOf).toMatchObject({ '绿色提醒': '#388e3c', '黄色提醒': '#f9a825', '红色督办': '#d32f2f', '约谈': '#8e0000' });
  // units in each of the three lights: 人事处 has overdue measures, 考评办 only some near their deadline
  const unitIndex = name => units.categories.findIndex(c => c.startsWith(name + '\n'));
  expect(units.series[2].data[unitIndex('人事处')]).toBeGreaterThan(0);
  expect(units.series[3].data[unitIndex('考评办')]).toBeGreaterThan(0);

  // a round the address names that does not exist: said in Chinese, and the default round shown
  await page.goto('/api/dashboard?round=NOSUCH');
  await expect(page.locator('#round')).toHaveValue('ZX2021YSHJ');
  await expect(page.locator('#title')).toHaveText('市委巡察组营商环境专项巡察');
  await expect(page.locator('#notice')).toHaveText('没有巡察轮次NOSUCH，已显示ZX2021YSHJ');
  await context.close();
});
