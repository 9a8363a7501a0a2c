'use strict';

// The plugin's rules on two fixture diagrams, through bpmnlint's own Linter as `npm run lint:bpmn` runs them.

const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { BpmnModdle } = require('bpmn-moddle');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

async function lint(fixture) {
  const xml = fs.readFileSync(path.join(__dirname, 'fixtures', fixture), 'utf8');
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const linter = new Linter({ resolver: new NodeResolver() });
  const reports = await linter.lint(rootElement, { extends: 'plugin:rectiflow/recommended' });
  const messages = {};
  for (const [rule, list] of Object.entries(reports)) {
    messages[rule] = list.map(r => `${r.id}: ${r.message}`);
  }
  return messages;
}

test('field-value fails on every camunda:field without a value, naming the task and what to fill in', async () => {
  const messages = await lint('bad-fields.bpmn');
  assert.deepStrictEqual(messages['rectiflow/field-value'], [
    'serviceTask_remindLead: 任务「提醒牵头单位」（serviceTask_remindLead）的字段 offsetDays 没有取值：'
      + '请填写 DEFAULT（按配置）或整数天数，例如 -5（之前）或 45（之后）',
    'serviceTask_remindLead: 任务「提醒牵头单位」（serviceTask_remindLead）的字段 notifyGroups 没有取值：'
      + '请填写逗号分隔的组标识（字母和数字），例如 supervision,leadinggroup；不通知任何组请填 NONE',
    'serviceTask_remindLead: 任务「提醒牵头单位」（serviceTask_remindLead）的字段 body 没有取值：'
      + '请填写取值，例如 {unitName}：{measure}的完成时限为{deadline}，{remaining}，请按期推进、如期报告。',
    'task_listener: 任务（task_listener）的字段 note 没有取值：请填写取值'
  ]);
});

test('field-pattern fails on values the template forbids, also on a task that only calls its delegate', async () => {
  const messages = await lint('bad-fields.bpmn');
  assert.deepStrictEqual(messages['rectiflow/field-pattern'], [
    'serviceTask_badValues: 任务「发送提醒」（serviceTask_badValues）的字段 step（督办环节）的取值「PURPLE」'
      + '不是模板「督办提醒（整改措施）」的选项之一：GREEN（绿色提醒（临期））、AMBER（黄色提醒（临期））、'
      + 'RED（红色督办提醒单（超期，周期督办））、INTERVIEW（提请约谈（超期））、REWORK（督办提醒单（责成返工））、'
      + 'RED_CARD（红牌警示（再次退回））',
    'serviceTask_badValues: 任务「发送提醒」（serviceTask_badValues）的字段 offsetDays（提醒时点（相对完成时限的天数））'
      + '的取值「five」不符合模板「督办提醒（整改措施）」的要求：请填写 DEFAULT（按配置）或整数天数，例如 -5（之前）或 45（之后）',
    'serviceTask_badValues: 任务「发送提醒」（serviceTask_badValues）的字段 notifyGroups（通知工作组）的取值'
      + '「supervision;office」不符合模板「督办提醒（整改措施）」的要求：'
      + '请填写逗号分隔的组标识（字母和数字），例如 supervision,leadinggroup；不通知任何组请填 NONE'
  ]);
});

test('DEFAULT, NONE, numbers, group lists and expressions pass', async () => {
  assert.deepStrictEqual(await lint('good-fields.bpmn'), {});
});
