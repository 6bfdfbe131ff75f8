import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { exportWorkbook, importWorkbook } from '../../../main/backend/excel';
import { change } from '../../../main/backend/changes/tracker';
import { readSnapshot, type Course } from '../../../main/backend/services/course';
import { demoCourse, fingerprint, hasSoffice, libreOfficeResave, newCourse, refused, tempDir } from './helpers';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const AS_OF = new Date('2026-12-20T12:00:00Z');

/** Exports the course, lets `edit` change the Grades sheet as an instructor would in Excel, and answers the file. */
async function editedWorkbook(course: Course, edit: (grades: ExcelJS.Worksheet, column: (header: string) => number) => void) {
  const file = await exportWorkbook(course, AS_OF);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.bytes) as never);
  const grades = wb.getWorksheet('Grades')!;
  const header = Array.from(grades.getRow(4).values as unknown[], (v) => String(v ?? ''));
  edit(grades, (h) => {
    const c = header.findIndex((x) => x.startsWith(h));
    if (c < 1) throw new Error(`no column ${h}`);
    return c;
  });
  return { name: file.name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

const scoreOf = (c: Course, studentId: number, itemId: number) =>
  readSnapshot(c.db).scores.find((s) => s.studentId === studentId && s.itemId === itemId);

describe('workbook round trip with edits on the Grades sheet', () => {
  it('imports scores typed over on the Grades sheet, lists them in the preview, and leaves the rest as exported', async () => {
    const course = demoCourse(dir);
    const snapshot = readSnapshot(course.db);
    const hw1 = snapshot.items.find((i) => i.name === 'Homework 1')!;
    const [first, second] = snapshot.students;
    let letter = '';
    const file = await editedWorkbook(course, (grades, column) => {
      const c = column('Homework 1,');
      letter = grades.getColumn(c).letter;
      grades.getRow(5).getCell(c).value = 3.5;
      grades.getRow(6).getCell(c).value = 'ex';
      // A letter typed over is not a score: reported, not imported.
      grades.getRow(5).getCell(column('Letter')).value = 'A+';
    });
    const preview = await importWorkbook(course, file, { dryRun: true });
    expect(preview.gradesSheetEdits).toEqual([
      expect.objectContaining({
        row: 5,
        column: letter,
        item: 'Homework 1',
        to: '3.5',
        student: expect.stringContaining(first!.registrarId),
      }),
      expect.objectContaining({ row: 6, column: letter, item: 'Homework 1', to: 'ex' }),
    ]);
    expect(preview.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        sheet: 'Grades',
        message: expect.stringMatching(/1 change in 'Letter' was not imported/),
      }),
    ]);

    const target = newCourse(dir, 'blank');
    const report = await importWorkbook(target, file);
    expect(report.applied).toBe(true);
    expect(scoreOf(target, first!.id, hw1.id)).toMatchObject({ value: 3.5, status: null });
    expect(scoreOf(target, second!.id, hw1.id)).toMatchObject({ value: null, status: 'excused' });
    // Everything else is exactly the exported course.
    const rest = (c: Course) =>
      readSnapshot(c.db).scores.filter((s) => !(s.itemId === hw1.id && (s.studentId === first!.id || s.studentId === second!.id)));
    expect(rest(target)).toEqual(rest(course));
    const label = target.db.prepare('SELECT label FROM change_batch ORDER BY id DESC LIMIT 1').get() as { label: string };
    expect(label.label).toMatch(/2 scores edited on the Grades sheet/);
  });

  it('finds edits after the rows were sorted in Excel', async () => {
    const course = demoCourse(dir);
    const snapshot = readSnapshot(course.db);
    const hw1 = snapshot.items.find((i) => i.name === 'Homework 1')!;
    const last = snapshot.students.at(-1)!;
    const file = await editedWorkbook(course, (grades, column) => {
      // Swap the first and the last student rows, then edit the last student (now on row 5).
      const top = grades.getRow(5).values;
      const bottom = grades.getRow(4 + snapshot.students.length).values;
      grades.getRow(5).values = bottom;
      grades.getRow(4 + snapshot.students.length).values = top;
      grades.getRow(5).getCell(column('Homework 1,')).value = 1;
    });
    const target = newCourse(dir, 'blank');
    const report = await importWorkbook(target, file);
    expect(report.gradesSheetEdits).toEqual([
      expect.objectContaining({ row: 5, student: expect.stringContaining(last.registrarId), to: '1' }),
    ]);
    expect(scoreOf(target, last.id, hw1.id)).toMatchObject({ value: 1 });
    expect(scoreOf(target, snapshot.students[0]!.id, hw1.id)).toEqual(scoreOf(course, snapshot.students[0]!.id, hw1.id));
  });

  it('refuses an unreadable edit with its sheet, row and column, and changes nothing', async () => {
    const course = demoCourse(dir);
    const before = fingerprint(course);
    let letter = '';
    const file = await editedWorkbook(course, (grades, column) => {
      grades.getRow(7).getCell(column('Homework 2,')).value = 'ten';
      letter = grades.getColumn(column('Homework 2,')).letter;
    });
    const result = await refused(() => importWorkbook(course, file));
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: 'Grades', row: 7, column: letter, message: expect.stringMatching(/^'ten' is not a score/) }),
    ]);
    expect(result.message).toMatch(/nothing was imported/);
    expect(fingerprint(course)).toBe(before);
  });

  it.skipIf(!hasSoffice)('reads a workbook saved again by LibreOffice, with an edit made there', async () => {
    const course = demoCourse(dir);
    const snapshot = readSnapshot(course.db);
    const hw1 = snapshot.items.find((i) => i.name === 'Homework 1')!;
    const file = await editedWorkbook(course, (grades, column) => {
      grades.getRow(5).getCell(column('Homework 1,')).value = 2;
    });
    const target = newCourse(dir, 'blank');
    const report = await importWorkbook(target, { name: 'saved.xlsx', bytes: libreOfficeResave(file.bytes, dir) });
    expect(report.gradesSheetEdits).toHaveLength(1);
    expect(scoreOf(target, snapshot.students[0]!.id, hw1.id)).toMatchObject({ value: 2 });
    expect(readSnapshot(target.db).students).toEqual(snapshot.students);
  });
});

describe('Grades sheet: MI cells, rows below the students, workbooks of the previous format', () => {
  /** The demo's first missing cell: its sheet row, its 1-based column, its student and item. */
  function firstMissing(course: Course, grades: ExcelJS.Worksheet) {
    const snapshot = readSnapshot(course.db);
    const sc = snapshot.scores.find((x) => x.status === 'missing')!;
    const item = snapshot.items.find((i) => i.id === sc.itemId)!;
    const header = Array.from(grades.getRow(4).values as unknown[], (v) => String(v ?? ''));
    return {
      row: 5 + snapshot.students.findIndex((x) => x.id === sc.studentId),
      column: header.indexOf(`${item.name}, ${item.pointsPossible} pts`),
      sc,
    };
  }

  it('reads MI left as it is as no change, a score typed over MI, and MI typed over a score', async () => {
    const course = demoCourse(dir);
    let cell: ReturnType<typeof firstMissing> | undefined;
    const file = await editedWorkbook(course, (grades, column) => {
      cell = firstMissing(course, grades);
      expect(grades.getRow(cell.row).getCell(cell.column).value).toBe('MI');
      grades.getRow(cell.row).getCell(cell.column).value = 0;
      grades.getRow(5).getCell(column('Homework 1,')).value = 'MI';
    });
    const untouched = await importWorkbook(course, await editedWorkbook(course, () => {}), { dryRun: true });
    expect(untouched.gradesSheetEdits).toEqual([]);
    const target = newCourse(dir, 'blank');
    const report = await importWorkbook(target, file);
    expect(report.gradesSheetEdits.map((e) => [e.from, e.to])).toEqual(
      expect.arrayContaining([
        ['MI', '0'],
        [expect.any(String), 'MI'],
      ]),
    );
    expect(scoreOf(target, cell!.sc.studentId, cell!.sc.itemId)).toMatchObject({ value: 0, status: null });
    const hw1 = readSnapshot(course.db).items.find((i) => i.name === 'Homework 1')!;
    expect(scoreOf(target, readSnapshot(course.db).students[0]!.id, hw1.id)).toMatchObject({ value: null, status: 'missing' });
  });

  it('ignores rows below the last student (statistics, notes) without a warning', async () => {
    const course = demoCourse(dir);
    const students = readSnapshot(course.db).students.length;
    const file = await editedWorkbook(course, (grades, column) => {
      const below = 4 + students + 2;
      grades.getRow(below).values = ['Mean', 'of graded scores'];
      grades.getRow(below).getCell(column('Homework 1,')).value = 7.25;
      grades.getRow(below + 1).values = ['999999999', 'not a student'];
    });
    const preview = await importWorkbook(course, file, { dryRun: true });
    expect(preview.problems).toEqual([]);
    expect(preview.gradesSheetEdits).toEqual([]);
  });

  it('reads a workbook of the previous format: headers "Name (10)" and missing work shown as 0', async () => {
    const course = demoCourse(dir);
    const snapshot = readSnapshot(course.db);
    const hw2 = snapshot.items.find((i) => i.name === 'Homework 2')!;
    const old = (header: string) => header.replace(/^(.*), (\d+(?:\.\d+)?) pts?$/, '$1 ($2)');
    const oldFormat = async (edit: (grades: ExcelJS.Worksheet) => void) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await exportWorkbook(course, AS_OF)).bytes) as never);
      const grades = wb.getWorksheet('Grades')!;
      grades.getRow(4).eachCell((c) => (c.value = old(String(c.value))));
      grades.eachRow((row) =>
        row.eachCell((c) => {
          if (c.value === 'MI') c.value = 0;
        }),
      );
      // The data sheet's record of the Grades sheet, as the previous version wrote it.
      wb.getWorksheet('Gradebook data')!.eachRow((row) => {
        const [tag, json] = [row.getCell(1).value, String(row.getCell(2).value)];
        if (tag === 'grades-sheet-columns') {
          const record = JSON.parse(json) as { header: string[] };
          row.getCell(2).value = JSON.stringify({ ...record, header: record.header.map(old) });
        }
        if (tag === 'grades-sheet-row') row.getCell(2).value = json.replaceAll('"MI"', '0');
      });
      edit(grades);
      return { name: 'old.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
    };
    const untouched = await importWorkbook(course, await oldFormat(() => {}), { dryRun: true });
    expect(untouched.problems).toEqual([]);
    expect(untouched.gradesSheetEdits).toEqual([]);

    const file = await oldFormat((grades) => {
      const header = Array.from(grades.getRow(4).values as unknown[], (v) => String(v ?? ''));
      grades.getRow(5).getCell(header.indexOf('Homework 2 (10)')).value = 6.5;
    });
    const target = newCourse(dir, 'blank');
    const report = await importWorkbook(target, file);
    expect(report.gradesSheetEdits).toEqual([expect.objectContaining({ row: 5, item: 'Homework 2', to: '6.5' })]);
    expect(scoreOf(target, snapshot.students[0]!.id, hw2.id)).toMatchObject({ value: 6.5 });
    expect(readSnapshot(target.db).scores.filter((sc) => sc.status === 'missing')).toEqual(
      snapshot.scores.filter((sc) => sc.status === 'missing'),
    );
  });
});

describe('Grades sheet edits: duplicate headers, penalised cells, a missing sheet', () => {
  /** Two 10-point items named "Week 1", in Homeworks and in Reading assignments, with different scores. */
  function twoWeekOnes(): { course: Course; first: number; second: number } {
    const course = demoCourse(dir);
    const snapshot = readSnapshot(course.db);
    const category = (name: string) => snapshot.categories.find((c) => c.name === name)!.id;
    const now = new Date().toISOString();
    const [first, second] = change(course.db, 'two items named Week 1', (cs) => {
      const ids = ['Homeworks', 'Reading assignments'].map((name, k) =>
        cs.insert('item', { category_id: category(name), name: 'Week 1', points_possible: 10, position: 100 + k, created_at: now }),
      );
      snapshot.students.forEach((s, n) => {
        cs.insert('score', { student_id: s.id, item_id: ids[0]!, value: 2 + (n % 5), updated_at: now });
        cs.insert('score', { student_id: s.id, item_id: ids[1]!, value: 9 - (n % 4), updated_at: now });
      });
      return ids;
    });
    return { course, first: first!, second: second! };
  }

  /** The 1-based columns of every header starting with `h`, in order. */
  const columnsOf = (grades: ExcelJS.Worksheet, h: string) =>
    Array.from(grades.getRow(4).values as unknown[], (v, c) => (String(v ?? '').startsWith(h) ? c : -1)).filter((c) => c > 0);

  it('round-trips items with the same header with no edits, and an edit lands on the item of its column', async () => {
    const { course, first, second } = twoWeekOnes();
    const untouched = await editedWorkbook(course, () => {});
    const preview = await importWorkbook(course, untouched, { dryRun: true });
    expect(preview.gradesSheetEdits).toEqual([]);
    expect(preview.problems).toEqual([]);

    const student = readSnapshot(course.db).students[0]!;
    const file = await editedWorkbook(course, (grades) => {
      const [, secondColumn] = columnsOf(grades, 'Week 1,');
      grades.getRow(5).getCell(secondColumn!).value = 1;
    });
    const target = newCourse(dir, 'blank');
    const report = await importWorkbook(target, file);
    expect(report.gradesSheetEdits).toEqual([expect.objectContaining({ row: 5, item: 'Week 1', to: '1' })]);
    expect(scoreOf(target, student.id, second)).toMatchObject({ value: 1 });
    expect(scoreOf(target, student.id, first)).toEqual(scoreOf(course, student.id, first));
    const others = (c: Course) => readSnapshot(c.db).scores.filter((s) => !(s.studentId === student.id && s.itemId === second));
    expect(others(target)).toEqual(others(course));
  });

  it('refuses an edit on a cell shown after a late penalty, naming the raw score, and changes nothing', async () => {
    const course = demoCourse(dir);
    const before = fingerprint(course);
    const snapshot = readSnapshot(course.db);
    const hw11 = snapshot.items.find((i) => i.name === 'Homework 11')!;
    // The demo's second student handed Homework 11 in late: raw 5.5, shown 4.95 (10% off).
    expect(scoreOf(course, snapshot.students[1]!.id, hw11.id)).toMatchObject({ value: 5.5 });
    let letter = '';
    const file = await editedWorkbook(course, (grades, column) => {
      const c = column('Homework 11,');
      letter = grades.getColumn(c).letter;
      expect(grades.getRow(6).getCell(c).value).toBe(4.95);
      grades.getRow(6).getCell(c).value = 5.95;
    });
    const result = await refused(() => importWorkbook(course, file));
    expect(result.problems).toEqual([
      expect.objectContaining({
        sheet: 'Grades',
        row: 6,
        column: letter,
        message: "This score is shown after a late penalty (raw 5.5); change it in the app's cell menu, not in the sheet.",
      }),
    ]);
    expect(fingerprint(course)).toBe(before);
  });

  it('refuses an edit on a cell an integrity finding zeroed', async () => {
    const course = demoCourse(dir);
    const cell = course.db.prepare('SELECT student_id, item_id, value FROM score WHERE integrity_date IS NOT NULL').get() as {
      student_id: number;
      item_id: number;
      value: number | null;
    };
    const snapshot = readSnapshot(course.db);
    const row = 5 + snapshot.students.findIndex((s) => s.id === cell.student_id);
    const name = snapshot.items.find((i) => i.id === cell.item_id)!.name;
    const file = await editedWorkbook(course, (grades, column) => {
      const c = column(`${name},`);
      expect(grades.getRow(row).getCell(c).value).toBe(0);
      grades.getRow(row).getCell(c).value = 7;
    });
    const result = await refused(() => importWorkbook(course, file, { dryRun: false }));
    expect(result.problems).toEqual([
      expect.objectContaining({ row, message: expect.stringMatching(/^This score is shown after an integrity finding/) }),
    ]);
  });

  it('warns when the Grades sheet was renamed or deleted, instead of silently dropping its edits', async () => {
    const course = demoCourse(dir);
    for (const rename of [true, false]) {
      const file = await editedWorkbook(course, (grades) => {
        grades.getRow(5).getCell(6).value = 1;
        if (rename) grades.name = 'My grades';
        else grades.workbook.removeWorksheet(grades.id);
      });
      const preview = await importWorkbook(course, file, { dryRun: true });
      expect(preview.gradesSheetEdits).toEqual([]);
      expect(preview.problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          message: expect.stringMatching(/^The 'Grades' sheet is missing or was renamed; edits made on it are not read/),
        }),
      ]);
    }
  });
});
