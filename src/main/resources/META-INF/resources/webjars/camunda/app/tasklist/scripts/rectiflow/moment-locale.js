// Rectiflow: the Tasklist's relative dates ("8 天后", "12 分钟前") in the Tasklist's language from the first paint
// (issue 17, point 1).
//
// Why: the Tasklist 7.24 sets moment's locale from its translation loader: for every locale file that arrives
// (the chosen zh.json AND the fallback en.json, fetched in parallel) its callback calls moment.defineLocale(key, …)
// or moment.updateLocale(key, …), and each of these makes that key moment's global locale. Whichever file arrives
// last wins: when en.json comes after zh.json (about a third of fresh logins) every date is English
// ("in 8 days"). And the list's am-time-ago elements (angular-moment) drawn before a change keep their text until
// their own timer fires, because the loader never tells angular-moment (amMoment.changeLocale) that the locale
// changed. See docs/webapp-locales.md.
//
// This script, loaded through the Tasklist's own customScripts (scripts/config.js) before the Tasklist starts:
// - from the configuration phase on (before anything is drawn, before the loader runs), wraps moment's
//   defineLocale/updateLocale so that after each call the global locale is the Tasklist's language again;
// - until zh.json's own moment settings have arrived, uses moment's built-in zh-cn, so even the first paint is
//   Chinese;
// - when the Tasklist's language gets its moment settings, tells angular-moment, which redraws every relative date.
// The language is decided as the Tasklist decides it (navigator.languages[0]'s primary subtag among config.js's
// availableLocales, else the fallback), and checked against $translate once the Tasklist runs.
const angular = window.angular;

/** The locale the Tasklist chooses: the same rule as its $translateProvider.determinePreferredLanguage. */
function chosenLocale() {
  const locales = (window.camTasklistConf && window.camTasklistConf.locales) || {};
  const available = locales.availableLocales || ['en'];
  const fallback = locales.fallbackLocale || 'en';
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) ? nav.languages[0] : nav.language) || '';
  const at = available.indexOf(first.split('-')[0].toLowerCase());
  return at > -1 ? available[at] : fallback;
}

/** moment's own locale to show until the Tasklist's locale file has arrived. */
const BUILT_IN = {zh: 'zh-cn'};

let wanted = chosenLocale();
let rootScope = null;

function apply(moment) {
  if (moment.locales().indexOf(wanted) !== -1) {
    if (moment.locale() !== wanted) {
      moment.locale(wanted);
    }
  } else if (BUILT_IN[wanted] && moment.locales().indexOf(BUILT_IN[wanted]) !== -1) {
    moment.locale(BUILT_IN[wanted]);
  }
}

// cam.tasklist.task depends on angularMoment, so its constant "moment" (the moment the loader uses) is injectable here
angular.module('cam.tasklist.task').config(['moment', function (moment) {
  ['defineLocale', 'updateLocale'].forEach(function (name) {
    const original = moment[name];
    moment[name] = function (key) {
      const result = original.apply(this, arguments);
      apply(moment);
      if (key === wanted && rootScope) {
        // what amMoment.changeLocale broadcasts: every am-time-ago element draws its text again
        rootScope.$broadcast('amMoment:localeChanged');
      }
      return result;
    };
  });
  apply(moment);
}]).run(['$rootScope', '$translate', 'moment', function ($rootScope, $translate, moment) {
  rootScope = $rootScope;
  const language = $translate.proposedLanguage() || $translate.use();
  if (language && language !== wanted) {
    wanted = language;
    apply(moment);
  }
}]);

export default [];
