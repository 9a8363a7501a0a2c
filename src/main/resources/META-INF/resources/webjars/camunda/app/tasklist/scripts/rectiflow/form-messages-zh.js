// Rectiflow: form-js's validation messages in Chinese when the Tasklist speaks Chinese (issue 17, point 1).
//
// Why: the Tasklist 7.24 draws Camunda Forms with the form-js bundled in lib/deps.js, whose validator writes its
// messages in English only ("Field is required.", "Field must have maximum length of 200.", …) and offers no
// translation hook; the Tasklist keeps the form-js instance to itself. form-js (Preact) shows each message as the
// text of an <li> under .fjs-form-field-error. This script, loaded through the Tasklist's own customScripts
// (scripts/config.js), watches the page (MutationObserver) and rewrites such a text in place, in the same text node,
// so that Preact, which updates that node only when the message itself changes, keeps working: a changed message is
// English again for a moment and is translated again at once. Only texts matching one of form-js's messages are
// touched, and only while the Tasklist's language ($translate) is zh.
//
// The messages are every one form-js 1.x's validator (lib/deps.js, the Validator's validateField) can show. The same
// way, the dynamic list's buttons (添加, 收起, 展开全部), the date field's placeholder and the date picker's month and
// weekday names (flatpickr.localize) are Chinese, and the titles of the diagram's zoom buttons.
const angular = window.angular;

/** Field types whose value is chosen, not typed: "请选择…" instead of "请填写…". */
const CHOSEN = /\bfjs-form-field-(radio|select|checkbox|checklist|taglist|datetime)\b/;

/** The field's label as the form shows it, without the required marker and a trailing （…） note; '' if none. */
function labelOf(field) {
  const label = field && field.querySelector('.fjs-form-field-label');
  if (!label) {
    return '';
  }
  let text = '';
  label.childNodes.forEach(function (node) {
    if (!(node.nodeType === 1 && node.classList.contains('fjs-asterix'))) {
      text += node.textContent;
    }
  });
  return text.replace(/\s*[（(][^（()）]*[）)]\s*$/, '').trim();
}

/** form-js's English message → Chinese; null when the text is not one of form-js's messages. */
function translate(message, field) {
  let m;
  if (message === 'Field is required.') {
    const chosen = field && CHOSEN.test(field.className);
    const label = labelOf(field);
    return (chosen ? '请选择' : '请填写') + (label || '此项');
  }
  if ((m = /^Field must have minimum length of (.+)\.$/.exec(message))) {
    return '不能少于' + m[1] + '个字符';
  }
  if ((m = /^Field must have maximum length of (.+)\.$/.exec(message))) {
    return '不能超过' + m[1] + '个字符';
  }
  if ((m = /^Field must have minimum value of (.+)\.$/.exec(message))) {
    return '不能小于' + m[1];
  }
  if ((m = /^Field must have maximum value of (.+)\.$/.exec(message))) {
    return '不能大于' + m[1];
  }
  if (/^Field must match pattern .*\.$/.test(message)) {
    // the pattern itself (a regular expression) means nothing to the user
    return '格式不正确';
  }
  if (/^Field must be a valid {1,2}international phone number\./.test(message)) {
    return '请填写有效的国际电话号码（例如 +4930664040900）';
  }
  if (message === 'Field must be a valid email.') {
    return '请填写有效的电子邮箱地址';
  }
  if (message === 'Value is not a number.') {
    return '请填写数字';
  }
  if (message === 'Value is expected to be an integer.') {
    return '请填写整数';
  }
  if ((m = /^Value is expected to have at most (\d+) decimal digits?\.$/.exec(message))) {
    return '最多保留' + m[1] + '位小数';
  }
  if ((m = /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/.exec(message))) {
    return '请填写有效的值，最接近的两个有效值是' + m[1] + '和' + m[2];
  }
  return null;
}

/** The dynamic list's own words (form-js's repeat renderer), and the date field's placeholder. */
const LIST_WORDS = [
  [/^Add new$/, function () { return '添加'; }],
  [/^Collapse$/, function () { return '收起'; }],
  [/^Expand all \((\d+)\)$/, function (m) { return '展开全部（' + m[1] + '）'; }]
];

function translateWords(root) {
  root.querySelectorAll('.fjs-repeat-render-add, .fjs-repeat-render-collapse').forEach(function (button) {
    button.childNodes.forEach(function (node) {
      if (node.nodeType !== 3) {
        return;
      }
      const text = node.data.trim();
      LIST_WORDS.forEach(function (word) {
        const m = word[0].exec(text);
        if (m) {
          node.data = word[1](m);
        }
      });
    });
  });
  root.querySelectorAll('.fjs-repeat-row-remove[aria-label^="Remove list item"]').forEach(function (button) {
    button.setAttribute('aria-label', button.getAttribute('aria-label').replace(/^Remove list item (\d+)$/, '删除第$1项'));
  });
  root.querySelectorAll('.fjs-form input[placeholder="yyyy/mm/dd"]').forEach(function (input) {
    input.setAttribute('placeholder', '年/月/日');
  });
  // not form-js: the tab 流程图's zoom buttons, whose titles the Tasklist's diagram template writes in English
  // (no translation key)
  ZOOM_TITLES.forEach(function (pair) {
    root.querySelectorAll('.navigation button[title="' + pair[0] + '"]').forEach(function (button) {
      button.setAttribute('title', pair[1]);
    });
  });
}

const ZOOM_TITLES = [['zoom in', '放大'], ['zoom out', '缩小'], ['reset zoom', '重置缩放']];

/** Rewrites every English form-js message on the page, text node by text node (see above why in place). */
function translateAll(root) {
  translateWords(root);
  root.querySelectorAll('.fjs-form-field-error li').forEach(function (item) {
    const field = item.closest('.fjs-form-field');
    item.childNodes.forEach(function (node) {
      if (node.nodeType === 3) {
        const chinese = translate(node.data.trim(), field);
        if (chinese !== null && chinese !== node.data) {
          node.data = chinese;
        }
      }
    });
  });
}

/** The date picker (flatpickr, which form-js uses and lib/deps.js exposes as window.flatpickr): its calendar's
 * month and weekday names; set before form-js creates a picker. */
function localizeDatePicker() {
  if (window.flatpickr && typeof window.flatpickr.localize === 'function') {
    window.flatpickr.localize({
      weekdays: {
        shorthand: ['日', '一', '二', '三', '四', '五', '六'],
        longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
      },
      months: {
        shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
        longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
      },
      rangeSeparator: ' 至 ',
      weekAbbreviation: '周',
      scrollTitle: '滚动切换',
      toggleTitle: '点击切换',
      yearAriaLabel: '年',
      monthAriaLabel: '月',
      hourAriaLabel: '时',
      minuteAriaLabel: '分'
    });
  }
}

angular.module('cam.tasklist.form').run(['$translate', function ($translate) {
  function speaksChinese() {
    return ($translate.use() || $translate.proposedLanguage() || '') === 'zh';
  }
  if (speaksChinese()) {
    localizeDatePicker();
  }
  const observer = new MutationObserver(function () {
    if (speaksChinese()) {
      translateAll(document.body);
    }
  });
  observer.observe(document.body, {childList: true, subtree: true, characterData: true});
}]);

export default [];
