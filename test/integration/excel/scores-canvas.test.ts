import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { importCanvas, importRoster, importScores } from '../../../main/backend/excel';
import type { Course } from '../../../main/backend/services/course';
import { fingerprint, fixture, hasSoffice, libreOfficeXlsx, newCourse, refused, tempDir } from './helpers';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const csv = (text: string) => ({ name: 'scores.csv', bytes: new TextEncoder().encode(text) });
const score = (c: Course, registrarId: string, itemName: string) =>
  c.db
    .prepare(
      'SELECT score.value, score.status FROM score JOIN student s ON s.id = student_id JOIN item i ON i.id = item_id WHERE s.registrar_id = ? AND i.name = ?',
    )
    .get(registrarId, itemName) as { value: number | null; status: string | null } | undefined;

async function classCourse(): Promise<Course> {
  const course = newCourse(dir);
  await importRoster(course, fixture('class-list.csv'));
  const cat = (course.db.prepare("SELECT id FROM category WHERE name = 'Homeworks'").get() as { id: number }).id;
  course.db
    .prepare(
      "INSERT INTO item (category_id, name, points_possible, position, created_at) VALUES (?, 'Homework 1', 10, 1, 'x'), (?, 'Homework 2', 10, 2, 'x')",
    )
    .run(cat, cat);
  return course;
}

describe('scores import', () => {
  it('matches students by ID and columns by item name; maps EX and MI; blanks leave scores alone', async () => {
    const course = await classCourse();
    await importScores(course, csv('Student ID,Homework 1,Homework 2\n001234567,9.5,EX\n002345678," 7 ",MI\n'));
    expect(score(course, '001234567', 'Homework 1')).toEqual({ value: 9.5, status: null });
    expect(score(course, '001234567', 'Homework 2')).toEqual({ value: null, status: 'excused' });
    expect(score(course, '002345678', 'Homework 1')).toEqual({ value: 7, status: null });
    expect(score(course, '002345678', 'Homework 2')).toEqual({ value: null, status: 'missing' });
    const report = await importScores(course, csv('Student ID,Homework 1,Homework 2\n001234567,,8\n'));
    expect(report.counts).toMatchObject({ set: 1, cleared: 0 });
    expect(score(course, '001234567', 'Homework 1')).toEqual({ value: 9.5, status: null });
    await importScores(course, csv('Student ID,Homework 1\n001234567,\n'), { blankClears: true });
    expect(score(course, '001234567', 'Homework 1')).toEqual({ value: null, status: null });
  });

  it('matches by email and creates an item for a mapped column', async () => {
    const course = await classCourse();
    const cat = (course.db.prepare("SELECT id FROM category WHERE name = 'Homeworks'").get() as { id: number }).id;
    const report = await importScores(course, csv('Email,Quiz\nJ.Nunez@northeastern.example,4\n'), {
      matchBy: 'email',
      columns: [{ column: 1, create: { name: 'Quiz 1', categoryId: cat, pointsPossible: 5 } }],
    });
    expect(report.columns[1]).toMatchObject({ action: 'create', itemName: 'Quiz 1' });
    expect(score(course, '001234567', 'Quiz 1')).toEqual({ value: 4, status: null });
  });

  it('lists unknown students, unmatched columns, non-numeric and far-too-high scores, and writes nothing', async () => {
    const course = await classCourse();
    const before = fingerprint(course);
    const result = await refused(() =>
      importScores(course, csv('Student ID,Homework 1,Bonus\n001234567,ten,1\n999,5,1\n002345678,95,1\n')),
    );
    expect(result.problems.map((p) => `${p.row}${p.column}: ${p.message}`)).toEqual([
      "2B: 'ten' is not a score. Enter a number, EX (excused) or MI (missing), or leave it empty.",
      '3A: No student in the course has ID 999. Add the student first, or choose to skip unknown students.',
      '4B: 95 is far outside 0–10 points possible. Check for a typo.',
    ]);
    expect(fingerprint(course)).toBe(before);
    const preview = await importScores(course, csv('Student ID,Homework 1,Bonus\n999,5,1\n'), { dryRun: true, skipUnknownStudents: true });
    expect(preview.unmatchedRows).toEqual([{ row: 2, key: '999' }]);
    expect(preview.columns.map((c) => c.action)).toEqual(['key', 'matched', 'unmatched']);
  });
  it('refuses two columns for the same item (by name and by "Name (id)", or mapped twice), naming both', async () => {
    const course = await classCourse();
    const before = fingerprint(course);
    const file = csv('Student ID,Homework 1,Homework 1 (123)\n001234567,9,4\n');
    const result = await refused(() => importScores(course, file));
    expect(result.problems).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'C',
        message: "Columns B ('Homework 1') and C ('Homework 1 (123)') both hold scores for 'Homework 1'. Map only one of them to it.",
      }),
    ]);
    const hw2 = (course.db.prepare("SELECT id FROM item WHERE name = 'Homework 2'").get() as { id: number }).id;
    const mapped = await refused(() =>
      importScores(course, file, {
        columns: [
          { column: 1, itemId: hw2 },
          { column: 2, itemId: hw2 },
        ],
      }),
    );
    expect(mapped.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Columns B .* and C .* both hold scores for 'Homework 2'/),
    ]);
    expect(fingerprint(course)).toBe(before);
  });
});

describe('Canvas gradebook import', () => {
  it.each(['canvas-gradebook-export.csv', 'canvas-gradebook-export-semicolon.csv'])(
    'imports %s: roster, assignments and scores',
    async (name) => {
      const course = await classCourse();
      // "=Smith, John" has no SIS ID and a login that is no email on file: it may be John Smith.
      const report = await importCanvas(course, fixture(name), { decisions: [{ row: 8, studentId: null }] });
      expect(report.uncertain).toEqual([expect.objectContaining({ row: 8, registrarId: '005678901', decision: 'create' })]);
      expect(report.students).toEqual({ new: 1, updated: 0, unchanged: 4, skipped: ['Student, Test'] });
      expect(report.items.map((i) => [i.name, i.pointsPossible, i.action])).toEqual([
        ['Homework 1', 10, 'matched'],
        ['Homework 2', 10, 'matched'],
        ['Reading Summary 1', 5, 'create'],
        ['Project: Scoping', 100, 'create'],
      ]);
      expect(score(course, '001234567', 'Homework 1')).toEqual({ value: 9.5, status: null });
      expect(score(course, '001234567', 'Homework 2')).toEqual({ value: null, status: 'excused' });
      expect(score(course, '002345678', 'Homework 2')).toEqual({ value: 7.25, status: null });
      expect(score(course, '002345678', 'Reading Summary 1')).toBeUndefined(); // blank: untouched
      expect(score(course, '003456789', 'Project: Scoping')).toBeUndefined(); // N/A: not assigned
      expect(report.scores.notAssigned).toBe(1);
      // Added as new, as the instructor chose: a student with the Canvas id, name kept literally.
      expect(course.db.prepare("SELECT last_name FROM student WHERE registrar_id = 'canvas-5505'").get()).toEqual({ last_name: '=Smith' });
      expect(course.db.prepare("SELECT count(*) AS n FROM student WHERE last_name = 'Student'").get()).toEqual({ n: 0 });
      const again = await importCanvas(course, fixture(name), { decisions: [{ row: 8, studentId: null }] });
      expect(again.students.new).toBe(0);
      expect(again.scores.set).toBe(0);
      expect(again.items.every((i) => i.action === 'matched')).toBe(true);
    },
  );

  it('a row without SIS ID whose name is a student on file: shown as uncertain, never a silent duplicate', async () => {
    const course = await classCourse();
    const before = fingerprint(course);
    const john = (course.db.prepare("SELECT id FROM student WHERE registrar_id = '005678901'").get() as { id: number }).id;
    const preview = await importCanvas(course, fixture('canvas-gradebook-export.csv'), { dryRun: true });
    expect(preview.uncertain).toEqual([
      {
        row: 8,
        name: '=Smith, John',
        login: 'jsmith',
        studentId: john,
        studentName: 'Smith, John',
        registrarId: '005678901',
        email: 'j.smith@northeastern.example',
        decision: null,
      },
    ]);
    expect(preview.students.new).toBe(0); // counted once answered
    expect(preview.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      '=Smith, John has no SIS User ID and may be John Smith (005678901). Confirm that it is, or add a new student.',
    ]);
    await refused(() => importCanvas(course, fixture('canvas-gradebook-export.csv')));
    expect(fingerprint(course)).toBe(before);

    const confirmed = await importCanvas(course, fixture('canvas-gradebook-export.csv'), { decisions: [{ row: 8, studentId: john }] });
    expect(confirmed.students).toEqual({ new: 0, updated: 0, unchanged: 5, skipped: ['Student, Test'] });
    expect(score(course, '005678901', 'Homework 2')).toEqual({ value: 9, status: null });
    expect(course.db.prepare("SELECT count(*) AS n FROM student WHERE registrar_id LIKE 'canvas-%'").get()).toEqual({ n: 0 });
  });

  it('gives each new assignment column its own category, guessed from its title, and the instructor can change each', async () => {
    const course = await classCourse();
    const cat = (name: string) => (course.db.prepare('SELECT id FROM category WHERE name = ?').get(name) as { id: number }).id;
    const decisions = [{ row: 8, studentId: null }];
    const preview = await importCanvas(course, fixture('canvas-gradebook-export.csv'), { dryRun: true, decisions });
    expect(preview.items.map((i) => [i.name, i.categoryId])).toEqual([
      ['Homework 1', cat('Homeworks')],
      ['Homework 2', cat('Homeworks')],
      ['Reading Summary 1', cat('Reading assignments')],
      ['Project: Scoping', cat('Final project')],
    ]);
    await importCanvas(course, fixture('canvas-gradebook-export.csv'), {
      decisions,
      categories: [{ canvasId: '1003', categoryId: cat('Homeworks') }],
    });
    const placed = course.db.prepare("SELECT name, category_id AS c FROM item WHERE external_id IN ('1003', '1004') ORDER BY name").all();
    expect(placed).toEqual([
      { name: 'Project: Scoping', c: cat('Final project') },
      { name: 'Reading Summary 1', c: cat('Homeworks') },
    ]);
  });

  it.skipIf(!hasSoffice)('imports the Canvas CSV after LibreOffice turned it into an xlsx', async () => {
    const course = await classCourse();
    const xlsx = libreOfficeXlsx(fixture('canvas-gradebook-export.csv').bytes, dir, 4);
    const report = await importCanvas(course, { name: 'canvas.xlsx', bytes: xlsx }, { decisions: [{ row: 8, studentId: null }] });
    expect(report.students.unchanged).toBe(4);
    expect(score(course, '002345678', 'Homework 2')).toEqual({ value: 7.25, status: null });
  });

  it('checks scores on a 0-point assignment like the scores import does (a typo far above 100 is refused)', async () => {
    const course = await classCourse();
    const before = fingerprint(course);
    const text = [
      'Student,ID,SIS User ID,SIS Login ID,Section,Bonus (2001),Homework 1 (1001)',
      '    Points Possible,,,,,0.00,10.00',
      '"Núñez, José",5501,001234567,jnunez,S1,500,-1',
      '"O\'Brien, Siobhán",5502,002345678,sobrien,S1,5,9',
    ].join('\n');
    const result = await refused(() => importCanvas(course, { name: 'canvas.csv', bytes: new TextEncoder().encode(text) }));
    expect(result.problems.map((p) => `${p.row}${p.column}: ${p.message}`)).toEqual([
      "3F: 500 is far outside 0–0 points possible for 'Bonus'. Check for a typo.",
      "3G: -1 is far outside 0–10 points possible for 'Homework 1'. Check for a typo.",
    ]);
    expect(fingerprint(course)).toBe(before);
  });

  it('refuses a file that is not a Canvas export, without changes', async () => {
    const course = await classCourse();
    const before = fingerprint(course);
    expect((await refused(() => importCanvas(course, fixture('class-list.csv')))).message).toMatch(/not a Canvas gradebook export/);
    expect(fingerprint(course)).toBe(before);
  });
});
