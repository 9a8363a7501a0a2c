// The dashboard (/api/dashboard): a file of its own, so that the page's Content-Security-Policy allows no inline script.
const COLOURS = { RED: '#d32f2f', AMBER: '#f9a825', GREEN: '#388e3c' };
const STEPS = { GREEN: '绿色提醒', AMBER: '黄色提醒', RED: '红色督办', INTERVIEW: '约谈', REWORK: '返工', RED_CARD: '红牌' };
// each escalation step in the colour its name says; the steps after red in darker shades of it, rework in grey
const STEP_COLOURS = { GREEN: COLOURS.GREEN, AMBER: COLOURS.AMBER, RED: COLOURS.RED, INTERVIEW: '#8e0000',
  RED_CARD: '#5d0000', REWORK: '#607d8b' };
// a unit's or key group's open measures, in the colour of its worst light: one series per light, so that the legend
// shows each colour with what it means
const OPEN_SERIES = [['RED', '未办结（有超期）'], ['AMBER', '未办结（临近时限）'], ['GREEN', '未办结（均未到期）']];
const STATUS = { REGISTERED: '已登记', IN_RECTIFICATION: '整改中', COMPLETED: '已完成' };
const charts = {};
function chart(id) { return charts[id] || (charts[id] = echarts.init(document.getElementById(id))); }

function scopeBars(id, scopes) {
  chart(id).setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['已完成整改', '基本完成、持续推进', ...OPEN_SERIES.map(([, name]) => name), '其中未完成', '其中超期'] },
    grid: { left: 40, right: 16, bottom: 90 },
    xAxis: { type: 'category', data: scopes.map(s => s.name + '\n' + s.completionRatePercent + '%'),
      axisLabel: { rotate: 45 } },
    yAxis: { type: 'value' },
    series: [
      { name: '已完成整改', type: 'bar', stack: 'all', data: scopes.map(s => s.rectified), itemStyle: { color: '#90a4ae' } },
      { name: '基本完成、持续推进', type: 'bar', stack: 'all', data: scopes.map(s => s.basicallyDone),
        itemStyle: { color: '#b0bec5' } },
      ...OPEN_SERIES.map(([light, name]) => ({ name, type: 'bar', stack: 'all', itemStyle: { color: COLOURS[light] },
        data: scopes.map(s => (s.colour === light ? s.open : 0)) })),
      { name: '其中未完成', type: 'line', data: scopes.map(s => s.notDone), itemStyle: { color: '#6a1b9a' } },
      { name: '其中超期', type: 'line', data: scopes.map(s => s.overdue), itemStyle: { color: '#000' } }
    ]
  }, true);
}

// The figures of each unit and key group as published reports print them (built as elements: names are data, not markup).
function figuresTable(id, scopes) {
  const table = document.getElementById(id);
  table.replaceChildren();
  const head = table.insertRow();
  ['名称', '反馈问题', '整改措施', '已完成整改', '基本完成、持续推进', '未完成', '正在推进', '完成率', '制度机制'].forEach(text => {
    const th = document.createElement('th');
    th.textContent = text;
    head.appendChild(th);
  });
  scopes.forEach(s => {
    const row = table.insertRow();
    [s.name, s.problems.total, s.total, s.rectified, s.basicallyDone, s.notDone, s.inProgress,
      s.completionRatePercent + '%', s.mechanisms].forEach(value => { row.insertCell().textContent = value; });
  });
}

async function load(code) {
  const response = await fetch('/api/rounds/' + encodeURIComponent(code) + '/summary', { credentials: 'same-origin' });
  if (!response.ok) { document.getElementById('error').textContent = '无法读取汇总数据：' + response.status; return; }
  const s = await response.json();
  document.getElementById('error').textContent = '';
  document.getElementById('title').textContent = s.title;
  const m = s.measures;
  const p = s.problems;
  document.getElementById('figures').innerHTML =
    `<div>反馈问题<b>${p.total}</b></div><div>整改措施<b>${m.total}</b></div>` +
    `<div>已完成整改<b>${m.rectified}</b></div><div>基本完成、持续推进<b>${m.basicallyDone}</b></div>` +
    `<div>未完成<b>${m.notDone}</b></div><div>正在推进<b>${m.inProgress}</b></div>` +
    `<div>整改完成率<b>${m.completionRatePercent}%</b></div><div>超期未办结<b>${m.overdue}</b></div>` +
    `<div>制度机制<b>${s.mechanisms}</b></div>` +
    `<div>督办提醒<b>${Object.values(s.noticesByStep).reduce((a, b) => a + b, 0)}</b></div>`;
  document.getElementById('problemFigures').textContent =
    `问题：已完成整改${p.rectified}个，基本完成、持续推进${p.basicallyDone}个，未完成${p.notDone}个，` +
    `正在推进${p.inProgress}个（完成率 = 已完成整改与基本完成、持续推进的措施数 ÷ 措施总数）`;
  chart('completion').setOption({
    series: [{ type: 'gauge', min: 0, max: 100, detail: { formatter: '{value}%' },
      data: [{ value: +m.completionRatePercent, name: '整改完成率' }] }]
  }, true);
  const steps = Object.keys(s.noticesByStep);
  chart('notices').setOption({
    tooltip: {}, xAxis: { type: 'category', data: steps.map(k => STEPS[k] || k) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: steps.map(k => ({ value: s.noticesByStep[k], itemStyle: { color: STEP_COLOURS[k] || '#9e9e9e' } })) }]
  }, true);
  scopeBars('units', s.units);
  scopeBars('groups', s.keyGroups);
  figuresTable('unitFigures', s.units);
  figuresTable('groupFigures', s.keyGroups);
  chart('burndown').setOption({
    tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: s.burnDown.map(p => p.date) },
    yAxis: { type: 'value' }, series: [{ type: 'line', step: 'end', data: s.burnDown.map(p => p.open), areaStyle: {} }]
  }, true);
}

(async () => {
  const response = await fetch('/api/rounds', { credentials: 'same-origin' });
  const rounds = response.ok ? await response.json() : [];
  const select = document.getElementById('round');
  rounds.forEach(r => select.add(new Option(r.code + ' ' + r.title + '（' + (STATUS[r.status] || r.status) + '）', r.code)));
  // the round in the address (?round=…) if it is one of the user's, else the newest in rectification (the list comes
  // newest first), else the newest not completed, else the newest
  const wanted = new URLSearchParams(location.search).get('round');
  const chosen = rounds.find(r => r.code === wanted) || rounds.find(r => r.status === 'IN_RECTIFICATION')
    || rounds.find(r => r.status !== 'COMPLETED') || rounds[0];
  if (wanted && (!chosen || chosen.code !== wanted)) {
    // a notice of its own: load() clears the error line once the round's figures have come
    document.getElementById('notice').textContent = '没有巡察轮次' + wanted + '，已显示' + (chosen ? chosen.code : '');
  }
  select.onchange = () => {
    // kept in the address, so that a reload or a shared link opens the same round
    history.replaceState(null, '', '?round=' + encodeURIComponent(select.value));
    load(select.value);
  };
  if (chosen) {
    select.value = chosen.code;
    history.replaceState(null, '', '?round=' + encodeURIComponent(chosen.code));
    load(chosen.code);
  } else {
    document.getElementById('error').textContent = '暂无巡察轮次';
  }
  window.onresize = () => Object.values(charts).forEach(c => c.resize());
})();
