// The Camunda Modeler's own editing library in the browser: camunda-bpmn-js's self-contained bundle
// (e2e/modeler/node_modules/camunda-bpmn-js/dist, pinned by e2e/modeler/package-lock.json) in a page that
// Playwright serves itself (page.route on a loopback address: nothing leaves the machine), with the element
// templates of .camunda/element-templates/ and the properties panel, as the desktop Modeler shows a 7.x diagram.
// Used by tests/modeler.spec.js and by modeler/save-diagrams.js (which stores processes/*.bpmn as it saves them).
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const PROCESSES = path.join(ROOT, 'processes');
const TEMPLATES = path.join(ROOT, '.camunda', 'element-templates');
const DIST = path.join(__dirname, '..', 'modeler', 'node_modules', 'camunda-bpmn-js', 'dist');
// Never fetched from the network: every request under it is answered by the route below.
const ORIGIN = 'http://127.0.0.1:9';
const PAGE_URL = `${ORIGIN}/modeler/index.html`;

const PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>modeler</title>
<link rel="stylesheet" href="dist/assets/camunda-platform-modeler.css">
<style>
  html, body { margin: 0; height: 100%; }
  #canvas { position: absolute; left: 0; top: 0; bottom: 0; right: 420px; }
  #panel { position: absolute; top: 0; bottom: 0; right: 0; width: 420px; overflow: auto; }
</style>
<script src="dist/camunda-platform-modeler.development.js"></script>
</head><body><div id="canvas"></div><div id="panel"></div></body></html>`;

const CONTENT_TYPES = { '.js': 'application/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject' };

/** The element templates of the repository, parsed, in file-name order. */
function elementTemplates() {
  return fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(TEMPLATES, f), 'utf8')));
}

/** The shipped diagrams: [{ name, file, xml }]. */
function shippedDiagrams() {
  return fs.readdirSync(PROCESSES).filter((f) => f.endsWith('.bpmn')).sort()
    .map((name) => ({ name, file: path.join(PROCESSES, name), xml: fs.readFileSync(path.join(PROCESSES, name), 'utf8') }));
}

/**
 * Opens the Modeler in the page: a CamundaPlatformModeler with the properties panel (#panel) and the
 * repository's element templates, as window.modeler. Requests outside the page's own files are refused.
 * Returns the page's errors (console errors and uncaught exceptions), collected from now on.
 */
async function openModeler(page) {
  if (!fs.existsSync(path.join(DIST, 'camunda-platform-modeler.development.js'))) {
    throw new Error(`camunda-bpmn-js is not installed: run npm ci in e2e/modeler (e2e/run does)`);
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN || !url.pathname.startsWith('/modeler/')) return route.abort();
    const rel = url.pathname.slice('/modeler/'.length);
    if (rel === 'index.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE });
    if (rel.startsWith('dist/')) {
      const file = path.join(DIST, rel.slice('dist/'.length));
      if (file.startsWith(DIST + path.sep) && fs.existsSync(file)) {
        return route.fulfill({ contentType: CONTENT_TYPES[path.extname(file)] || 'application/octet-stream',
          body: fs.readFileSync(file) });
      }
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
  await page.goto(PAGE_URL);
  await page.evaluate((templates) => {
    window.modeler = new window.BpmnModeler({
      container: '#canvas',
      propertiesPanel: { parent: '#panel' },
      elementTemplates: templates,
    });
  }, elementTemplates());
  return errors;
}

/** importXML in the page: the import's warnings as strings (an error throws). */
async function importXML(page, xml) {
  return page.evaluate(async (text) => {
    const { warnings } = await window.modeler.importXML(text);
    return warnings.map((w) => w.message);
  }, xml);
}

/** saveXML({ format: true }) in the page, as the desktop Modeler saves a file. */
async function saveXML(page) {
  return page.evaluate(async () => (await window.modeler.saveXML({ format: true })).xml);
}

/**
 * The camunda:field values of one element in an XML text, read by the page's DOMParser:
 * { name: value } (camunda:string / camunda:expression text or the stringValue attribute; '' for an empty field).
 */
async function fieldsInXml(page, xml, elementId) {
  return page.evaluate(({ text, id }) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const element = [...doc.getElementsByTagName('*')].find((e) => e.getAttribute('id') === id);
    if (!element) return null;
    const fields = {};
    for (const field of element.getElementsByTagNameNS('http://camunda.org/schema/1.0/bpmn', 'field')) {
      fields[field.getAttribute('name')] = field.getAttribute('stringValue') ?? field.getAttribute('expression')
        ?? field.textContent.trim();
    }
    return fields;
  }, { text: xml, id: elementId });
}

/**
 * Deploys a diagram as the Modeler's Deploy button does (POST /engine-rest/deployment/create, multipart, HTTP
 * Basic): { status, body } with the body parsed when JSON.
 */
async function deployAsTheModeler(baseUrl, user, password, name, xml) {
  const form = new FormData();
  form.append('deployment-name', name);
  form.append('deployment-source', 'Camunda Modeler');
  form.append('deploy-changed-only', 'false');
  form.append(`${name}.bpmn`, new Blob([xml], { type: 'text/xml' }), `${name}.bpmn`);
  const response = await fetch(`${baseUrl}/engine-rest/deployment/create`, {
    method: 'POST',
    headers: { Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') },
    body: form,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let body = text;
  try { body = JSON.parse(text); } catch (e) { /* not JSON */ }
  return { status: response.status, body };
}

module.exports = { openModeler, importXML, saveXML, fieldsInXml, deployAsTheModeler, elementTemplates, shippedDiagrams,
  PROCESSES };
