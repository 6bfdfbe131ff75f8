import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { exportWorkbook, importWorkbook } from '../../../main/backend/excel';
import { change } from '../../../main/backend/changes/tracker';
import { undo } from '../../../main/backend/changes/undo';
import { readSnapshot, type Course } from '../../../main/backend/services/course';
import { addStudent } from '../../../main/backend/services/roster';
import { demoCourse, fingerprint, tempDir } from './helpers';

/** A course's own full workbook imported back into it: only what differs is written. */
const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const AS_OF = new Date('2026-12-20T12:00:00Z');

const count = (c: Course, sql: string, ...params: unknown[]) => (c.db.prepare(sql).get(...params) as { n: number }).n;
const latestBatch = (c: Course) => count(c, 'SELECT coalesce(max(id), 0) AS n FROM change_batch');
/** The audit rows of the course's latest change, by table. */
const latestAudit = (c: Course) =>
  Object.fromEntries(
    (
      c.db.prepare('SELECT entity, count(*) AS n FROM audit WHERE batch_id = (SELECT max(id) FROM change_batch) GROUP BY entity').all() as {
        entity: string;
        n: number;
      }[]
    ).map((r) => [r.entity, r.n]),
  );

describe('a full workbook imported back into its own course', () => {
  it('writes nothing when nothing was edited: no undo step, no audit rows, the course as it was', async () => {
    const course = demoCourse(dir);
    const before = fingerprint(course);
    const batches = latestBatch(course);
    const file = await exportWorkbook(course, AS_OF);

    const report = await importWorkbook(course, file);

    expect(report.applied).toBe(false);
    expect(report.backup).toBeTruthy();
    expect(latestBatch(course)).toBe(batches);
    expect(fingerprint(course)).toBe(before);
  });

  it('writes only the score typed over on the Grades sheet, as one undo step that undo reverts', async () => {
    const course = demoCourse(dir);
    const snapshot = readSnapshot(course.db);
    const hw1 = snapshot.items.find((i) => i.name === 'Homework 1')!;
    const first = snapshot.students[0]!;
    const file = await exportWorkbook(course, AS_OF);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as never);
    const grades = wb.getWorksheet('Grades')!;
    const header = Array.from(grades.getRow(4).values as unknown[], (v) => String(v ?? ''));
    grades.getRow(5).getCell(header.findIndex((h) => h.startsWith('Homework 1,'))).value = 1.5;
    const report = await importWorkbook(course, { name: file.name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });

    expect(report.applied).toBe(true);
    expect(latestAudit(course)).toEqual({ score: 1 });
    const score = () => readSnapshot(course.db).scores.find((s) => s.studentId === first.id && s.itemId === hw1.id);
    expect(score()).toMatchObject({ value: 1.5 });
    expect(undo(course.db)).toMatch(/^Import workbook/);
    expect(score()).toEqual(snapshot.scores.find((s) => s.studentId === first.id && s.itemId === hw1.id));
  });

  it('removes what the course gained since the export, children first, and undo brings it back', async () => {
    const course = demoCourse(dir);
    const file = await exportWorkbook(course, AS_OF);
    const exported = readSnapshot(course.db);
    const added = addStudent(course.db, { registrarId: '999000111', firstName: 'Late', lastName: 'Joiner' });
    const item = exported.items[0]!;
    change(course.db, 'a score for the new student', (cs) =>
      cs.put('score', { student_id: added.id, item_id: item.id }, { value: 4, updated_at: AS_OF.toISOString() }),
    );
    const grown = readSnapshot(course.db);

    await importWorkbook(course, file);

    expect(readSnapshot(course.db)).toEqual(exported);
    expect(latestAudit(course)).toEqual({ score: 1, student: 1 });
    undo(course.db);
    expect(readSnapshot(course.db)).toEqual(grown);
  });

  it('replaces the course whole when a unique value moved between rows since the export', async () => {
    const course = demoCourse(dir);
    const file = await exportWorkbook(course, AS_OF);
    const exported = readSnapshot(course.db);
    const [a, b] = exported.students;
    // Swap two registrar ids: writing the workbook's rows in place would collide on the first.
    change(course.db, 'swap registrar ids', (cs) => {
      cs.put('student', { id: a!.id }, { registrar_id: 'swap' });
      cs.put('student', { id: b!.id }, { registrar_id: a!.registrarId });
      cs.put('student', { id: a!.id }, { registrar_id: b!.registrarId });
    });

    const report = await importWorkbook(course, file);

    expect(report.applied).toBe(true);
    expect(readSnapshot(course.db)).toEqual(exported);
    // Replaced whole: every score was rewritten, as before differences were written.
    expect(latestAudit(course).score).toBe(2 * exported.scores.length);
  });
});
