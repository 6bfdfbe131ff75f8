import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ReadBudget, WORKBOOK_LIMITS } from '../../../main/backend/excel/limits';
import { readXlsxSheets } from '../../../main/backend/excel/xlsx-parts';
import { streamedWorkbook } from '../../../main/backend/excel/xlsx-writer';
import { hasSoffice, libreOfficeCsv, tempDir } from './helpers';

const NOW = new Date('2026-12-01T10:00:00Z');
/** Text a writer can get wrong: markup, XML-illegal controls, an unpaired surrogate, emoji. */
const TRICKY = 'a < b & c > d "q" \'s\' tab\there\u0001\u001f \ud800 x 😀 é';
const TRICKY_READ = 'a < b & c > d "q" \'s\' tab\there  x 😀 é';

async function sample(now = NOW): Promise<Uint8Array> {
  const wb = streamedWorkbook(now);
  const grades = wb.addSheet('Grades & more', {
    frozen: { rows: 2, columns: 1 },
    columns: [{ numFmt: '@', width: 13 }, {}, { numFmt: '0.00', width: 9 }],
  });
  grades.add(['ID', 'Name', 'Final %'], { font: { bold: true }, alignment: { wrapText: true, vertical: 'bottom' } });
  grades.add(['001', TRICKY, 93.995]);
  grades.add([]);
  grades.add([null, true, 0]);
  grades.done();
  const data = wb.addSheet('Data', { hidden: true });
  data.add(['x', '{"a":"<b>"}']);
  data.done();
  return wb.finish();
}

describe('the xlsx writer', () => {
  it('writes values, text and blank rows that our reader and exceljs read back the same', async () => {
    const bytes = await sample();
    const ours = readXlsxSheets(bytes, null, new ReadBudget(WORKBOOK_LIMITS));
    expect(ours.get('Grades & more')!.rows).toEqual([['ID', 'Name', 'Final %'], ['001', TRICKY_READ, 93.995], [], [null, true, 0]]);
    expect(ours.get('Data')!.rows).toEqual([['x', '{"a":"<b>"}']]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.getWorksheet('Grades & more')!;
    expect(ws.getCell('A2').value).toBe('001');
    expect(ws.getCell('C2').value).toBe(93.995);
    expect(ws.getCell('B4').value).toBe(true);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true });
    expect(ws.getCell('A1').alignment).toMatchObject({ wrapText: true, vertical: 'bottom' });
    // A row's style is merged over its column's number format.
    expect(ws.getCell('A1').numFmt).toBe('@');
    expect(ws.getCell('C2').numFmt).toBe('0.00');
    expect(ws.getColumn(1).width).toBe(13);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Grades & more', 'visible'],
      ['Data', 'hidden'],
    ]);
  });

  it('gives the same bytes for the same content and moment', async () => {
    expect(Buffer.from(await sample()).equals(Buffer.from(await sample()))).toBe(true);
    expect(Buffer.from(await sample(new Date('2026-12-02T10:00:00Z'))).equals(Buffer.from(await sample()))).toBe(false);
  });

  it('refuses a number that no spreadsheet can hold, and a sheet begun before the last is done', async () => {
    const wb = streamedWorkbook(NOW);
    const sheet = wb.addSheet('A');
    expect(() => sheet.add([1, Number.NaN])).toThrow(/sheet 'A' \(B1\) is not a finite number/);
    expect(() => wb.addSheet('B')).toThrow(/Sheet 'A' is not done/);
    await expect(wb.finish()).rejects.toThrow(/Sheet 'A' is not done/);
  });

  it.skipIf(!hasSoffice)(
    'is read by LibreOffice with the same text and numbers',
    async () => {
      const rows = libreOfficeCsv(await sample(), tempDir());
      expect(rows[0]).toEqual(['ID', 'Name', 'Final %']);
      expect(rows[1]![0]).toBe('001');
      expect(rows[1]![1]).toBe(TRICKY_READ);
      // The column's 0.00 format shows two decimals.
      expect(rows[1]![2]).toBe('94.00');
    },
    120_000,
  );
});
