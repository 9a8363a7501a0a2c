'use strict';

// What both rules read: the camunda:fields of an element (bpmnlint parses the diagram without the Camunda
// moddle descriptor, so they are generic elements), their values, the element templates of
// .camunda/element-templates/ and the Chinese name of the element a message is about.

const fs = require('node:fs');
const path = require('node:path');

const TEMPLATES = path.join(__dirname, '..', '..', '.camunda', 'element-templates');

let templates;

/** The element templates: by id, and by the delegate expression their hidden property sets. */
function loadTemplates() {
  if (!templates) {
    const byId = new Map();
    const byDelegate = new Map();
    for (const file of fs.readdirSync(TEMPLATES).filter(f => f.endsWith('.json')).sort()) {
      const template = JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));
      byId.set(template.id, template);
      const delegate = (template.properties || []).find(p => p.binding && p.binding.type === 'property'
        && p.binding.name === 'camunda:delegateExpression');
      if (delegate && delegate.value) {
        byDelegate.set(delegate.value, template);
      }
    }
    templates = { byId, byDelegate };
  }
  return templates;
}

function attr(element, name) {
  return element.$attrs && element.$attrs[name] !== undefined ? element.$attrs[name] : element[name.replace(/^camunda:/, '')];
}

/**
 * The element's template: the one its camunda:modelerTemplate names, or else the one whose delegate expression
 * it calls (a task whose template link was removed still keeps to its delegate's values).
 */
function templateOf(element) {
  const { byId, byDelegate } = loadTemplates();
  const id = attr(element, 'camunda:modelerTemplate');
  if (id && byId.has(id)) {
    return byId.get(id);
  }
  const delegate = attr(element, 'camunda:delegateExpression');
  return delegate ? byDelegate.get(String(delegate).trim()) : undefined;
}

function isField(node) {
  return node && typeof node.$type === 'string' && /(^|:)field$/.test(node.$type) && node.$type !== 'bpmn:field';
}

/**
 * The camunda:fields of the element: { field, direct } for each, direct when the field is the element's own
 * (a child of its extensionElements) rather than a listener's.
 */
function fieldsOf(element) {
  const found = [];
  const visit = (node, direct) => {
    if (isField(node)) {
      found.push({ field: node, direct });
      return;
    }
    (node.$children || []).forEach(child => visit(child, false));
  };
  const values = element.extensionElements && element.extensionElements.values || [];
  values.forEach(node => visit(node, true));
  return found;
}

/**
 * The field's value: { kind: 'string' | 'expression', text } from the attribute stringValue or expression, or
 * the child camunda:string or camunda:expression; null when it has none.
 */
function valueOf(field) {
  if (field.stringValue !== undefined) {
    return { kind: 'string', text: String(field.stringValue) };
  }
  if (field.expression !== undefined) {
    return { kind: 'expression', text: String(field.expression) };
  }
  for (const child of field.$children || []) {
    if (/(^|:)string$/.test(child.$type)) {
      return { kind: 'string', text: child.$body === undefined ? '' : String(child.$body) };
    }
    if (/(^|:)expression$/.test(child.$type)) {
      return { kind: 'expression', text: child.$body === undefined ? '' : String(child.$body) };
    }
  }
  return null;
}

/** 任务「提醒牵头单位」（serviceTask_remindLead）, 任务（id） without a name, 元素 … for what is not a task. */
function describe(element) {
  const kind = /Task$/.test(element.$type || '') ? '任务' : '元素';
  const name = element.name && String(element.name).trim();
  return name ? `${kind}「${name}」（${element.id}）` : `${kind}（${element.id}）`;
}

/** The template property bound to the field of that name, or undefined. */
function propertyOf(template, name) {
  return (template.properties || []).find(p => p.binding && p.binding.type === 'camunda:field' && p.binding.name === name);
}

module.exports = { templateOf, fieldsOf, valueOf, describe, propertyOf };
