'use strict';

// Every camunda:field has a non-blank value: the engine refuses a field without one (ENGINE-09005), and a blank
// one would silently mean "not set". The message names the task and, for a templated field, what to fill in
// (the template's own hint, e.g. DEFAULT or a number of days).

const { templateOf, fieldsOf, valueOf, describe, propertyOf } = require('../fields');

module.exports = function() {

  function check(node, reporter) {
    if (!node.extensionElements) {
      return;
    }
    const template = templateOf(node);
    for (const { field, direct } of fieldsOf(node)) {
      const value = valueOf(field);
      if (value && value.text.trim() !== '') {
        continue;
      }
      const property = direct && template ? propertyOf(template, field.name) : undefined;
      const hint = property && property.constraints && property.constraints.pattern && property.constraints.pattern.message
        || (property && property.value ? `请填写取值，例如 ${property.value}` : '请填写取值');
      reporter.report(node.id, `${describe(node)}的字段 ${field.name} 没有取值：${hint}`);
    }
  }

  return { check };
};
