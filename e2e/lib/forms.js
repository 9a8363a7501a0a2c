// The Camunda Forms of the repository (forms/*.form): the tests find a form field's element by the
// component id the form gives its key, and a radio option by the position of its value, so a label or an
// option order changed in the Modeler changes nothing here.
const fs = require('fs');
const path = require('path');

const FORMS_DIR = path.join(__dirname, '..', '..', 'forms');

function readForm(formId) {
  const file = path.join(FORMS_DIR, `${formId}.form`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The component of the form that binds the variable key, with the form named in the error. */
function component(formId, key) {
  const found = readForm(formId).components.find((c) => c.key === key);
  if (!found) throw new Error(`forms/${formId}.form has no field with the key "${key}"`);
  return found;
}

/**
 * A CSS selector of the input that edits `key` (and for a radio group, of the option `value`): form-js gives
 * each input the id `fjs-form-<random>-<component id>`, and a radio option `…-<component id>-<index>`.
 */
function fieldSelector(formId, key, value) {
  const c = component(formId, key);
  if (c.type === 'radio') {
    const index = c.values.findIndex((v) => v.value === value);
    if (index < 0) throw new Error(`forms/${formId}.form: the field "${key}" has no option "${value}"`);
    return { selector: `.fjs-form input[type="radio"][id$="-${c.id}-${index}"]`, type: c.type, label: c.values[index].label };
  }
  return { selector: `.fjs-form [id$="-${c.id}"]`, type: c.type, label: c.label };
}

module.exports = { readForm, fieldSelector };
