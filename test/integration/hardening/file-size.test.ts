import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { change } from '../../../main/backend/changes/tracker';
import { backupCourse, backupDir, listBackupFiles } from '../../../main/backend/db/backup';
import { closeCourse, createCourse, openCourse, type Course } from '../../../main/backend/services/course';
import { importScores } from '../../../main/backend/excel';
import { undo } from '../../../main/backend/changes/undo';
import { tmpDir } from '../../helpers/tmp';

const STUDENTS = 300;
const ITEMS = 30;

/** A course of students and items without scores, and a scores CSV that fills every cell. */
function emptyCourse(file: string): { course: Course; csv: Uint8Array } {
  const course = createCourse(file, 'blank');
  const now = new Date().toISOString();
  change(course.db, 'generated', (cs) => {
    const category = (course.db.prepare("SELECT id FROM category WHERE kind = 'items'").get() as { id: number }).id;
    for (let i = 1; i <= ITEMS; i++)
      cs.insert('item', { category_id: category, name: `HW ${i}`, points_possible: 10, position: i, created_at: now });
    for (let s = 0; s < STUDENTS; s++)
      cs.insert('student', { registrar_id: `S${s}`, first_name: 'F', last_name: `L${s}`, created_at: now });
  });
  const rows = [['Student ID', ...Array.from({ length: ITEMS }, (_, i) => `HW ${i + 1}`)].join(',')];
  for (let s = 0; s < STUDENTS; s++) rows.push([`S${s}`, ...Array.from({ length: ITEMS }, (_, i) => String((s + i) % 11))].join(','));
  return { course, csv: new TextEncoder().encode(rows.join('\n')) };
}

const pragma = (c: Course, name: string) => c.db.pragma(name, { simple: true }) as number;
const auditRows = (c: Course) => c.db.prepare('SELECT * FROM audit ORDER BY id').all();

describe('the course file does not bloat', () => {
  it('stays compact over import and undo cycles, with the whole audit trail kept', async () => {
    const file = path.join(tmpDir(), 'cycles.gradebook');
    const made = emptyCourse(file);
    const csv = made.csv;
    let course = made.course;
    const pages: number[] = [pragma(course, 'page_count')];
    for (let cycle = 0; cycle < 4; cycle++) {
      await importScores(course, { name: 'scores.csv', bytes: csv });
      expect(undo(course.db)).toMatch(/^Import scores/);
      const audit = auditRows(course);
      closeCourse(course);
      course = openCourse(file);
      expect(pragma(course, 'freelist_count')).toBeLessThanOrEqual(pragma(course, 'page_count') * 0.25);
      pages.push(pragma(course, 'page_count'));
      expect(auditRows(course)).toEqual(audit);
    }
    // Each cycle adds its audit rows and nothing more: the growth per cycle does not grow.
    const growth = pages.slice(1).map((p, i) => p - pages[i]!);
    for (const g of growth.slice(1)) expect(g).toBeLessThanOrEqual(growth[0]! * 1.2);
    expect(fs.statSync(file).size).toBe(pragma(course, 'page_count') * pragma(course, 'page_size'));
    closeCourse(course);
  }, 60_000);

  it('gives free pages back on close when they are a large share of the file', () => {
    const file = path.join(tmpDir(), 'sparse.gradebook');
    const { course } = emptyCourse(file);
    const audit = auditRows(course);
    // Free pages as a large deletion leaves them.
    course.db.exec(
      'CREATE TABLE scratch (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO scratch SELECT randomblob(4000) FROM n; DROP TABLE scratch',
    );
    expect(pragma(course, 'freelist_count')).toBeGreaterThan(pragma(course, 'page_count') * 0.5);
    closeCourse(course);
    const again = openCourse(file);
    expect(pragma(again, 'freelist_count')).toBe(0);
    expect(fs.statSync(file).size).toBeLessThan(2000 * 4000 * 0.5);
    expect(auditRows(again)).toEqual(audit);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    closeCourse(again);
  });
});

describe('backups', () => {
  it('are capped by total size as well as count, newest kept, and what was pruned is logged', () => {
    const file = path.join(tmpDir(), 'capped.gradebook');
    const { course } = emptyCourse(file);
    const size = fs.statSync(backupCourse(course.db, file, 'before-migration-v1')).size;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const made: string[] = [];
    for (let i = 0; i < 6; i++) made.push(backupCourse(course.db, file, 'before-import', { perReason: 20, totalBytes: size * 3.5 }));
    const kept = listBackupFiles(file);
    expect(kept.map((b) => b.file)).toEqual(made.slice(-3).reverse());
    expect(kept.reduce((s, b) => s + b.size, 0)).toBeLessThanOrEqual(size * 3.5);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/backups of .*capped\.gradebook: removed 1 .*before-migration-v1/));
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toContain(path.basename(made[0]!));
    warn.mockRestore();
    expect(fs.readdirSync(backupDir(file))).toHaveLength(3);
    closeCourse(course);
  });
});
