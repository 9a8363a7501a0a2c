// The Camunda Modeler's own editing library (camunda-bpmn-js 5.35, the CamundaPlatformModeler with its properties
// panel and the element templates of .camunda/element-templates/) in Chromium, as a process owner uses it
// (issue 18, points 4 and 5):
// 1. each shipped diagram imports without warnings and every templated task resolves to its template;
// 2. opening and saving a shipped diagram unchanged gives the file byte for byte (e2e/modeler/save-diagrams.js
//    stores them so);
// 3. for each template: a new service task gets it, every field is typed through the panel's inputs (found by its
//    Chinese label), each optional field is cleared and then given a value its pattern forbids (each time the panel
//    marks it but keeps it, and the deploy refuses it naming the task and field) and typed again; the saved diagram holds the typed values and deploys as owner1 (then it is deleted,
//    so other specs see only the shipped diagrams).
const { test, expect } = require('@playwright/test');
const { BASE_URL } = require('../lib/browser');
const { PASSWORD } = require('../lib/rest');
const { openModeler, importXML, saveXML, fieldsInXml, deployAsTheModeler, elementTemplates, shippedDiagrams } =
  require('../lib/modeler');

// What a process owner types into each template's fields (template id → field name → value); a template with
// only its hidden delegate expression has none. Dropdowns get a choice other than the template's default.
const TYPED = {
  'rectiflow.escalateClue': {
    step: 'OVERDUE', offsetDays: '-5', notifyGroups: 'supervision,leadinggroup',
    subject: '【浏览器测试】初核提醒', body: '浏览器测试：请按期完成初核。',
  },
  'rectiflow.escalateMeasure': {
    step: 'RED', offsetDays: '-5', notifyUnitRoles: 'HEAD', notifyGroups: 'supervision,leadinggroup',
    subject: '【浏览器测试】督办提醒', body: '浏览器测试：请按期推进、如期报告。',
  },
  'rectiflow.notifyBulletin': {
    notifyGroups: 'office', subject: '【浏览器测试】整改进展通报', body: '浏览器测试：整改进展。',
  },
  'rectiflow.recordDecision': { stage: 'SIGN_OFF' },
  'rectiflow.remindPlanReviewer': {
    notifyUnitRoles: 'HEAD', notifyGroups: 'supervision', subject: '【浏览器测试】征求意见提醒', body: '浏览器测试：请及时提出意见。',
  },
  'rectiflow.reportClue': {
    notifyGroups: 'discipline,office', subject: '【浏览器测试】线索办理', body: '浏览器测试：线索已办理完毕。',
  },
  'rectiflow.sendTaskLists': {
    notifyUnitRoles: 'LIAISON', notifyGroups: 'office', subject: '【浏览器测试】任务清单', body: '浏览器测试：现下发任务清单。',
  },
};
// The optional fields (their default means "nothing special": DEFAULT, NONE): a process owner may clear them.
const OPTIONAL = ['offsetDays', 'notifyGroups'];
// A value each patterned field forbids, and what the panel says under it (the template's pattern message).
const INVALID = {
  offsetDays: { value: '五天前', message: '请填写 DEFAULT（按配置）或整数天数，例如 -5（之前）或 45（之后）' },
  notifyGroups: { value: '整改专班', message: '请填写逗号分隔的组标识（字母和数字），例如 supervision,leadinggroup；不通知任何组请填 NONE' },
};

const TASK_ID = 'serviceTask_modelerTest';
const TASK_NAME = '模板测试任务';
const PROCESS_ID = 'modelerTemplateTest';
// A new diagram as the Modeler starts one for Camunda 7 (with a history time to live, which the engine requires).
const NEW_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="definitions_modelerTest" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.35.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
  <bpmn:process id="${PROCESS_ID}" name="模板测试" isExecutable="true" camunda:historyTimeToLive="1">
    <bpmn:startEvent id="startEvent_test" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram_modelerTest">
    <bpmndi:BPMNPlane id="plane_modelerTest" bpmnElement="${PROCESS_ID}">
      <bpmndi:BPMNShape id="startEvent_test_di" bpmnElement="startEvent_test">
        <dc:Bounds x="152" y="82" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** The visible fields of a template: its properties that are not Hidden. */
const visibleFields = (template) => template.properties.filter((p) => p.type !== 'Hidden');

async function deploy(name, xml) {
  return deployAsTheModeler(BASE_URL, 'owner1', PASSWORD, name, xml);
}

async function deleteDeployment(id) {
  const response = await fetch(`${BASE_URL}/engine-rest/deployment/${id}?cascade=true`, {
    method: 'DELETE',
    headers: { Authorization: 'Basic ' + Buffer.from(`owner1:${PASSWORD}`).toString('base64') },
  });
  expect(response.status, `deleting deployment ${id}`).toBe(204);
}

/** A field's entry in the properties panel, found by the label the template gives it. */
function entry(page, template, label) {
  return page.locator(`#panel [data-entry-id^="custom-entry-${template.id}-"]`)
    .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });
}

/** The task's field value as the Modeler holds it now (undefined when the field is missing). */
async function modelValue(page, name) {
  return page.evaluate(({ id, field }) => {
    const bo = window.modeler.get('elementRegistry').get(id).businessObject;
    const values = (bo.extensionElements && bo.extensionElements.values) || [];
    const found = values.find((v) => v.$type === 'camunda:Field' && v.name === field);
    return found ? (found.string ?? found.stringValue ?? found.expression ?? '') : undefined;
  }, { id: TASK_ID, field: name });
}

/** Types a value into a text field of the panel and leaves it (blur), as a user does. */
async function typeInto(page, template, property, value) {
  const input = entry(page, template, property.label).locator('input, textarea');
  await input.click();
  await input.press('ControlOrMeta+a');
  if (value === '') {
    await input.press('Delete');
  } else {
    await input.pressSequentially(value);
  }
  await input.blur();
}

test.describe('modeler', () => {
  test('Modeler: each shipped diagram imports with the templates, every templated task resolves to its template', async ({ page }) => {
    const errors = await openModeler(page);
    for (const diagram of shippedDiagrams()) {
      const warnings = await importXML(page, diagram.xml);
      expect(warnings, `import warnings of ${diagram.name}`).toEqual([]);
      const tasks = await page.evaluate(() => {
        const templates = window.modeler.get('elementTemplates');
        return window.modeler.get('elementRegistry').filter((e) => e.businessObject.modelerTemplate)
          .map((e) => {
            const template = templates.get(e);
            return { id: e.id, wanted: e.businessObject.modelerTemplate, resolved: template ? template.id : null };
          });
      });
      expect(tasks.length, `templated tasks in ${diagram.name}`).toBeGreaterThan(0);
      for (const task of tasks) {
        expect(task.resolved, `the template of ${task.id} in ${diagram.name}`).toBe(task.wanted);
      }
    }
    expect(errors, 'errors in the page').toEqual([]);
  });

  test('Modeler: opening and saving each shipped diagram unchanged leaves no diff', async ({ page }) => {
    const errors = await openModeler(page);
    for (const diagram of shippedDiagrams()) {
      await importXML(page, diagram.xml);
      const saved = await saveXML(page);
      if (saved !== diagram.xml) {
        const a = diagram.xml.split('\n');
        const b = saved.split('\n');
        const line = a.findIndex((l, i) => l !== b[i]);
        throw new Error(`${diagram.name} changes when the Modeler saves it (store it with node e2e/modeler/save-diagrams.js): `
          + `line ${line + 1} is\n  ${a[line]}\nthe Modeler writes\n  ${b[line]}`);
      }
    }
    expect(errors, 'errors in the page').toEqual([]);
  });

  test('Modeler: the typed values cover exactly the templates\' visible fields', () => {
    for (const template of elementTemplates()) {
      const fields = visibleFields(template).map((p) => p.binding.name).sort();
      expect(fields, `the fields of ${template.id}`).toEqual(Object.keys(TYPED[template.id] || {}).sort());
    }
  });

  for (const template of elementTemplates()) {
    test(`Modeler: template ${template.id} on a new service task, every field typed in the panel, saved and deployed`, async ({ page }) => {
      const typed = TYPED[template.id] || {};
      const errors = await openModeler(page);
      expect(await importXML(page, NEW_DIAGRAM)).toEqual([]);
      await page.evaluate(({ templateId, id, name }) => {
        const m = window.modeler;
        const shape = m.get('elementFactory').createShape({ type: 'bpmn:ServiceTask' });
        const created = m.get('modeling').createShape(shape, { x: 300, y: 100 }, m.get('canvas').getRootElement());
        m.get('modeling').updateProperties(created, { id, name });
        const elementTemplates = m.get('elementTemplates');
        const applied = elementTemplates.applyTemplate(created, elementTemplates.getAll().find((t) => t.id === templateId));
        m.get('selection').select(applied);
      }, { templateId: template.id, id: TASK_ID, name: TASK_NAME });

      // Every group of the template opened; none is the panel's catch-all "Custom properties".
      const headers = page.locator('#panel [data-group-id^="group-ElementTemplates__"] .bio-properties-panel-group-header');
      await expect(page.locator('#panel [data-group-id="group-ElementTemplates__Template"]')).toBeVisible();
      for (const header of await headers.all()) {
        if (!(await header.evaluate((e) => e.classList.contains('open')))) await header.click();
      }
      await expect(page.locator('#panel [data-group-id="group-ElementTemplates__CustomProperties"]'),
        'a field of the template without a group').toHaveCount(0);

      for (const property of visibleFields(template)) {
        const name = property.binding.name;
        const field = entry(page, template, property.label);
        await expect(field, `the panel's entry ${property.label} (${name})`).toHaveCount(1);
        if (property.type === 'Dropdown') {
          await field.locator('select').selectOption(typed[name]);
        } else {
          await typeInto(page, template, property, typed[name]);
        }
        await expect.poll(() => modelValue(page, name), `${name} after typing it`).toBe(typed[name]);
      }

      for (const property of visibleFields(template).filter((p) => OPTIONAL.includes(p.binding.name))) {
        const name = property.binding.name;
        await typeInto(page, template, property, '');
        await expect(entry(page, template, property.label).locator('.bio-properties-panel-error'),
          `the panel marks the cleared ${property.label}`).toHaveText('Must not be empty.');
        await expect.poll(() => modelValue(page, name), `${name} after clearing it`).toBe('');
        const refused = await deploy(`modeler-${template.id}-empty-${name}`, await saveXML(page));
        expect(refused.status, `deploying with an empty ${name}: ${JSON.stringify(refused.body)}`).toBe(400);
        expect(refused.body.message).toContain(`任务「${TASK_NAME}」（${TASK_ID}）的字段 ${name} 没有取值`);

        // A value the pattern forbids: the panel says so under the field but keeps it; the deploy refuses it.
        const invalid = INVALID[name];
        await typeInto(page, template, property, invalid.value);
        await expect(entry(page, template, property.label).locator('.bio-properties-panel-error'),
          `the panel marks the invalid ${property.label}`).toHaveText(invalid.message);
        await expect.poll(() => modelValue(page, name), `${name} after typing an invalid value`).toBe(invalid.value);
        const forbidden = await deploy(`modeler-${template.id}-invalid-${name}`, await saveXML(page));
        expect(forbidden.status, `deploying with ${name} ${invalid.value}: ${JSON.stringify(forbidden.body)}`).toBe(400);
        expect(forbidden.body.message)
          .toContain(`任务「${TASK_NAME}」（${TASK_ID}）的字段 ${name}（${property.label}）的取值「${invalid.value}」不符合模板`);

        await typeInto(page, template, property, typed[name]);
        await expect.poll(() => modelValue(page, name), `${name} typed again`).toBe(typed[name]);
        await expect(entry(page, template, property.label).locator('.bio-properties-panel-error')).toHaveCount(0);
      }

      const xml = await saveXML(page);
      expect(await fieldsInXml(page, xml, TASK_ID), 'the saved task\'s fields').toEqual(typed);
      const deployed = await deploy(`modeler-${template.id}`, xml);
      try {
        expect(deployed.status, `deploying the saved diagram: ${JSON.stringify(deployed.body)}`).toBe(200);
        expect(Object.values(deployed.body.deployedProcessDefinitions || {}).map((d) => d.key)).toEqual([PROCESS_ID]);
      } finally {
        if (deployed.status === 200) await deleteDeployment(deployed.body.id);
      }
      expect(errors, 'errors in the page').toEqual([]);
    });
  }
});
