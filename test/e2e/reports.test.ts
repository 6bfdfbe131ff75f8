import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoClass } from '../../main/backend/services/demo';
import { pdfText, firstPagePng } from '../integration/reports/poppler';
import { startApp, ARTIFACTS, type Harness } from './harness';

describe('Report… in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    await app.openScreen('Final grades');
    await app.page.getByRole('table', { name: 'Final grades' }).waitFor();
  });
  afterAll(async () => app?.close());

  it("saves one student's report from its row, with the letter the table shows", async () => {
    const { page } = app;
    const row = page.getByRole('table', { name: 'Final grades' }).locator('tbody tr').first();
    const name = (await row.locator('td').first().textContent())!;
    const cells = await row.locator('td').allTextContents();
    await page.getByRole('button', { name: `Report for ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Report: ${name}` });
    await dialog.getByLabel('Include comments on items').check();
    await app.screenshot('report-dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Grade report \d+\.pdf$/);
    const file = path.join(app.dataDir, download.suggestedFilename());
    await download.saveAs(file);
    const text = pdfText(file);
    expect(text).toContain(`Grade report: ${name}`);
    const percent = cells.find((c) => /^\d+\.\d\d%$/.test(c) && text.includes(`${c} `))!;
    expect(percent).toBeDefined();
    fs.copyFileSync(firstPagePng(file), path.join(ARTIFACTS, 'report-student-page1.png'));
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toContain(`Saved ${download.suggestedFilename()}.`);
  });

  it('opens the same dialog from Explain', async () => {
    const { page } = app;
    const name = (await page.getByRole('table', { name: 'Final grades' }).locator('tbody tr').nth(1).locator('td').first().textContent())!;
    await page.getByRole('button', { name: `Explain ${name}` }).click();
    await page
      .getByRole('region', { name: `Explain: ${name}` })
      .getByRole('button', { name: 'Print report…' })
      .click();
    const dialog = page.getByRole('dialog', { name: `Report: ${name}` });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('cancels the all-students run and says no file was written', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Report…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Report for the class' });
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    await dialog.getByRole('progressbar').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).first().click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Report cancelled; no file was written.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('saves every student as one PDF each in a zip, with progress', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Report…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Report for the class' });
    await dialog.getByLabel('One PDF per student (a zip file)').check();
    const downloaded = page.waitForEvent('download', { timeout: 180_000 });
    await dialog.getByRole('button', { name: 'Save zip of PDFs' }).click();
    await dialog.getByRole('progressbar').waitFor();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('Grade reports.zip');
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    expect(Object.keys(zip.files)).toHaveLength(40);
  }, 200_000);

  it('saves the class summary', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Report…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Report for the class' });
    await dialog.getByLabel('Class summary').check();
    expect(await dialog.getByLabel('Include comments on items').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save class summary' }).click(),
    ]);
    const file = path.join(app.dataDir, 'summary.pdf');
    await download.saveAs(file);
    expect(pdfText(file)).toContain('Class summary');
  });

  it("offers a student's report on the Roster", async () => {
    const { page } = app;
    await app.openScreen('Roster');
    const first = page.getByRole('table', { name: 'Students' }).locator('tbody tr').first();
    const [, last, given] = await first.locator('td').allTextContents();
    await page.getByRole('button', { name: `Report for ${given} ${last}` }).click();
    const dialog = page.getByRole('dialog', { name: `Report: ${last}, ${given}` });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save PDF' }).click()]);
    const file = path.join(app.dataDir, 'roster.pdf');
    await download.saveAs(file);
    expect(pdfText(file)).toContain(`Grade report: ${last}, ${given}`);
  });
});
