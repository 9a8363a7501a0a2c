// Rectiflow: Cockpit offers a write action only to a user the engine would let take it, and shows dates in the
// office's format (issue 17, points 4 and 6).
//
// Loaded through Cockpit's own customScripts (scripts/config.js) before Cockpit starts; plain AngularJS, no build.
//
// 1. Write actions. Cockpit draws its toolbar actions and tabs whatever the user may do; the engine refuses the
//    click afterwards (403). This script asks the engine once per login which kinds of change the user may make
//    (GET …/api/engine/engine/default/authorization/check, one call per permission below, on any resource: the
//    product grants on "*") and marks <body> with a class rf-may-<kind> for each kind granted, and rf-permissions
//    once the answers are in. Every plugin view (the `view` directive) gets the attribute
//    data-rf-plugin="<plugin point>:<plugin id>" so that styles/user-styles.css can hide a plugin's action by its
//    id; controls inside a plugin are hidden by their ng-click. Without the class, the control stays hidden: a
//    user sees only what the engine grants. The engine still checks every call; this only stops offering what it
//    would refuse.
// 2. Dates. Cockpit 7.24 sets its own formats in its configuration block (normal: YYYY-MM-DD[T]HH:mm:ss, a raw ISO
//    timestamp) and never reads config.js's dateFormat. This script decorates the camDate filter's formats
//    (camDateFormat) with config.js's dateFormat, so a date reads 2026年12月7日 16:45 in the browser's zone. The
//    formats are made of numbers and literal characters only, so they do not depend on which moment.js locale
//    happened to load last.
const angular = window.angular;

/**
 * Each kind of change Cockpit offers, with the engine permissions that allow it (any one suffices, as in the
 * engine's own checks: on the instance, or on its definition). Resource types: 6 process definition, 7 task,
 * 8 process instance, 9 deployment, 10 decision definition, 13 batch, 17 operation log category.
 */
const KINDS = {
  'delete-instance': [[8, 'ProcessInstance', 'DELETE'], [6, 'ProcessDefinition', 'DELETE_INSTANCE']],
  'suspend-instance': [[8, 'ProcessInstance', 'UPDATE'], [8, 'ProcessInstance', 'SUSPEND'],
    [6, 'ProcessDefinition', 'UPDATE_INSTANCE'], [6, 'ProcessDefinition', 'SUSPEND_INSTANCE']],
  'update-instance': [[8, 'ProcessInstance', 'UPDATE'], [6, 'ProcessDefinition', 'UPDATE_INSTANCE']],
  'update-variable': [[8, 'ProcessInstance', 'UPDATE'], [8, 'ProcessInstance', 'UPDATE_VARIABLE'],
    [6, 'ProcessDefinition', 'UPDATE_INSTANCE'], [6, 'ProcessDefinition', 'UPDATE_INSTANCE_VARIABLE']],
  'retry-job': [[8, 'ProcessInstance', 'UPDATE'], [8, 'ProcessInstance', 'RETRY_JOB'],
    [6, 'ProcessDefinition', 'UPDATE_INSTANCE'], [6, 'ProcessDefinition', 'RETRY_JOB']],
  'suspend-definition': [[6, 'ProcessDefinition', 'UPDATE'], [6, 'ProcessDefinition', 'SUSPEND']],
  'update-definition': [[6, 'ProcessDefinition', 'UPDATE']],
  'assign-task': [[7, 'Task', 'UPDATE'], [7, 'Task', 'TASK_ASSIGN'],
    [6, 'ProcessDefinition', 'UPDATE_TASK'], [6, 'ProcessDefinition', 'TASK_ASSIGN']],
  'delete-deployment': [[9, 'Deployment', 'DELETE']],
  'update-decision': [[10, 'DecisionDefinition', 'UPDATE']],
  'update-batch': [[13, 'Batch', 'UPDATE']],
  'delete-batch': [[13, 'Batch', 'DELETE']],
  'annotate-log': [[17, 'OperationLogCategory', 'UPDATE'], [6, 'ProcessDefinition', 'UPDATE_HISTORY']],
};
const PREFIX = 'rf-may-';
const LOADED = 'rf-permissions';

function engineApi() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('engine-api')) || '/camunda/api/engine/';
}

/** Whether the logged-in user holds one permission on any resource of a type; false on any failure. */
function check(type, name, permission) {
  const url = engineApi() + 'engine/default/authorization/check?permissionName=' + encodeURIComponent(permission)
    + '&resourceName=' + encodeURIComponent(name) + '&resourceType=' + type;
  return fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then(function (response) {
      return response.ok ? response.json() : {authorized: false};
    })
    .then(function (answer) {
      return answer.authorized === true;
    })
    .catch(function () {
      return false;
    });
}

function clearMarks() {
  const body = document.body;
  Array.prototype.slice.call(body.classList).forEach(function (c) {
    if (c.indexOf(PREFIX) === 0 || c === LOADED) {
      body.classList.remove(c);
    }
  });
}

/** Asks the engine about every kind (each permission once) and marks <body>. */
function markPermissions(userId) {
  const cache = {};
  const ask = function (p) {
    const key = p.join(':');
    if (!cache[key]) {
      cache[key] = check(p[0], p[1], p[2]);
    }
    return cache[key];
  };
  return Promise.all(Object.keys(KINDS).map(function (kind) {
    return Promise.all(KINDS[kind].map(ask)).then(function (answers) {
      return {kind: kind, granted: answers.indexOf(true) !== -1};
    });
  })).then(function (results) {
    if (markPermissions.user !== userId) {
      return; // another login meanwhile
    }
    clearMarks();
    results.forEach(function (r) {
      if (r.granted) {
        document.body.classList.add(PREFIX + r.kind);
      }
    });
    document.body.setAttribute('data-rf-user', userId);
    document.body.classList.add(LOADED);
  });
}

// Our own module, required last by Cockpit's (cam.cockpit, not yet started when this script runs): the services and
// directives decorated below are registered by then.
const plugin = angular.module('rectiflow.cockpit', []);
angular.module('cam.cockpit').requires.push('rectiflow.cockpit');

// every plugin view names its plugin (point:id), so the style sheet can leave out a write action by its id
plugin.config(['$provide', function ($provide) {
  $provide.decorator('viewDirective', ['$delegate', function ($delegate) {
    const directive = $delegate[0];
    const link = directive.link;
    directive.compile = function () {
      return function (scope, element, attrs) {
        scope.$watch(attrs.provider, function (provider) {
          if (provider && provider.id) {
            element.attr('data-rf-plugin', (provider.rfPluginPoint || '') + ':' + provider.id);
          }
        });
        return link.apply(this, arguments);
      };
    };
    return $delegate;
  }]);

  // each provider Cockpit hands out knows its plugin point (Views.getProviders({component: point}))
  $provide.decorator('Views', ['$delegate', function ($delegate) {
    const getProviders = $delegate.getProviders;
    $delegate.getProviders = function (options) {
      const providers = getProviders.apply(this, arguments);
      if (options && options.component && Array.isArray(providers)) {
        providers.forEach(function (p) {
          p.rfPluginPoint = options.component;
        });
      }
      return providers;
    };
    return $delegate;
  }]);

  // the camDate filter's formats: config.js's dateFormat first (Cockpit's own configuration block sets an ISO one)
  $provide.decorator('camDateFormat', ['$delegate', function ($delegate) {
    const conf = (window.camCockpitConf && window.camCockpitConf.dateFormat) || {};
    return function (name) {
      const key = name || 'normal';
      return conf[key] || $delegate(key);
    };
  }]);
}]);

// once per login (and again after another login): the user's permissions
plugin.run(['$rootScope', function ($rootScope) {
  clearMarks();
  markPermissions.user = null;
  $rootScope.$watch(function () {
    const auth = $rootScope.authentication;
    return auth && auth.name ? auth.name : null;
  }, function (userId) {
    if (userId === markPermissions.user) {
      return;
    }
    markPermissions.user = userId;
    clearMarks();
    if (userId) {
      markPermissions(userId);
    }
  });
}]);

export default [];
