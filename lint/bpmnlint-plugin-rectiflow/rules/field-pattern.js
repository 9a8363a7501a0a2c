'use strict';

// A templated task's fields keep to what its element template allows: the pattern of constraints.pattern and
// the choices of a Dropdown, the same checks the Modeler's panel shows and the engine's deploy-time check
// (guard/DiagramPolicy) enforces. Blank values are field-value's concern; expressions are not checked.

const { templateOf, fieldsOf, valueOf, describe, propertyOf } = require('../fields');

module.exports = function() {

  function check(node, reporter) {
    if (!node.extensionElements) {
      return;
    }
    const template = templateOf(node);
    if (!template) {
      return;
    }
    for (const { field, direct } of fieldsOf(node)) {
      const value = valueOf(field);
      const property = direct ? propertyOf(template, field.name) : undefined;
      if (!property || !value || value.kind !== 'string' || value.text.trim() === '') {
        continue;
      }
      const where = `${describe(node)}的字段 ${field.name}（${property.label || field.name}）的取值「${value.text}」`;
      const pattern = property.constraints && property.constraints.pattern;
      if (pattern && !new RegExp(pattern.value).test(value.text)) {
        reporter.report(node.id, `${where}不符合模板「${template.name}」的要求：${pattern.message || pattern.value}`);
      }
      if (property.type === 'Dropdown' && !(property.choices || []).some(c => c.value === value.text)) {
        reporter.report(node.id, `${where}不是模板「${template.name}」的选项之一：`
          + (property.choices || []).map(c => `${c.value}（${c.name}）`).join('、'));
      }
    }
  }

  return { check };
};
