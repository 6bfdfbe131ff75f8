import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { computeCourse } from '@shared/grading';
import { exportWorkbook, importWorkbook } from '../../../main/backend/excel';
import { readSnapshot, type Course } from '../../../main/backend/services/course';
import { loadDemoClass } from '../../../main/backend/services/demo';
import { fingerprint, newCourse, refused, tempDir, zipOf } from './helpers';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const AS_OF = new Date('2026-12-20T12:00:00Z');

type Edit = (tag: string, json: string) => string | undefined;

/**
 * Exports the demo course and edits the hidden data sheet as someone might in Excel: `edit` sees
 * each row's table and JSON and answers new JSON text for the rows it changes. Answers the file
 * and the 1-based sheet row of every changed row.
 */
async function editedData(edits: Edit[]): Promise<{ file: { name: string; bytes: Uint8Array }; rows: number[]; source: Course }> {
  const source = newCourse(dir);
  loadDemoClass(source);
  const exported = await exportWorkbook(source, AS_OF);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(exported.bytes) as never);
  const data = wb.getWorksheet('Gradebook data')!;
  const rows: number[] = [];
  const pending = [...edits];
  data.eachRow((row, r) => {
    const next = pending[0]?.(String(row.getCell(1).value), String(row.getCell(2).value));
    if (next === undefined) return;
    row.getCell(2).value = next;
    rows.push(r);
    pending.shift();
  });
  expect(pending).toHaveLength(0);
  return { file: { name: exported.name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }, rows, source };
}

/** Changes one field of the first row of `table` that `when` accepts. */
const setField =
  (table: string, field: string, value: unknown, when: (row: Record<string, unknown>) => boolean = () => true): Edit =>
  (tag, json) => {
    if (tag !== table) return undefined;
    const row = JSON.parse(json) as Record<string, unknown>;
    return when(row) ? JSON.stringify({ ...row, [field]: value }) : undefined;
  };

describe('full workbook import checks the data sheet before writing', () => {
  it('refuses a score of "ten" typed into the data sheet, with its row and a plain reason, and writes nothing', async () => {
    const { file, rows } = await editedData([setField('score', 'value', 'ten', (r) => typeof r.value === 'number')]);
    const target = newCourse(dir, 'blank');
    const before = fingerprint(target);

    const preview = await importWorkbook(target, file, { dryRun: true });
    expect(preview.applied).toBe(false);
    expect(preview.problems).toEqual([
      {
        severity: 'error',
        sheet: 'Gradebook data',
        row: rows[0],
        column: 'B',
        message: expect.stringMatching(/^This score row's value is "ten": must be a number\. .*export the workbook again/),
      },
    ]);
    const result = await refused(() => importWorkbook(target, file));
    expect(result.message).toMatch(/nothing was imported/);
    expect(result.problems).toEqual(preview.problems);
    expect(fingerprint(target)).toBe(before);
    // The course still grades (it would fail on every student had "ten" been stored).
    expect(() => computeCourse(readSnapshot(target.db), { asOf: AS_OF.toISOString() })).not.toThrow();
  });

  it('refuses a negative extension, an unknown status and an impossible due date, each at its row', async () => {
    const { file, rows } = await editedData([
      setField('student', 'extension_days', -3),
      setField('item', 'due_date', '2026-02-30'),
      setField('score', 'status', 'late'),
    ]);
    const target = newCourse(dir, 'blank');
    const before = fingerprint(target);
    const result = await refused(() => importWorkbook(target, file));
    expect(result.problems.map((p) => [p.sheet, p.row, p.column, p.message.replace(/\. The data sheet.*$/, '')])).toEqual([
      ['Gradebook data', rows[0], 'B', "This student row's extension_days is -3: must be at least 0"],
      ['Gradebook data', rows[1], 'B', 'This item row\'s due_date is "2026-02-30": must be a real date as YYYY-MM-DD'],
      ['Gradebook data', rows[2], 'B', 'This score row\'s status is "late": must be one of excused, missing, exempt'],
    ]);
    expect(fingerprint(target)).toBe(before);
  });

  it('reports rows holding null (course rows and the Grades sheet record) plainly, not as a crash', async () => {
    const { file, rows } = await editedData([
      (tag) => (tag === 'student' ? 'null' : undefined),
      (tag) => (tag === 'grades-sheet-row' ? 'null' : undefined),
    ]);
    const target = newCourse(dir, 'blank');
    const before = fingerprint(target);
    const result = await refused(() => importWorkbook(target, file));
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.row, p.column, p.message.slice(0, 40)])).toEqual([
      [rows[0], 'B', 'This student row holds no fields. The da'],
      [rows[1], 'B', 'The record of the Grades sheet is damage'],
    ]);
    expect(fingerprint(target)).toBe(before);
  });

  it('reports a damaged or invalid grading policy as a problem at the course row', async () => {
    const damaged = await editedData([setField('course', 'policy_json', '{"grading": "weighted",')]);
    const target = newCourse(dir, 'blank');
    const before = fingerprint(target);
    const result = await refused(() => importWorkbook(target, damaged.file));
    expect(result.problems).toEqual([
      expect.objectContaining({
        sheet: 'Gradebook data',
        row: damaged.rows[0],
        column: 'B',
        message: expect.stringMatching(/^The grading policy \(policy_json\) is damaged: it is not readable data\./),
      }),
    ]);

    const invalid = await editedData([
      (tag, json) => {
        if (tag !== 'course') return undefined;
        const row = JSON.parse(json) as { policy_json: string };
        return JSON.stringify({ ...row, policy_json: JSON.stringify({ ...JSON.parse(row.policy_json), grading: 'vibes' }) });
      },
    ]);
    const again = await refused(() => importWorkbook(target, invalid.file));
    expect(again.problems).toEqual([
      expect.objectContaining({
        row: invalid.rows[0],
        column: 'B',
        message: expect.stringMatching(/^The grading policy \(grading\) must be one of /),
      }),
    ]);
    expect(fingerprint(target)).toBe(before);
  });

  it('still imports an untouched workbook exactly', async () => {
    const { file, source } = await editedData([]);
    const target = newCourse(dir, 'blank');
    expect((await importWorkbook(target, file)).applied).toBe(true);
    expect(readSnapshot(target.db)).toEqual(readSnapshot(source.db));
  });

  it('checks the data rows alike whether the file lists them in order, out of order or under a repeated sheet name', async () => {
    const row = (r: number, tag: string, json: string) =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${tag}</t></is></c><c r="B${r}" t="inlineStr"><is><t>${json}</t></is></c></row>`;
    const xlsx = (sheets: [name: string, rows: string[]][]) => ({
      name: 'hand-made.xlsx',
      bytes: zipOf([
        {
          path: 'xl/workbook.xml',
          text: `<workbook xmlns:r="r"><sheets>${sheets.map(([name], i) => `<sheet name="${name}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
        },
        {
          path: 'xl/_rels/workbook.xml.rels',
          text: `<Relationships>${sheets.map((_, i) => `<Relationship Id="rId${i}" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`,
        },
        ...sheets.map(([, rows], i) => ({
          path: `xl/worksheets/sheet${i}.xml`,
          text: `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`,
        })),
      ]),
    });
    // Sheet row 3 is left out: an empty row between the others.
    const rows = [row(1, 'gradebook-workbook', '2'), row(2, 'student', '{"nickname":"x"}'), row(4, 'bogus', '{}'), row(5, 'score', 'ten')];
    const target = newCourse(dir, 'blank');
    const preview = (file: { name: string; bytes: Uint8Array }) => importWorkbook(target, file, { dryRun: true });

    const inOrder = await preview(xlsx([['Gradebook data', rows]]));
    expect(inOrder.problems.slice(0, 4).map((p) => [p.row, p.column, p.message.slice(0, 24)])).toEqual([
      [2, 'B', 'This student row has fie'],
      [3, 'B', 'This row is damaged (not'],
      [4, 'A', "'bogus' is not a part of"],
      [5, 'B', 'This row is damaged (not'],
    ]);
    expect(await preview(xlsx([['Gradebook data', [rows[0]!, rows[3]!, rows[1]!, rows[2]!]]]))).toEqual(inOrder);
    expect(
      await preview(
        xlsx([
          ['Gradebook data', [rows[0]!, row(7, 'nothing', '{}')]],
          ['Gradebook data', rows],
        ]),
      ),
    ).toEqual(inOrder);
  });
});
