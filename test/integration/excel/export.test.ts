import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { computeCourse } from '@shared/grading';
import { BatchState } from '../../../main/backend/changes/batch';
import { change } from '../../../main/backend/changes/tracker';
import { undo, undoState } from '../../../main/backend/changes/undo';
import {
  exportGradesCsv,
  exportRegistrar,
  exportWorkbook,
  importRoster,
  importWorkbook,
  listRegistrarExports,
  registrarPreflight,
  saveProfile,
} from '../../../main/backend/excel';
import { readSnapshot, type Course } from '../../../main/backend/services/course';
import { loadDemoClass } from '../../../main/backend/services/demo';
import { fingerprint, fixture, hasSoffice, libreOfficeCsv, newCourse, refused, tempDir } from './helpers';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const AS_OF = new Date('2026-12-20T12:00:00Z');
const finals = (c: Course) =>
  computeCourse(readSnapshot(c.db), { asOf: AS_OF.toISOString() }).students.map((s) => [s.display, s.letter, s.current.display]);

function demoCourse(): Course {
  const course = newCourse(dir);
  loadDemoClass(course);
  return course;
}

describe('full workbook', () => {
  it('round-trips the demo course: a new course computes identical final grades', async () => {
    const a = demoCourse();
    const file = await exportWorkbook(a, AS_OF);
    const b = newCourse(dir, 'blank');
    const report = await importWorkbook(b, { name: file.name, bytes: file.bytes });
    expect(report.applied).toBe(true);
    expect(report.counts.student).toBe(40);
    expect(finals(b)).toEqual(finals(a));
    expect(readSnapshot(b.db)).toEqual(readSnapshot(a.db));
  });

  it('has the readable sheets with frozen headers, the course name and text IDs', async () => {
    const a = demoCourse();
    const file = await exportWorkbook(a, AS_OF);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as never);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Grades', 'visible'],
      ['Attendance', 'visible'],
      ['Presentations', 'visible'],
      ['Policy', 'visible'],
      ['Gradebook data', 'hidden'],
    ]);
    const grades = wb.getWorksheet('Grades')!;
    expect(grades.getCell('A1').value).toBe('IE 7374 Machine Learning Operations');
    expect(String(grades.getCell('A2').value)).toMatch(/^Exported 2026-12-20 12:00 UTC/);
    expect(grades.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(grades.getCell('A5').value).toBe(readSnapshot(a.db).students[0]!.registrarId);
    expect(grades.getCell('A5').type).toBe(ExcelJS.ValueType.String);
  });

  it('heads item columns "Name, 10 pts" in category order, and shows missing work as MI, not as its 0', async () => {
    const a = demoCourse();
    const snapshot = readSnapshot(a.db);
    // The demo's items by position start with the project milestones, interleave homeworks and readings.
    expect(snapshot.items[0]!.name).toBe('Milestone 1: Scoping');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await exportWorkbook(a, AS_OF)).bytes) as never);
    const grades = wb.getWorksheet('Grades')!;
    const header = (grades.getRow(4).values as unknown[]).slice(1).map(String);
    const items = header.slice(5, 5 + snapshot.items.length);
    expect(items.slice(0, 3)).toEqual(['Homework 1, 10 pts', 'Homework 2, 10 pts', 'Homework 3, 10 pts']);
    expect(items[12]).toBe('Reading 1, 5 pts');
    expect(items.at(-1)).toBe('Final delivery and presentation, 100 pts');
    expect(items.filter((h) => h.startsWith('Milestone'))).toHaveLength(5);
    const missing = snapshot.scores.filter((sc) => sc.status === 'missing');
    expect(missing.length).toBeGreaterThan(0);
    for (const sc of missing) {
      const row = 5 + snapshot.students.findIndex((s) => s.id === sc.studentId);
      const item = snapshot.items.find((i) => i.id === sc.itemId)!;
      expect(grades.getRow(row).getCell(1 + header.indexOf(`${item.name}, ${item.pointsPossible} pts`)).value).toBe('MI');
    }
  });

  it.skipIf(!hasSoffice)('reads back in LibreOffice with the letters and percentages the engine computed', async () => {
    const a = demoCourse();
    const file = await exportWorkbook(a, AS_OF);
    const rows = libreOfficeCsv(file.bytes, dir);
    const header = rows[3]!;
    const results = computeCourse(readSnapshot(a.db), { asOf: AS_OF.toISOString() }).students;
    const snapshot = readSnapshot(a.db);
    const body = rows.slice(4, 4 + snapshot.students.length);
    expect(body.map((r) => r[0])).toEqual(snapshot.students.map((s) => s.registrarId));
    expect(body.map((r) => r[header.indexOf('Letter')])).toEqual(results.map((r) => r.letter));
    expect(body.map((r) => Number(r[header.indexOf('Final %')]))).toEqual(results.map((r) => Number(r.display)));
    expect(body.map((r) => r[2])).toEqual(snapshot.students.map((s) => s.firstName));
  });

  it('refuses a workbook that is not ours, and one whose data sheet was damaged, without changes', async () => {
    const course = newCourse(dir);
    const before = fingerprint(course);
    expect((await refused(() => importWorkbook(course, fixture('class-list-libreoffice.xlsx')))).message).toMatch(
      /not a full workbook exported by the gradebook/,
    );
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet('Gradebook data');
    data.addRow(['gradebook-workbook', 1]);
    data.addRow(['student', '{"registrar_id": "1", "evil\\" = 1; --": 2}']);
    data.addRow(['student', '{not json']);
    const bad = await refused(async () => importWorkbook(course, { name: 'bad.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }));
    expect(bad.problems.map((p) => [p.row, p.message.slice(0, 30)])).toEqual([
      [2, 'This student row has fields a '],
      [3, 'This row is damaged (not reada'],
      [null, 'The workbook has no course set'],
    ]);
    expect(fingerprint(course)).toBe(before);
  });
});

describe('registrar export', () => {
  it('lists students without an allowed letter, overrides and withdrawn students before writing', async () => {
    const course = newCourse(dir);
    await importRoster(course, fixture('class-list.csv'));
    loadDemoClass(course);
    change(course.db, 'test setup', (cs) => {
      cs.put('student', { id: 2 }, { status: 'withdrawn' });
      cs.put(
        'grade_override',
        { student_id: 3 },
        { letter: 'I', percent: null, reason: 'Incomplete agreed', updated_at: AS_OF.toISOString() },
      );
    });
    const pf = registrarPreflight(course, 'banner', { termCode: '202610', crn: '12345' }, AS_OF);
    expect(pf.passes).toBe(false);
    const kinds = pf.issues.map((i) => `${i.kind}:${i.studentId}`);
    expect(kinds).toContain('withdrawn:2');
    expect(kinds).toContain('override:3');
    expect(kinds).toContain('letter-not-allowed:3');
    // The class-list students have no scores in the demo's items: graded as 0 in the final view, F.
    expect(pf.rows.find((r) => r.studentId === 1)?.letter).toBe('F');
    const before = fingerprint(course);
    expect((await refused(() => exportRegistrar(course, 'banner', { termCode: '202610', crn: '12345' }, AS_OF))).message).toMatch(
      /pre-flight check found/,
    );
    expect((await refused(() => exportRegistrar(course, 'banner', { confirm: true }, AS_OF))).message).toMatch(/needs the term code/);
    expect(fingerprint(course)).toBe(before);
  });

  it('writes Banner xlsx with text IDs and allowed letters, an F with its last attendance date, and records it', async () => {
    const course = demoCourse();
    await importRoster(course, fixture('class-list.csv'));
    change(course.db, 'attend', (cs) => {
      const session = cs.insert('attendance_session', { date: '2026-10-01', title: 'x', created_at: AS_OF.toISOString() });
      cs.put('attendance_mark', { session_id: session, student_id: 42 }, { mark: 'present', updated_at: AS_OF.toISOString() });
    });
    const out = await exportRegistrar(course, 'banner', { termCode: '202610', crn: '12345', confirm: true }, AS_OF);
    expect(out.file.name).toBe('IE-7374-202610-12345-final-grades.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.file.bytes) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Term Code', 'CRN', 'Student ID', 'Final Grade', 'Last Attend Date']);
    const nunez = out.preflight.rows.find((r) => r.registrarId === '000042000')!;
    expect(nunez).toMatchObject({ letter: 'F' });
    const f = out.preflight.rows.find((r) => r.studentId === 42)!;
    expect(f.lastAttendDate).toBe('2026-10-01');
    const ids: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) ids.push(row.getCell(3).value);
    });
    expect(ids).toContain('000042000');
    expect(ids.every((v) => typeof v === 'string')).toBe(true);
    const records = listRegistrarExports(course);
    expect(records[0]).toMatchObject({ fileName: out.file.name, sha256: out.record.sha256, profileName: 'Banner grade entry' });
    expect(records[0]!.letters).toHaveLength(out.preflight.rows.length);

    if (hasSoffice) {
      const rows = libreOfficeCsv(out.file.bytes, dir);
      expect(rows.slice(1).map((r) => [r[2], r[3]])).toEqual(out.preflight.rows.map((r) => [r.registrarId, r.letter]));
      expect(rows.find((r) => r[2] === f.registrarId)?.[4]).toBe('10/01/2026');
    }
  });

  it('saves a custom CSV profile with the course and writes only its columns, formula-safe', async () => {
    const course = newCourse(dir);
    await importRoster(course, fixture('class-list.csv'));
    const profile = saveProfile(course, {
      name: 'Dept sheet',
      columns: [
        { field: 'fullName', header: 'Name' },
        { field: 'studentId', header: 'ID' },
        { field: 'grade', header: 'Grade' },
      ],
      header: true,
      format: 'csv',
      fileNamePattern: '{code} grades {date}',
      allowedLetters: ['A', 'B', 'F'],
      lastAttendLetters: [],
      dateFormat: 'YYYY-MM-DD',
    });
    const out = await exportRegistrar(course, profile.key, { confirm: true }, AS_OF);
    expect(out.file.name).toBe('IE-7374-grades-2026-12-20.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.file.bytes);
    expect(text.startsWith('\ufeffName,ID,Grade\r\n')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x""), Eve",006789012,F`);
    expect(text).toContain('"Núñez, José",001234567,F');
  });
});

describe('registrar export record and undo', () => {
  it('is not an undo step: undo after an export undoes the edit before it, the record stays, and redo is kept', async () => {
    const course = demoCourse();
    const score = () => course.db.prepare('SELECT value FROM score WHERE student_id = ? AND item_id = ?');
    const cell = course.db.prepare('SELECT student_id, item_id, value FROM score WHERE value IS NOT NULL LIMIT 1').get() as {
      student_id: number;
      item_id: number;
      value: number;
    };
    const edit = (label: string, value: number) =>
      change(course.db, label, (cs) => cs.put('score', { student_id: cell.student_id, item_id: cell.item_id }, { value, updated_at: 'x' }));
    edit('first edit', 1);
    edit('second edit', 2);
    expect(undo(course.db)).toBe('second edit');
    await exportRegistrar(course, 'banner', { termCode: '202610', crn: '12345', confirm: true }, AS_OF);
    // The redo stack survives the export.
    expect(undoState(course.db)).toMatchObject({ canRedo: true, redoLabel: 'second edit', undoLabel: 'first edit' });
    expect(undo(course.db)).toBe('first edit');
    expect((score().get(cell.student_id, cell.item_id) as { value: number }).value).toBe(cell.value);
    expect(listRegistrarExports(course)).toHaveLength(1);
    // In the history, outside undo.
    expect(course.db.prepare("SELECT undone FROM change_batch WHERE label LIKE 'Registrar export%'").all()).toEqual([
      { undone: BatchState.notUndoable },
    ]);
  });
});

describe('grades CSV', () => {
  it('has raw and effective score columns, safe text and the engine letters', async () => {
    const course = demoCourse();
    const { bytes, name } = exportGradesCsv(course, AS_OF);
    expect(name).toBe('IE-7374-grades.csv');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\r\n');
    // Scores as entered first (team items have none: the team holds them), then the effective scores.
    expect(lines[0]).toMatch(
      /^\ufeffStudent ID,Last name,First name,Section,Status,Homework 1 \(10\),.*,Milestone 1: Scoping \(100\) \[effective\],/,
    );
    expect(lines[0]).toMatch(/,Current %,Final %,Letter$/);
    const letters = lines.slice(1, -1).map((l) => l.split(',').at(-1));
    expect(letters).toEqual(computeCourse(readSnapshot(course.db), { asOf: AS_OF.toISOString() }).students.map((s) => s.letter));
  });
});
