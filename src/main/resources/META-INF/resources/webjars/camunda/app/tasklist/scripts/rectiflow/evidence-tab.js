// Rectiflow: the Tasklist's tab 佐证材料 (evidence files) beside 表单 and 历史, for the tasks that have evidence.
//
// Loaded through the Tasklist's own customScripts (scripts/config.js) before the Tasklist starts. It registers a
// view at the plugin point tasklist.task.detail (ViewsProvider.registerDefaultView, as the Tasklist's own tabs
// are), and decorates the task's directive (camTasklistTask) so that the tab is listed only for a task whose
// GET /api/tasks/{id}/evidence has a title: the server decides which tasks have evidence (evidence/
// TaskEvidenceResolver) and what the caller may do there. The calls go to /api with the webapps' session cookie;
// an upload or a removal carries the session's CSRF token (the cookie XSRF-TOKEN) in X-XSRF-TOKEN, as the Tasklist's
// own calls do. Every refusal is shown as the server words it (Chinese). Plain AngularJS, no build step.
const angular = window.angular;

const TAB_ID = 'rectiflow-evidence';
const TAB_PRIORITY = 900; // after 表单 (1000), before 历史 (800)

/** The session's CSRF token, as Camunda's CSRF filter handed it out (cookie XSRF-TOKEN). */
function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** A call to the application's /api: resolves to {ok, status, data}; never rejects. */
function call(method, url, body) {
  const headers = {Accept: 'application/json'};
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  return fetch(url, {method: method, headers: headers, body: body, credentials: 'same-origin'})
    .then(function (response) {
      const json = (response.headers.get('Content-Type') || '').indexOf('json') !== -1;
      return (json ? response.json() : Promise.resolve(null)).catch(function () {
        return null;
      }).then(function (data) {
        return {ok: response.ok, status: response.status, data: data};
      });
    })
    .catch(function () {
      return {ok: false, status: 0, data: null};
    });
}

/** What to tell the user about a failed call: the server's words, else a Chinese line. */
function refusal(result) {
  if (result.data && result.data.message) {
    return result.data.message;
  }
  if (result.status === 401) {
    return '登录已失效，请重新登录后再试';
  }
  if (result.status === 413) {
    return '文件太大，未上传';
  }
  if (result.status === 0) {
    return '无法连接服务器，请稍后再试';
  }
  return '操作未成功（HTTP ' + result.status + '），请稍后再试';
}

function evidenceUrl(taskId) {
  return '/api/tasks/' + encodeURIComponent(taskId) + '/evidence';
}

const TEMPLATE = `
<div class="rectiflow-evidence" data-rectiflow-evidence>
  <p class="text-muted rectiflow-evidence-hint" ng-if="ev.view.hint">{{ ev.view.hint }}</p>
  <div class="alert alert-danger rectiflow-evidence-error" ng-repeat="message in ev.errors track by $index">{{ message }}</div>
  <div class="alert alert-success rectiflow-evidence-notice" ng-if="ev.notice">{{ ev.notice }}</div>
  <p ng-if="ev.loading">正在读取佐证材料……</p>
  <table class="table table-condensed rectiflow-evidence-files" ng-if="ev.view.files.length">
    <thead>
      <tr><th>文件</th><th>说明</th><th style="white-space:nowrap">大小</th><th style="white-space:nowrap">类型</th>
        <th style="white-space:nowrap">上传人</th><th style="white-space:nowrap">上传时间</th><th>所属报告</th><th></th></tr>
    </thead>
    <tbody>
      <tr ng-repeat="file in ev.view.files track by file.id" data-evidence-id="{{ file.id }}">
        <td>
          <a ng-if="file.inline" ng-href="{{ file.url }}" target="_blank" rel="noopener noreferrer"
             title="在新标签页中打开">{{ file.name }}</a>
          <a ng-if="!file.inline" ng-href="{{ file.url }}" title="下载">{{ file.name }}</a>
        </td>
        <td>{{ file.description }}</td>
        <td style="white-space:nowrap">{{ file.sizeText }}</td>
        <td style="white-space:nowrap">{{ file.type }}</td>
        <td style="white-space:nowrap">{{ file.uploadedBy }}</td>
        <td style="white-space:nowrap">{{ file.uploadedAt }}</td>
        <td>{{ file.report || '未提交（完成任务时随报告提交）' }}</td>
        <td>
          <button type="button" class="btn btn-link btn-xs rectiflow-evidence-delete"
                  ng-if="file.deleteUrl && ev.confirming !== file.id" ng-click="ev.confirming = file.id">删除</button>
          <span ng-if="ev.confirming === file.id" class="rectiflow-evidence-confirm">
            确定删除「{{ file.name }}」吗？
            <button type="button" class="btn btn-danger btn-xs rectiflow-evidence-confirm-delete"
                    ng-disabled="ev.busy" ng-click="ev.remove(file)">确定删除</button>
            <button type="button" class="btn btn-default btn-xs" ng-click="ev.confirming = null">取消</button>
          </span>
        </td>
      </tr>
    </tbody>
  </table>
  <p class="rectiflow-evidence-empty" ng-if="ev.view && !ev.loading && !ev.view.files.length">暂无佐证材料</p>
  <form class="rectiflow-evidence-upload" ng-if="ev.view.writable" novalidate>
    <div class="form-group">
      <label class="btn btn-default">选择文件（可多选）<input type="file" multiple style="display:none"
             class="rectiflow-evidence-file" rectiflow-evidence-files="ev.chosen"></label>
      <span class="rectiflow-evidence-chosen">{{ ev.chosen.length ? ev.chosen.join('、') : '未选择文件' }}</span>
    </div>
    <div class="form-group">
      <label>说明（选填，不超过200字，对本次选择的每个文件适用）</label>
      <input type="text" maxlength="200" class="form-control rectiflow-evidence-description"
             ng-model="ev.description" placeholder="例如：印发的整改通知、整改前后照片">
    </div>
    <button type="button" class="btn btn-primary rectiflow-evidence-submit" ng-disabled="ev.busy"
            ng-click="ev.upload()">{{ ev.busy ? '正在上传……' : '上传' }}</button>
  </form>
</div>`;

// The Tasklist's view directive gives a tab's controller its $scope only (no $element): the file input is found in the
// document (one task's tabs are shown at a time).
const EvidenceController = ['$scope', '$q', function ($scope, $q) {
  const ev = $scope.ev = {view: null, errors: [], notice: null, loading: false, busy: false, description: '',
    confirming: null, chosen: []};

  function load(taskId) {
    if (!taskId) {
      ev.view = null;
      return $q.when();
    }
    ev.loading = true;
    return $q.when(call('GET', evidenceUrl(taskId))).then(function (result) {
      ev.loading = false;
      if (!$scope.task || $scope.task.id !== taskId) {
        return;
      }
      if (result.ok) {
        ev.view = result.data;
      } else {
        ev.view = null;
        ev.errors = [refusal(result)];
      }
    });
  }

  ev.upload = function () {
    const input = document.querySelector('.task-details [data-rectiflow-evidence] .rectiflow-evidence-file');
    const files = input && input.files ? Array.prototype.slice.call(input.files) : [];
    ev.errors = [];
    ev.notice = null;
    if (!files.length) {
      ev.errors = ['请先选择要上传的文件'];
      return;
    }
    ev.busy = true;
    const description = ev.description || '';
    let uploaded = 0;
    const errors = [];
    let chain = Promise.resolve();
    files.forEach(function (file) {
      chain = chain.then(function () {
        const body = new FormData();
        body.append('file', file, file.name);
        if (description.trim()) {
          body.append('description', description.trim());
        }
        return call('POST', ev.view.uploadUrl, body).then(function (result) {
          if (result.ok) {
            uploaded++;
          } else {
            errors.push(refusal(result));
          }
        });
      });
    });
    $q.when(chain).then(function () {
      ev.busy = false;
      ev.errors = errors;
      if (uploaded) {
        ev.notice = '已上传' + uploaded + '个文件';
      }
      if (!errors.length) {
        input.value = '';
        ev.chosen = [];
        ev.description = '';
      }
      return load($scope.task && $scope.task.id);
    });
  };

  ev.remove = function (file) {
    ev.busy = true;
    ev.errors = [];
    ev.notice = null;
    $q.when(call('DELETE', file.deleteUrl)).then(function (result) {
      ev.busy = false;
      ev.confirming = null;
      if (result.ok) {
        ev.notice = '已删除「' + file.name + '」';
      } else {
        ev.errors = [refusal(result)];
      }
      return load($scope.task && $scope.task.id);
    });
  };

  $scope.$watch('task.id', function (taskId) {
    ev.errors = [];
    ev.notice = null;
    ev.confirming = null;
    load(taskId);
  });
}];

const taskModule = angular.module('cam.tasklist.task');

taskModule.config(['ViewsProvider', function (ViewsProvider) {
  ViewsProvider.registerDefaultView('tasklist.task.detail', {
    id: TAB_ID,
    label: '佐证材料',
    template: TEMPLATE,
    controller: EvidenceController,
    priority: TAB_PRIORITY
  });
}]);

// The names of the files chosen in the (hidden) file input, for the page to show in Chinese: the browser's own
// button and text would speak the browser's language.
taskModule.directive('rectiflowEvidenceFiles', ['$parse', function ($parse) {
  return {
    restrict: 'A',
    link: function (scope, element, attrs) {
      const target = $parse(attrs.rectiflowEvidenceFiles);
      element.on('change', function () {
        const names = Array.prototype.map.call(element[0].files || [], function (file) {
          return file.name;
        });
        scope.$apply(function () {
          target.assign(scope, names);
        });
      });
    }
  };
}]);

// The tab is listed only for a task with evidence: the task's directive builds its list of tabs once; this keeps
// the tab out of it until the server says the shown task has evidence.
taskModule.config(['$provide', function ($provide) {
  $provide.decorator('camTasklistTaskDirective', ['$delegate', '$q', '$location', function ($delegate, $q, $location) {
    const directive = $delegate[0];
    const link = directive.link;
    directive.compile = function () {
      return function (scope) {
        if (link) {
          link.apply(this, arguments);
        }
        const tabs = scope.taskDetailTabs || [];
        const ours = tabs.find(function (tab) {
          return tab.id === TAB_ID;
        });
        if (!ours) {
          return;
        }
        function hide() {
          const at = tabs.indexOf(ours);
          if (at !== -1) {
            tabs.splice(at, 1);
          }
          if (scope.selectedTaskDetailTab && scope.selectedTaskDetailTab.id === TAB_ID) {
            scope.selectedTaskDetailTab = tabs[0];
          }
        }
        function show() {
          if (tabs.indexOf(ours) === -1) {
            let at = tabs.findIndex(function (tab) {
              return (tab.priority || 0) < TAB_PRIORITY;
            });
            tabs.splice(at === -1 ? tabs.length : at, 0, ours);
          }
          if (($location.search() || {}).detailsTab === TAB_ID) {
            scope.selectedTaskDetailTab = ours;
          }
        }
        hide();
        scope.$watch('task.id', function (taskId) {
          hide();
          if (!taskId) {
            return;
          }
          $q.when(call('GET', evidenceUrl(taskId))).then(function (result) {
            if (scope.task && scope.task.id === taskId && result.ok && result.data && result.data.title) {
              show();
            }
          });
        });
      };
    };
    return $delegate;
  }]);
}]);

export default [];
