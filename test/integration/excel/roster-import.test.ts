import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDir } from '../../../main/backend/db/backup';
import { importRoster, readSpreadsheet } from '../../../main/backend/excel';
import { undo } from '../../../main/backend/changes/undo';
import { fingerprint, fixture, hasSoffice, libreOfficeXlsx, newCourse, refused, tempDir } from './helpers';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const bytes = (text: string, bom = false) => ({ name: 'list.csv', bytes: new TextEncoder().encode((bom ? '\ufeff' : '') + text) });
const students = (c: ReturnType<typeof newCourse>) =>
  c.db
    .prepare('SELECT registrar_id AS id, first_name AS first, last_name AS last, email, section FROM student ORDER BY registrar_id')
    .all() as Record<string, string>[];

describe('reading spreadsheets', () => {
  it('reads xlsx formula cells as their cached values, dates as dates, text numbers as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Scores');
    ws.addRow(['Student ID', 'Score', 'Due', 'Total']);
    ws.addRow(['000123', '9.5', new Date(Date.UTC(2026, 8, 15)), { formula: 'B2*2', result: 19 }]);
    const book = await readSpreadsheet(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.xlsx');
    const row = book.sheets[0]!.rows[1]!;
    expect(row[0]).toBe('000123');
    expect(row[1]).toBe('9.5');
    expect(row[2]).toBeInstanceOf(Date);
    expect((row[2] as Date).toISOString().slice(0, 10)).toBe('2026-09-15');
    expect(row[3]).toBe(19);
  });

  it('detects semicolons, strips a BOM and keeps quoted separators', async () => {
    const book = await readSpreadsheet(bytes('ID;Name\r\n007;"Doe; Jane"\r\n', true).bytes, 'a.csv');
    expect(book.sheets[0]!.rows).toEqual([
      ['ID', 'Name'],
      ['007', 'Doe; Jane'],
    ]);
    expect(book.decimalComma).toBe(true);
  });
});

describe('class list import', () => {
  it('previews the registrar CSV without writing, then imports it as one undo step with a backup', async () => {
    const course = newCourse(dir);
    const before = fingerprint(course);
    const preview = await importRoster(course, fixture('class-list.csv'), { dryRun: true });
    expect(fingerprint(course)).toBe(before);
    expect(preview.mapping.slice(0, 4)).toEqual(['registrarId', 'name', 'email', 'section']);
    expect(preview.counts).toEqual({ new: 8, updated: 0, unchanged: 0, error: 0, withdrawn: 0 });
    expect(preview.rows[0]).toMatchObject({ row: 2, action: 'new', registrarId: '001234567', lastName: 'Núñez', firstName: 'José' });

    const report = await importRoster(course, fixture('class-list.csv'));
    expect(report.applied).toBe(true);
    expect(fs.existsSync(report.backup!)).toBe(true);
    expect(path.dirname(report.backup!)).toBe(backupDir(course.file));
    const list = students(course);
    expect(list).toHaveLength(8);
    expect(list.find((s) => s.id === '000042000')).toMatchObject({ first: 'Anna', last: 'Müller-Lüdenscheidt', section: '02' });
    expect(list.find((s) => s.id === '003456789')?.first).toBe('Wěi');
    expect(list.find((s) => s.id === '006789012')?.last).toBe('=HYPERLINK("http://x")');
    const audit = course.db.prepare("SELECT count(*) AS n FROM audit WHERE entity = 'student'").get() as { n: number };
    expect(audit.n).toBe(8);
    expect(undo(course.db)).toMatch(/Import class list/);
    expect(students(course)).toHaveLength(0);
  });

  it('writes exactly what the preview lists: an empty first-name cell keeps the name, unchanged rows are not written', async () => {
    const course = newCourse(dir);
    await importRoster(course, bytes('Student ID,Last Name,First Name,Email\n001,Lee,Ann,\n002,Kim,Bo,bo@x.edu\n'));
    const file = bytes('Student ID,Last Name,First Name,Email\n001,Lee,,ann@x.edu\n002,Kim,Bo,bo@x.edu\n');
    const preview = await importRoster(course, file, { dryRun: true });
    expect(preview.rows.map((r) => [r.registrarId, r.action, r.changes])).toEqual([
      ['001', 'updated', ['email: (none) → ann@x.edu']],
      ['002', 'unchanged', []],
    ]);
    const audited = () => course.db.prepare("SELECT entity_key, after_json FROM audit WHERE entity = 'student' ORDER BY id").all();
    const auditBefore = audited().length;
    await importRoster(course, file);
    expect(students(course)).toEqual([
      { id: '001', first: 'Ann', last: 'Lee', email: 'ann@x.edu', section: null },
      { id: '002', first: 'Bo', last: 'Kim', email: 'bo@x.edu', section: null },
    ]);
    // One audit row: Ann's email. Bo's unchanged row wrote nothing.
    expect(audited().length - auditBefore).toBe(1);
  });

  it('reads the LibreOffice-written xlsx the same way, and reports unchanged and updated rows', async () => {
    const course = newCourse(dir);
    await importRoster(course, fixture('class-list.csv'));
    course.db.prepare("UPDATE student SET email = 'old@x.example' WHERE registrar_id = '002345678'").run();
    const report = await importRoster(course, fixture('class-list-libreoffice.xlsx'));
    expect(report.counts).toEqual({ new: 0, updated: 1, unchanged: 7, error: 0, withdrawn: 0 });
    expect(report.rows.find((r) => r.registrarId === '002345678')?.changes).toEqual([
      'email: old@x.example → s.obrien@northeastern.example',
    ]);
  });

  it.skipIf(!hasSoffice)('imports a CSV that LibreOffice converted to xlsx (ID and name columns typed as text)', async () => {
    const course = newCourse(dir);
    // Column 2 as text too: otherwise LibreOffice evaluates the '=HYPERLINK(...)' name as a formula.
    const xlsx = libreOfficeXlsx(fixture('class-list.csv').bytes, dir, 2);
    await importRoster(course, { name: 'converted.xlsx', bytes: xlsx });
    expect(students(course).map((s) => s.id)).toContain('000042000');
    expect(students(course).find((s) => s.id === '007890123')?.first).toBe('María José');
  });

  it('finds the header below a title and maps separate first and last name columns', async () => {
    const course = newCourse(dir);
    await importRoster(course, bytes('IE 7374 Fall 2026,,,\nLast Name,First Name,E-mail,Student ID\nΑλεξίου,Νίκος,n@x.example,00991\n'));
    expect(students(course)).toEqual([{ id: '00991', first: 'Νίκος', last: 'Αλεξίου', email: 'n@x.example', section: null }]);
  });

  it('imports a 2,000-row class list', async () => {
    const course = newCourse(dir);
    const lines = ['Student ID,Name,Email'];
    for (let i = 0; i < 2000; i++) lines.push(`${String(i).padStart(9, '0')},"Last${i}, First${i}",s${i}@x.example`);
    const report = await importRoster(course, bytes(lines.join('\n')));
    expect(report.counts.new).toBe(2000);
    expect(students(course)).toHaveLength(2000);
  });

  it('lists every problem with its place and writes nothing', async () => {
    const course = newCourse(dir);
    await importRoster(course, fixture('class-list.csv'));
    const before = fingerprint(course);
    const result = await refused(() =>
      importRoster(
        course,
        bytes('Student ID,Name,Email\n001,"A, B",a@x.example\n001,"C, D",c@x.example\n,"E, F",e@x.example\n002,"G, H",not-an-email\n'),
      ),
    );
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: 'list', row: 3, column: 'A', message: 'Duplicate student ID 001: it is also on row 2.' }),
      expect.objectContaining({ row: 4, column: 'A', message: expect.stringMatching(/student ID is empty/) }),
      expect.objectContaining({ row: 5, column: 'C', message: "'not-an-email' is not an email address." }),
    ]);
    expect(result.message).toMatch(/3 problems; nothing was imported/);
    expect(fingerprint(course)).toBe(before);
  });

  it.each([
    ['an empty file', new Uint8Array(), /is empty/],
    ['a file that is not a spreadsheet', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0]), /not a spreadsheet/],
    ['a password-protected workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /password-protected/],
    ['a corrupt xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9]), /damaged/],
    ['a header with no ID column', new TextEncoder().encode('Name,Email\n"A, B",a@x.example\n'), /No column holds the student ID/],
    ['a header and no students', new TextEncoder().encode('Student ID,Name\n'), /no students below the header/],
  ])('refuses %s with a plain reason and changes nothing', async (_, data, reason) => {
    const course = newCourse(dir);
    const before = fingerprint(course);
    const result = await refused(() => importRoster(course, { name: 'in.xlsx', bytes: data }));
    expect(result.message).toMatch(reason);
    expect(fingerprint(course)).toBe(before);
  });
});

describe('class-list enrolment status', () => {
  // A Banner-style list saved by LibreOffice (test/fixtures/banner-class-list.csv converted with
  // soffice --convert-to xlsx): two title rows, "Registration Status" with Banner's decorations.
  const banner = () => fixture('banner-class-list.xlsx');

  it('imports a Dropped row as withdrawn and counts it apart in the preview', async () => {
    const course = newCourse(dir);
    const preview = await importRoster(course, banner(), { dryRun: true });
    expect(preview.headerRow).toBe(3);
    expect(preview.mapping).toEqual(['name', 'registrarId', 'status', 'email', null, null]);
    expect(preview.rows.map((r) => [r.registrarId, r.action, r.status])).toEqual([
      ['001234567', 'new', 'enrolled'],
      ['001234568', 'new', 'enrolled'],
      ['001234569', 'new', 'withdrawn'],
      ['001234570', 'new', 'enrolled'],
    ]);
    expect(preview.counts).toEqual({ new: 4, updated: 0, unchanged: 0, error: 0, withdrawn: 1 });
    await importRoster(course, banner());
    const status = course.db.prepare('SELECT registrar_id AS id, status FROM student ORDER BY registrar_id').all();
    expect(status).toEqual([
      { id: '001234567', status: 'enrolled' },
      { id: '001234568', status: 'enrolled' },
      { id: '001234569', status: 'withdrawn' },
      { id: '001234570', status: 'enrolled' },
    ]);
  });

  it('an enrolled student who dropped becomes withdrawn, kept with history and undoable', async () => {
    const course = newCourse(dir);
    await importRoster(course, bytes('Student ID,Name\n001234569,"Lindqvist, Åsa"\n'));
    const id = (course.db.prepare("SELECT id FROM student WHERE registrar_id = '001234569'").get() as { id: number }).id;
    const report = await importRoster(course, banner());
    expect(report.rows.find((r) => r.registrarId === '001234569')).toMatchObject({
      action: 'updated',
      status: 'withdrawn',
      changes: expect.arrayContaining(['status: enrolled → withdrawn']),
    });
    expect(course.db.prepare('SELECT status FROM student WHERE id = ?').get(id)).toEqual({ status: 'withdrawn' });
    undo(course.db);
    expect(course.db.prepare('SELECT status FROM student WHERE id = ?').get(id)).toEqual({ status: 'enrolled' });
  });

  it('refuses a status it does not know, naming the cell', async () => {
    const course = newCourse(dir);
    const before = fingerprint(course);
    const r = await refused(() => importRoster(course, bytes('Student ID,Name,Status\n1,"A, B",Waitlisted\n')));
    expect(r.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'C',
        message: "'Waitlisted' is not an enrolment status. Use Registered, Enrolled, Audit, Dropped or Withdrawn, or leave it empty.",
      }),
    ]);
    expect(fingerprint(course)).toBe(before);
  });
});
