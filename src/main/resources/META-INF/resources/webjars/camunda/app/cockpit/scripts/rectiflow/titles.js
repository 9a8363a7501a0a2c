// Rectiflow: titles in Chinese that locales/zh.json cannot reach on its own (issue 17, point 1).
//
// 1. The diagram's zoom buttons: Cockpit's diagram template writes their titles in English ("zoom in",
//    "zoom out", "reset zoom"), with no translation key. While the webapps speak Chinese (the browser's first
//    language is zh-*, the rule config.js's locales follow) each such button gets its Chinese title as soon as
//    Cockpit draws it. The Tasklist does the same in its own scripts/rectiflow/form-messages-zh.js.
// 2. The page's title: each Cockpit page sets it with $translate.instant(<key>) when it opens; on a fresh login the
//    locale file may not have arrived yet, and the tab then reads "整改通 · 驾驶舱 | DASHBOARD_DASHBOARD" for good.
//    A title ending in such a key is translated again once $translate knows the key.
// 3. The variables table's column "Actions", written into Cockpit's template (no key): it reads 操作.
// A MutationObserver does all three, on every change of the page (Cockpit draws its views again on every navigation).
// e2e/tests/words.spec.js checks them in the browser.
const TITLES = { 'zoom in': '放大', 'zoom out': '缩小', 'reset zoom': '重置缩放' };
const UNTRANSLATED_KEY = /^(.*\| )([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/;

function speaksChinese() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.toLowerCase().startsWith('zh');
}

function retitleButtons(root) {
  root.querySelectorAll('button[title]').forEach(function (button) {
    const chinese = TITLES[button.getAttribute('title')];
    if (chinese) {
      button.setAttribute('title', chinese);
    }
  });
}

function renameActionsColumn(root) {
  root.querySelectorAll('table.cam-table > thead > tr > td.actions').forEach(function (cell) {
    cell.childNodes.forEach(function (node) {
      if (node.nodeType === 3 && node.data.trim() === 'Actions') {
        node.data = '操作';
      }
    });
  });
}

function translatePageTitle() {
  const match = UNTRANSLATED_KEY.exec(document.title);
  const injector = match && window.angular && window.angular.element(document.body).injector();
  if (!injector || !injector.has('$translate')) {
    return;
  }
  const translated = injector.get('$translate').instant(match[2]);
  if (translated && translated !== match[2]) {
    document.title = match[1] + translated;
  }
}

if (speaksChinese()) {
  const observer = new MutationObserver(function () {
    retitleButtons(document.body);
    renameActionsColumn(document.body);
    translatePageTitle();
  });
  const start = function () {
    retitleButtons(document.body);
    renameActionsColumn(document.body);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['title'] });
  };
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}

// a custom script is imported as a module; it adds no plugin
export default [];
