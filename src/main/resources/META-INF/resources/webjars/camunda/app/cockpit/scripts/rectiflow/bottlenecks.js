// Rectiflow: where measures wait, in Cockpit itself (issue 19): overlays on the diagram and a tab 瓶颈, for a process
// definition and for a process instance.
//
// Loaded through Cockpit's own customScripts (scripts/config.js) as an ES module whose default export is a list of
// plugins at Cockpit 7.24's plugin points (its bootstrap calls each plugin's render):
//   cockpit.processDefinition.diagram.plugin  render(viewer, {processDefinitionId})  overlays on the definition
//   cockpit.processDefinition.runtime.tab     render(node, {processDefinitionId})    the tab 瓶颈
//   cockpit.processInstance.diagram.plugin    render(viewer, {processInstanceId})    overlays on the instance
//   cockpit.processInstance.runtime.tab       render(node, {processInstanceId})      the tab 瓶颈
// The figures come from the application's GET /api/bottlenecks/process-definitions/{id} and
// /api/bottlenecks/process-instances/{id} (package org.rectiflow.bottleneck) with the webapps' session cookie; the
// server counts only the instances the user may read and words every text (Chinese, dates in the office's zone), this
// script only lays them out. A refusal is shown as the server words it. Links go to Cockpit's own pages: the
// definition's instance list filtered by its search widget (the URL parameter searchQuery, as Cockpit writes it when
// one picks a criterion: a variable's value, or an activity) and an instance's page. docs/bottlenecks.md says what
// each figure means. Plain DOM, no framework, no build step; the styles are below (STYLES).

const DASH = '—';
const LIGHTS = ['RED', 'AMBER', 'GREEN', 'NONE'];
const TYPES = { userTask: '用户任务', callActivity: '调用活动' };
const CACHE_MILLIS = 10000;

const STYLES = `
.rf-bn-overlay { font-size: 10px; line-height: 12px; white-space: nowrap; padding: 1px 4px; border-radius: 3px;
  background: rgba(255, 255, 255, 0.94); color: #333; border: 1px solid #bbb; border-left-width: 4px;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.15); cursor: default; }
.rf-bn-overlay .rf-bn-count { font-weight: bold; }
.rf-bn-light-RED { border-color: #d9534f; }
.rf-bn-light-AMBER { border-color: #f0ad4e; }
.rf-bn-light-GREEN { border-color: #5cb85c; }
.rf-bn-light-NONE { border-color: #aaa; color: #777; }
.rf-bn-overlay.rf-bn-light-RED { background: rgba(253, 236, 236, 0.96); }
.rf-bn-overlay.rf-bn-light-AMBER { background: rgba(254, 246, 231, 0.96); }
.rf-bn-overlay.rf-bn-light-GREEN { background: rgba(238, 248, 238, 0.96); }
.rf-bn-tab { padding: 8px 0; }
.rf-bn-tab h4 { margin: 18px 0 6px; font-size: 15px; }
.rf-bn-tab caption { caption-side: top; color: #666; padding: 2px 0 6px; text-align: left; }
.rf-bn-tab table.rf-bn-table { width: 100%; margin-bottom: 8px; }
.rf-bn-tab table.rf-bn-table th, .rf-bn-tab table.rf-bn-table td { padding: 4px 8px; vertical-align: top; }
.rf-bn-tab table.rf-bn-table th { white-space: nowrap; background: #f5f5f5; }
.rf-bn-tab td.rf-bn-num { text-align: right; white-space: nowrap; }
.rf-bn-tab td.rf-bn-nowrap { white-space: nowrap; }
.rf-bn-tab td.rf-bn-unit { background: #fafafa; font-weight: bold; white-space: nowrap; }
.rf-bn-lamp { display: inline-block; white-space: nowrap; padding: 0 6px; border-radius: 8px; border: 1px solid;
  font-size: 12px; line-height: 16px; }
.rf-bn-lamp.rf-bn-light-RED { background: #d9534f; color: #fff; }
.rf-bn-lamp.rf-bn-light-AMBER { background: #f0ad4e; color: #fff; }
.rf-bn-lamp.rf-bn-light-GREEN { background: #5cb85c; color: #fff; }
.rf-bn-lamp.rf-bn-light-NONE { background: #eee; }
.rf-bn-tab .rf-bn-empty { color: #777; }
`;

// ---- the server

const cache = new Map();

/** GET on the application's /api: resolves to {ok, status, data}; never rejects. Kept a few seconds (overlay and tab). */
function get(url) {
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < CACHE_MILLIS) {
    return hit.answer;
  }
  const answer = fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      const json = (response.headers.get('Content-Type') || '').indexOf('json') !== -1;
      return (json ? response.json() : Promise.resolve(null)).catch(function () {
        return null;
      }).then(function (data) {
        return { ok: response.ok, status: response.status, data: data };
      });
    })
    .catch(function () {
      return { ok: false, status: 0, data: null };
    });
  cache.set(url, { at: Date.now(), answer: answer });
  return answer;
}

function definitionFigures(id) {
  return get('/api/bottlenecks/process-definitions/' + encodeURIComponent(id));
}

function instanceFigures(id) {
  return get('/api/bottlenecks/process-instances/' + encodeURIComponent(id));
}

/** What to tell the user about a failed call: the server's words, else a Chinese line. */
function refusal(result) {
  if (result.data && result.data.message) {
    return result.data.message;
  }
  if (result.status === 401) {
    return '登录已失效，请重新登录后再试';
  }
  if (result.status === 404) {
    return '未找到该流程';
  }
  if (result.status === 0) {
    return '无法连接服务器，请稍后再试';
  }
  return '瓶颈数据读取失败（HTTP ' + result.status + '），请稍后再试';
}

// ---- Cockpit's pages

/** The id in Cockpit's current URL (#/process-definition/<id>/runtime?…), for a plugin point that passes none. */
function idFromLocation() {
  const part = (window.location.hash.split('/')[2] || '').split('?')[0];
  return part ? decodeURIComponent(part) : null;
}

/** Cockpit's instance list of a definition, filtered by its search widget's criteria (as Cockpit writes them). */
function filteredListUrl(processDefinitionId, criteria) {
  return '#/process-definition/' + encodeURIComponent(processDefinitionId) + '/runtime?searchQuery='
    + encodeURIComponent(JSON.stringify(criteria));
}

function byVariableUrl(processDefinitionId, filter) {
  return filteredListUrl(processDefinitionId, [{ type: 'variables', operator: 'eq', value: filter.value, name: filter.variable }]);
}

function byActivityUrl(processDefinitionId, activityId) {
  return filteredListUrl(processDefinitionId, [{ type: 'activityIdIn', operator: 'eq', value: activityId, name: '' }]);
}

function instanceUrl(processInstanceId) {
  return '#/process-instance/' + encodeURIComponent(processInstanceId) + '/runtime';
}

// ---- DOM

function addStyles() {
  if (!document.getElementById('rf-bottleneck-styles')) {
    const style = document.createElement('style');
    style.id = 'rf-bottleneck-styles';
    style.textContent = STYLES;
    document.head.appendChild(style);
  }
}

/** An element: h('td', {class: 'x', title: 'y'}, 'text', child, …); null and undefined children are left out. */
function h(tag, attributes) {
  const element = document.createElement(tag);
  Object.keys(attributes || {}).forEach(function (name) {
    const value = attributes[name];
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, String(value));
    }
  });
  for (let i = 2; i < arguments.length; i++) {
    append(element, arguments[i]);
  }
  return element;
}

function append(element, child) {
  if (child === null || child === undefined || child === false) {
    return;
  }
  if (Array.isArray(child)) {
    child.forEach(function (c) {
      append(element, c);
    });
  } else {
    element.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** A figure as given, or — when there is nothing to measure. */
function text(value) {
  return value === null || value === undefined || value === '' ? DASH : String(value);
}

function light(value) {
  return LIGHTS.indexOf(value) !== -1 ? value : 'NONE';
}

function lamp(item) {
  return h('span', { class: 'rf-bn-lamp rf-bn-light-' + light(item.light), 'data-light': light(item.light) },
    text(item.lightLabel));
}

function num(value) {
  return h('td', { class: 'rf-bn-num' }, text(value));
}

function table(name, headers, rows, captionText) {
  return h('table', { class: 'table table-condensed table-bordered rf-bn-table', 'data-rf-bottlenecks': name },
    captionText ? h('caption', null, captionText) : null,
    h('thead', null, h('tr', null, headers.map(function (header) {
      return h('th', null, header);
    }))),
    h('tbody', null, rows));
}

function caption(figures) {
  return '统计时间：' + text(figures.asOf) + ' · 统计范围：' + text(figures.scope);
}

function loading(node) {
  node.textContent = '';
  node.appendChild(h('p', { class: 'rf-bn-empty' }, '正在读取瓶颈数据……'));
}

function failure(node, result) {
  node.textContent = '';
  node.appendChild(h('div', { class: 'alert alert-danger rf-bn-error', 'data-rf-bottlenecks': 'error' }, refusal(result)));
}

// ---- overlays

/** Adds one overlay per activity below its shape (the task's name stays readable); returns the overlays' ids. */
function addOverlays(viewer, activities, lines, titleOf) {
  let overlays;
  let registry;
  try {
    overlays = viewer.get('overlays');
    registry = viewer.get('elementRegistry');
  } catch (e) {
    return; // the diagram is gone (another page)
  }
  overlays.remove({ type: 'rf-bottleneck' });
  activities.forEach(function (activity) {
    if (!registry.get(activity.activityId)) {
      return;
    }
    const box = h('div', {
      class: 'rf-bn-overlay rf-bn-light-' + light(activity.light),
      'data-rf-bottleneck': activity.activityId,
      'data-light': light(activity.light),
      title: titleOf(activity),
    });
    lines(activity).forEach(function (line) {
      box.appendChild(h('div', null, line));
    });
    overlays.add(activity.activityId, 'rf-bottleneck', { position: { bottom: -9, left: -2 }, scale: { min: 0.75 }, html: box });
  });
}

function definitionLines(a) {
  return [
    ['待办 ', h('span', { class: 'rf-bn-count', 'data-rf-waiting': a.waiting }, text(a.waiting)), ' · 超期 ', text(a.overdue)],
    '等待 中位 ' + text(a.waitMedian) + ' / 90分位 ' + text(a.waitP90),
    '办理 中位 ' + text(a.durationMedian) + ' / 90分位 ' + text(a.durationP90),
  ];
}

function definitionTitle(a) {
  return text(a.name) + '：待办 ' + text(a.waiting) + ' · 等待中位 ' + text(a.waitMedian) + ' / 90分位 '
    + text(a.waitP90) + ' · 已办结 ' + text(a.finished) + '，办理中位 ' + text(a.durationMedian) + ' / 90分位 '
    + text(a.durationP90) + ' · 超期 ' + text(a.overdue) + ' · 临近时限 ' + text(a.amber) + ' · ' + text(a.lightLabel);
}

function instanceLines(a) {
  return [
    ['待办 ', h('span', { class: 'rf-bn-count', 'data-rf-waiting': a.waiting }, text(a.waiting)), ' · 超期 ', text(a.overdue)],
    '等待自 ' + text(a.since),
    '已等待 ' + text(a.waited),
  ];
}

function instanceTitle(a) {
  return text(a.name) + '：待办 ' + text(a.waiting) + ' · 等待自 ' + text(a.since) + ' · 已等待 ' + text(a.waited)
    + ' · 超期 ' + text(a.overdue) + ' · 临近时限 ' + text(a.amber) + ' · ' + text(a.lightLabel);
}

// ---- the definition's tab

function activitiesTable(figures) {
  const id = figures.processDefinitionId;
  const rows = (figures.activities || []).map(function (a) {
    return h('tr', { 'data-activity-id': a.activityId },
      h('td', null, h('a', { href: byActivityUrl(id, a.activityId), title: '查看停留在「' + text(a.name) + '」的实例' }, text(a.name))),
      h('td', { class: 'rf-bn-nowrap' }, TYPES[a.type] || DASH),
      num(a.waiting), num(a.waitMedian), num(a.waitP90),
      num(a.finished), num(a.durationMedian), num(a.durationP90),
      num(a.overdue), num(a.amber),
      h('td', { class: 'rf-bn-nowrap' }, lamp(a)));
  });
  return table('activities', ['环节', '类型', '待办', '等待中位', '等待90分位', '已办结', '办理中位', '办理90分位', '超期',
    '临近时限', '状态'], rows, caption(figures));
}

/** The step names (report, review, sign-off) as the first row gives them. */
function stepNames(groups) {
  const first = groups.find(function (g) {
    return g.steps && g.steps.length;
  });
  return first ? first.steps.map(function (s) {
    return text(s.name) + '中位';
  }) : [];
}

function groupsTable(name, figures, groups, leading) {
  const id = figures.processDefinitionId;
  const steps = stepNames(groups);
  const rows = groups.map(function (g) {
    const link = g.filter
      ? h('a', { href: byVariableUrl(id, g.filter), 'data-rf-filter': g.filter.variable + '=' + g.filter.value,
        title: '查看「' + text(g.name) + '」的实例' }, text(g.name))
      : text(g.name);
    return h('tr', { 'data-code': g.code },
      h('td', null, link),
      leading ? h('td', null, text(g.leadUnitName)) : null,
      num(g.open), num(g.overdue),
      steps.map(function (s, i) {
        const step = (g.steps || [])[i] || {};
        return h('td', { class: 'rf-bn-num', title: '已办结 ' + text(step.finished) }, text(step.median));
      }),
      num(g.reworks),
      h('td', { class: 'rf-bn-nowrap' }, lamp(g)));
  });
  const headers = [leading ? '关键组' : '单位'].concat(leading ? ['牵头单位'] : [], ['在办', '超期'], steps, ['返工', '状态']);
  return table(name, headers, rows);
}

/** When the server listed only the top of a long ranking: how many there are in all. */
function rankingNote(listed, count, what) {
  return count > listed.length
    ? h('p', { class: 'rf-bn-empty', 'data-rf-ranking-note': what }, '共' + count + '个' + what + '，列出最需关注的前' + listed.length + '个')
    : null;
}

function renderDefinitionTab(node, figures) {
  node.textContent = '';
  const tab = h('div', { class: 'rf-bn-tab', 'data-rf-bottlenecks': 'definition' },
    h('h4', null, '各环节等待情况（等待最久者在前）'),
    (figures.activities || []).length ? activitiesTable(figures) : h('p', { class: 'rf-bn-empty' }, '该流程没有用户任务或调用活动'));
  if ((figures.units || []).length || (figures.keyGroups || []).length) {
    tab.appendChild(h('h4', null, '单位（按超期数、环节用时排序）'));
    tab.appendChild((figures.units || []).length ? groupsTable('units', figures, figures.units, false)
      : h('p', { class: 'rf-bn-empty' }, '暂无单位数据'));
    const unitNote = rankingNote(figures.units || [], figures.unitCount || 0, '单位');
    if (unitNote) {
      tab.appendChild(unitNote);
    }
    tab.appendChild(h('h4', null, '关键组（按超期数、环节用时排序）'));
    tab.appendChild((figures.keyGroups || []).length ? groupsTable('keyGroups', figures, figures.keyGroups, true)
      : h('p', { class: 'rf-bn-empty' }, '暂无关键组数据'));
    const keyGroupNote = rankingNote(figures.keyGroups || [], figures.keyGroupCount || 0, '关键组');
    if (keyGroupNote) {
      tab.appendChild(keyGroupNote);
    }
  }
  node.appendChild(tab);
}

// ---- the instance's tab

function instanceActivitiesTable(figures) {
  const rows = (figures.activities || []).map(function (a) {
    return h('tr', { 'data-activity-id': a.activityId },
      h('td', null, text(a.name)),
      h('td', { class: 'rf-bn-nowrap' }, TYPES[a.type] || DASH),
      num(a.waiting), h('td', { class: 'rf-bn-nowrap' }, text(a.since)), num(a.waited), num(a.overdue), num(a.amber),
      h('td', { class: 'rf-bn-nowrap' }, lamp(a)));
  });
  return table('activities', ['环节', '类型', '待办', '等待自', '已等待', '超期', '临近时限', '状态'], rows, caption(figures));
}

/** The measures by unit, the units in the order of their first (worst) measure. */
function measuresTable(measures) {
  const units = [];
  const byUnit = new Map();
  measures.forEach(function (m) {
    const key = m.unitCode || m.unitName || '';
    if (!byUnit.has(key)) {
      byUnit.set(key, []);
      units.push(key);
    }
    byUnit.get(key).push(m);
  });
  const bodies = units.map(function (key) {
    const list = byUnit.get(key);
    return h('tbody', { 'data-unit': key }, list.map(function (m, i) {
      return h('tr', { 'data-code': m.code },
        i === 0 ? h('td', { class: 'rf-bn-unit', rowspan: list.length }, text(m.unitName), h('br'),
          h('small', { class: 'text-muted' }, list.length + '项')) : null,
        h('td', { class: 'rf-bn-nowrap' }, m.processInstanceId
          ? h('a', { href: instanceUrl(m.processInstanceId), title: '打开该措施的流程实例' }, text(m.code)) : text(m.code)),
        h('td', null, text(m.content)),
        h('td', { class: 'rf-bn-nowrap' }, text(m.activityName)),
        h('td', { class: 'rf-bn-nowrap' }, text(m.since)),
        num(m.waited),
        h('td', { class: 'rf-bn-nowrap' }, text(m.deadline)),
        h('td', { class: 'rf-bn-nowrap' }, lamp(m)));
    }));
  });
  const element = table('measures', ['单位', '措施编号', '整改措施', '当前环节', '等待自', '已等待', '完成时限', '状态'], []);
  element.removeChild(element.querySelector('tbody'));
  bodies.forEach(function (b) {
    element.appendChild(b);
  });
  return element;
}

function renderInstanceTab(node, figures) {
  node.textContent = '';
  const measures = figures.measures || [];
  node.appendChild(h('div', { class: 'rf-bn-tab', 'data-rf-bottlenecks': 'instance' },
    h('h4', null, '正在等待的环节'),
    (figures.activities || []).length ? instanceActivitiesTable(figures)
      : h('p', { class: 'rf-bn-empty' }, caption(figures) + '：当前没有等待办理的环节'),
    h('h4', null, '未办结的整改措施（按单位）'),
    measures.length ? measuresTable(measures) : h('p', { class: 'rf-bn-empty' }, '没有未办结的整改措施')));
}

// ---- the plugins

addStyles();

/** The overlays of a diagram: the figures of the page's definition or instance, drawn under its activities. */
function overlayPlugin(id, pluginPoint, idProperty, figures, lines, title) {
  return {
    id: id,
    pluginPoint: pluginPoint,
    priority: 0,
    render: function (viewer, props) {
      figures((props && props[idProperty]) || idFromLocation()).then(function (result) {
        if (result.ok && result.data) {
          addOverlays(viewer, result.data.activities || [], lines, title);
        }
      });
    },
  };
}

/** The tab 瓶颈 of a page: its figures laid out, or the server's refusal. */
function tabPlugin(id, pluginPoint, idProperty, figures, renderTab) {
  return {
    id: id,
    pluginPoint: pluginPoint,
    priority: -10,
    properties: { label: '瓶颈' },
    render: function (node, props) {
      loading(node);
      figures(props[idProperty]).then(function (result) {
        if (result.ok && result.data) {
          renderTab(node, result.data);
        } else {
          failure(node, result);
        }
      });
    },
  };
}

export default [
  overlayPlugin('rectiflow-bottlenecks-definition-overlay', 'cockpit.processDefinition.diagram.plugin',
    'processDefinitionId', definitionFigures, definitionLines, definitionTitle),
  tabPlugin('rectiflow-bottlenecks-definition-tab', 'cockpit.processDefinition.runtime.tab', 'processDefinitionId',
    definitionFigures, renderDefinitionTab),
  overlayPlugin('rectiflow-bottlenecks-instance-overlay', 'cockpit.processInstance.diagram.plugin',
    'processInstanceId', instanceFigures, instanceLines, instanceTitle),
  tabPlugin('rectiflow-bottlenecks-instance-tab', 'cockpit.processInstance.runtime.tab', 'processInstanceId',
    instanceFigures, renderInstanceTab),
];
