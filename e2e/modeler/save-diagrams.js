#!/usr/bin/env node
// Opens each processes/*.bpmn in the Camunda Modeler's own library (camunda-bpmn-js, see ../lib/modeler.js) and
// saves it unchanged, as the Modeler does: importXML, then saveXML({ format: true }). Stores the result, so the
// files are what the Modeler writes and a process owner's open-and-save shows only their own change.
//
//   node e2e/modeler/save-diagrams.js           # rewrite processes/*.bpmn where the Modeler would change them
//   node e2e/modeler/save-diagrams.js --check   # only list the diagrams that would change (exit 1 if any)
//
// Needs `npm ci` in e2e/ and in e2e/modeler/ (e2e/run does both) and /usr/bin/chromium.
const fs = require('fs');
const { chromium } = require('playwright-core');
const { CHROMIUM } = require('../lib/browser');
const { openModeler, importXML, saveXML, shippedDiagrams } = require('../lib/modeler');

async function main() {
  const check = process.argv.includes('--check');
  const browser = await chromium.launch({ ...CHROMIUM, headless: true });
  let changed = 0;
  try {
    for (const diagram of shippedDiagrams()) {
      const page = await browser.newPage();
      const errors = await openModeler(page);
      const warnings = await importXML(page, diagram.xml);
      if (warnings.length) throw new Error(`${diagram.name}: import warnings: ${warnings.join('; ')}`);
      const saved = await saveXML(page);
      if (errors.length) throw new Error(`${diagram.name}: ${errors.join('; ')}`);
      await page.close();
      if (saved === diagram.xml) {
        console.log(`unchanged  ${diagram.name}`);
        continue;
      }
      changed++;
      if (check) {
        console.log(`would change  ${diagram.name}`);
      } else {
        fs.writeFileSync(diagram.file, saved);
        console.log(`rewritten  ${diagram.name}`);
      }
    }
  } finally {
    await browser.close();
  }
  if (check && changed) process.exit(1);
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exit(2);
});
