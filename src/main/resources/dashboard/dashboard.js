// The dashboard (/api/dashboard): a file of its own, so that the page's Content-Security-Policy allows no inline script.
const COLOURS = { RED: '#d32f2f', AMBER: '#f9a825', GREEN: '#388e3c' };
const STEPS = { GREEN: '绿色提醒', AMBER: '黄色提醒', RED: '红色督办', INTERVIEW: '约谈', REWORK: '返工', RED_CARD: '红牌' };
const charts = {};
function chart(id) { return charts[id] || (charts[id] = echarts.init(document.getElementById(id))); }

function scopeBars(id, scopes) {
  chart(id).setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['已完成', '未完成', '其中超期'] },
    grid: { left: 40, right: 16, bottom: 90 },
    xAxis: { type: 'category', data: scopes.map(s => s.name), axisLabel: { rotate: 45 } },
    yAxis: { type: 'value' },
    series: [
      { name: '已完成', type: 'bar', stack: 'all', data: scopes.map(s => s.closed), itemStyle: { color: '#90a4ae' } },
      { name: '未完成', type: 'bar', stack: 'all',
        data: scopes.map(s => ({ value: s.open, itemStyle: { color: COLOURS[s.colour] } })) },
      { name: '其中超期', type: 'line', data: scopes.map(s => s.overdue), itemStyle: { color: '#000' } }
    ]
  }, true);
}

async function load(code) {
  const response = await fetch('/api/rounds/' + encodeURIComponent(code) + '/summary', { credentials: 'same-origin' });
  if (!response.ok) { document.getElementById('error').textContent = '无法读取汇总数据：' + response.status; return; }
  const s = await response.json();
  document.getElementById('error').textContent = '';
  document.getElementById('title').textContent = s.title;
  const m = s.measures;
  document.getElementById('figures').innerHTML =
    `<div>整改措施<b>${m.total}</b></div><div>已销号/转常态<b>${m.closed}</b></div>` +
    `<div>完成率<b>${(m.completionRate * 100).toFixed(1)}%</b></div><div>超期未完成<b>${m.overdue}</b></div>` +
    `<div>督办提醒<b>${Object.values(s.noticesByStep).reduce((a, b) => a + b, 0)}</b></div>`;
  chart('completion').setOption({
    series: [{ type: 'gauge', min: 0, max: 100, detail: { formatter: '{value}%' },
      data: [{ value: +(m.completionRate * 100).toFixed(1), name: '完成率' }] }]
  }, true);
  const steps = Object.keys(s.noticesByStep);
  chart('notices').setOption({
    tooltip: {}, xAxis: { type: 'category', data: steps.map(k => STEPS[k] || k) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: steps.map(k => s.noticesByStep[k]), itemStyle: { color: '#b71c1c' } }]
  }, true);
  scopeBars('units', s.units);
  scopeBars('groups', s.keyGroups);
  chart('burndown').setOption({
    tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: s.burnDown.map(p => p.date) },
    yAxis: { type: 'value' }, series: [{ type: 'line', step: 'end', data: s.burnDown.map(p => p.open), areaStyle: {} }]
  }, true);
}

(async () => {
  const response = await fetch('/api/rounds', { credentials: 'same-origin' });
  const rounds = response.ok ? await response.json() : [];
  const select = document.getElementById('round');
  rounds.forEach(r => select.add(new Option(r.code + ' ' + r.title, r.code)));
  const wanted = new URLSearchParams(location.search).get('round');
  if (wanted) { select.value = wanted; }
  select.onchange = () => load(select.value);
  if (select.value) { load(select.value); } else { document.getElementById('error').textContent = '暂无巡察轮次'; }
  window.onresize = () => Object.values(charts).forEach(c => c.resize());
})();
