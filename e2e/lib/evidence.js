// The Tasklist's tab 佐证材料 (the application's own tab: its label is the application's text, not the webapps'),
// and the small files the tests attach.
const { expect } = require('@playwright/test');

const TAB_LABEL = '佐证材料';

/** The tab's link in the open task's tabs. */
function evidenceTab(page) {
  return page.locator('.task-details .nav-tabs li a', { hasText: TAB_LABEL });
}

/** Opens the tab 佐证材料 of the open task and waits for its content. */
async function openEvidenceTab(page) {
  await expect(evidenceTab(page), `the tab ${TAB_LABEL}`).toBeVisible();
  await evidenceTab(page).click();
  await expect(page.locator('.task-details [data-rectiflow-evidence]')).toBeVisible();
  await expect(page.locator('.task-details .rectiflow-evidence-hint')).toBeVisible();
}

/** Back to the task's first tab (its form). */
async function openFormTab(page) {
  await page.locator('.task-details .nav-tabs li a').first().click();
  await expect(page.locator('.task-details .fjs-form')).toBeVisible();
}

/** Chooses files and a description in the tab and uploads them; waits for every upload's answer. */
async function uploadEvidence(page, files, description) {
  const answers = files.map(() => page.waitForResponse((r) => r.request().method() === 'POST'
    && /\/api\/measures\/[^/]+\/evidence$/.test(new URL(r.url()).pathname)));
  await page.locator('.task-details .rectiflow-evidence-file').setInputFiles(files);
  await page.locator('.task-details .rectiflow-evidence-description').fill(description);
  await page.locator('.task-details .rectiflow-evidence-submit').click();
  const responses = [];
  for (const answer of answers) {
    responses.push(await answer); // one after the other, as the tab sends them
  }
  await expect(page.locator('.task-details .rectiflow-evidence-submit')).toBeEnabled();
  return responses;
}

/** The row of a file in the tab, by its name. */
function evidenceRow(page, name) {
  return page.locator('.task-details .rectiflow-evidence-files tbody tr', { hasText: name });
}

/** A real one-page PDF (PDF 1.4, Helvetica) with a line of ASCII text, its cross-reference table exact. */
function smallPdf(text) {
  const content = `BT /F1 18 Tf 24 72 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A Windows program (the DOS header pointing at a PE signature), whatever name it is given. */
function windowsExecutable() {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes[0x3c] = 0x80;
  bytes.write('PE', 0x80, 'latin1');
  bytes[0x84] = 0x4c;
  bytes[0x85] = 0x01;
  return bytes;
}

module.exports = {
  TAB_LABEL, evidenceTab, openEvidenceTab, openFormTab, uploadEvidence, evidenceRow, smallPdf, windowsExecutable,
};
