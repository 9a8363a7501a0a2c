#!/usr/bin/env node
// Validates every element template in .camunda/element-templates/ against the Camunda 7 element templates
// JSON schema (the npm package @camunda/element-templates-json-schema, the schema the Camunda Modeler checks
// templates against). Exits 1, naming each file and error, when a template is invalid; `npm run lint` runs it.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

const folder = path.join(__dirname, '..', '.camunda', 'element-templates');
// The schema uses annotations that Ajv's strict mode does not know (e.g. examples inside allOf): not errors.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const files = fs.readdirSync(folder).filter(f => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`No element templates in ${folder}`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  let template;
  try {
    template = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  if (!validate(template)) {
    failed++;
    for (const error of validate.errors) {
      console.error(`${file}: ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
}

if (failed > 0) {
  console.error(`✖ ${failed} of ${files.length} element templates invalid`);
  process.exit(1);
}
console.log(`✔ ${files.length} element templates valid against @camunda/element-templates-json-schema`);
