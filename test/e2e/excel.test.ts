import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Harness } from './harness';

const FIXTURES = path.resolve('test/fixtures');
/** Files are read on a worker thread; under tsx the first read waits for it to compile. */
const READ = { timeout: 20_000 };

describe('Excel import and export in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => app?.close());

  it('imports the class list through the wizard and shows the students', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from Excel or CSV' });
    await dialog.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'class-list.csv'));
    const preview = dialog.getByRole('table', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('row').count(), READ).toBe(9);
    expect(await preview.getByRole('row').nth(1).textContent()).toContain('Núñez');
    expect(await dialog.getByRole('combobox', { name: 'Field for column Student ID' }).inputValue()).toBe('registrarId');
    await app.screenshot('excel-import-preview');
    await dialog.getByRole('button', { name: /^Import \(8 new/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), READ).toMatch(/Imported class-list.csv/);
    await app.openScreen('Roster');
    await expect.poll(() => page.getByText('Zhang').count()).toBeGreaterThan(0);
    expect(await page.getByText('Müller-Lüdenscheidt').count()).toBeGreaterThan(0);
    await app.screenshot('excel-import-roster');
  });

  it('shows every problem of a bad file with its place and imports nothing', async () => {
    const { page } = app;
    const bad = path.join(app.dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'Student ID,Name\n001,"A, B"\n001,"C, D"\n');
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from Excel or CSV' });
    await dialog.locator('input[type=file]').setInputFiles(bad);
    const problems = dialog.getByRole('table', { name: 'Problems in the file' });
    await expect
      .poll(() => problems.getByRole('row').nth(1).textContent(), READ)
      .toBe('bad3ADuplicate student ID 001: it is also on row 2.');
    expect(await dialog.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('shows a real progress bar while reading a long file, and Cancel stops it without changes', async () => {
    const { page } = app;
    const big = path.join(app.dataDir, 'big.csv');
    const lines = ['Student ID,Name,Email'];
    // As long as a sheet may be (100,000 rows, the header included).
    for (let i = 0; i < 99_999; i++) lines.push(`${String(i + 500_000).padStart(9, '0')},"Last${i}, First${i}",s${i}@example.edu`);
    fs.writeFileSync(big, lines.join('\n'));
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from Excel or CSV' });
    await dialog.locator('input[type=file]').setInputFiles(big);
    const bar = dialog.getByRole('progressbar');
    await bar.waitFor();
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    await expect.poll(() => cancel.isEnabled()).toBe(true);
    await app.screenshot('excel-import-progress');
    await cancel.click();
    await expect.poll(() => dialog.getByText('Reading the file was cancelled.').count()).toBe(1);
    expect(await bar.count()).toBe(0);
    expect(await dialog.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('refuses a file past the size limits with one plain message, and the app keeps working', async () => {
    const { page } = app;
    const huge = path.join(app.dataDir, 'huge.csv');
    const lines = ['Student ID,Name'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`${i},"L${i}, F"`);
    fs.writeFileSync(huge, lines.join('\n'));
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from Excel or CSV' });
    await dialog.locator('input[type=file]').setInputFiles(huge);
    const message = "The sheet 'huge' is larger than 100,000 rows; split it into smaller files and import them one by one.";
    await expect.poll(() => dialog.getByText(message).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await dialog.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await app.screenshot('excel-import-too-large');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await app.openScreen('Roster');
    await expect.poll(() => page.getByText('Zhang').count()).toBeGreaterThan(0);
  });

  it('imports a score column the course has no item for into a new item chosen in the wizard', async () => {
    const { page } = app;
    const scores = path.join(app.dataDir, 'quiz.csv');
    fs.writeFileSync(scores, 'Student ID,Pop quiz\n001234567,4\n002345678,EX\n');
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from Excel or CSV' });
    await dialog.getByLabel('What is in the file').selectOption('scores');
    await dialog.locator('input[type=file]').setInputFiles(scores);
    const target = dialog.getByRole('combobox', { name: 'Item for column Pop quiz' });
    await target.waitFor();
    expect(await dialog.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await target.selectOption('new');
    const points = dialog.getByRole('spinbutton', { name: 'Points possible for column Pop quiz' });
    await points.waitFor();
    await points.fill('5');
    await expect.poll(() => dialog.getByRole('button', { name: /^Import \(1 scores, 1 statuses/ }).isEnabled(), READ).toBe(true);
    await app.screenshot('excel-import-new-item');
    await dialog.getByRole('button', { name: /^Import \(/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), READ).toMatch(/Imported quiz.csv/);
  });

  it('exports the registrar xlsx after the pre-flight check, as a download with text IDs', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Term code').fill('202610');
    await dialog.getByLabel('CRN').fill('12345');
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => dialog.getByLabel('Pre-flight check').textContent()).toMatch(/8 of 8 enrolled students will be sent/);
    expect(await dialog.getByLabel('Pre-flight check').textContent()).toMatch(/Every check passed/);
    const downloaded = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export registrar file' }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toBe('IE-7374-202610-12345-final-grades.xlsx');
    const target = path.join(app.dataDir, file.suggestedFilename());
    await file.saveAs(target);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Term Code', 'CRN', 'Student ID', 'Final Grade', 'Last Attend Date']);
    const ids: unknown[] = [];
    ws.eachRow((row, n) => n > 1 && ids.push(row.getCell(3).value));
    expect(ids).toContain('000042000');
    await expect.poll(() => dialog.getByRole('table', { name: 'Registrar exports' }).getByRole('row').count()).toBe(2);
    await app.screenshot('excel-export-registrar');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('exports the workbook, and importing it back shows and writes only the score edited on its Grades sheet', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    const downloaded = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: 'Full workbook (.xlsx)' }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toMatch(/^IE-7374-workbook-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const target = path.join(app.dataDir, file.suggestedFilename());
    await file.saveAs(target);
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const grades = wb.getWorksheet('Grades')!;
    const header = Array.from(grades.getRow(4).values as unknown[], (v) => String(v ?? ''));
    grades.getRow(5).getCell(header.indexOf('Pop quiz, 5 pts')).value = 3;
    await wb.xlsx.writeFile(target);

    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from Excel or CSV' });
    await dialog.getByLabel('What is in the file').selectOption('workbook');
    await dialog.locator('input[type=file]').setInputFiles(target);
    const edits = dialog.getByRole('table', { name: 'Changes on the Grades sheet' });
    await expect.poll(() => edits.getByRole('row').count(), READ).toBe(2);
    expect(await dialog.getByText('1 score changed on the Grades sheet will be imported too:').count()).toBe(1);
    expect(await edits.getByRole('row').nth(1).textContent()).toMatch(/^5[A-Z]+.*Pop quiz\(empty\)3$/);
    await app.screenshot('excel-import-workbook-edits');
    // Back into the course it came from: only the edited score is written, as one undo step.
    await dialog.getByRole('button', { name: /^Import \(/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), READ)
      .toMatch(/Imported IE-7374-workbook-.*: .*1 score edited on the Grades sheet\. You can undo this as one step\./);
    expect(await page.getByRole('button', { name: /^Undo Import workbook/ }).count()).toBe(1);

    // The same file again: the course already matches it.
    await page.getByRole('button', { name: 'Import…' }).click();
    await dialog.getByLabel('What is in the file').selectOption('workbook');
    await dialog.locator('input[type=file]').setInputFiles(target);
    await dialog.getByRole('button', { name: /^Import \(/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), READ)
      .toMatch(/the course already matched it, so nothing was changed\./);
    await app.screenshot('excel-import-workbook-unchanged');
  });
});
