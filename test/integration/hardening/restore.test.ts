import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir } from '../../../main/backend/db/backup';
import { closeCourse, countCourse, openCourse } from '../../../main/backend/services/course';
import { sha256, tmpDir } from '../../helpers/tmp';
import { count, db, newCourse, type TestCourse } from '../workspace/helpers';

const csv = (text: string) => ({ name: 'scores.csv', data: Buffer.from(text).toString('base64') });

/** The demo course, then an import of one score (which takes a backup first) and a student added after it. */
async function courseWithHistory(): Promise<{ c: TestCourse; registrarId: string; before: number }> {
  const c = newCourse('ie7374', { demo: true });
  const { registrar_id: registrarId, value } = db(c)
    .prepare(
      "SELECT s.registrar_id, sc.value FROM score sc JOIN student s ON s.id = sc.student_id JOIN item i ON i.id = sc.item_id WHERE i.name = 'Homework 1' AND sc.value IS NOT NULL",
    )
    .get() as { registrar_id: string; value: number };
  const report = await c.call('excel.importScores', { file: csv(`Student ID,Homework 1\n${registrarId},${value === 7 ? 8 : 7}\n`) });
  expect(report.applied).toBe(true);
  await c.call('student.add', { registrarId: '999000111', firstName: 'New', lastName: 'Student' });
  return { c, registrarId, before: value };
}

const homework1 = (c: TestCourse, registrarId: string) =>
  (
    db(c)
      .prepare(
        "SELECT sc.value FROM score sc JOIN student s ON s.id = sc.student_id JOIN item i ON i.id = sc.item_id WHERE i.name = 'Homework 1' AND s.registrar_id = ?",
      )
      .get(registrarId) as { value: number }
  ).value;

describe('restore from backup, through the API', () => {
  it('lists the backups with time, reason, size and counts, and tells what differs from now', async () => {
    const { c } = await courseWithHistory();
    const list = await c.call('backup.list', {});
    const imported = list.find((b) => b.reason === 'before-import')!;
    expect(imported).toMatchObject({ students: 40, problem: null });
    expect(imported.scores).toBeGreaterThan(0);
    expect(imported.size).toBe(fs.statSync(path.join(backupDir(c.file), imported.name)).size);
    expect(Date.parse(imported.at)).toBeLessThanOrEqual(Date.now());
    const diff = await c.call('backup.diff', { backup: imported.name });
    expect(diff.backup.students).toBe(40);
    expect(diff.now.students).toBe(41);
    expect(diff.students).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(diff.scores).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(diff.items).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('restores as a new course file, leaving the open course as it is', async () => {
    const { c, registrarId, before } = await courseWithHistory();
    const backup = (await c.call('backup.list', {})).find((b) => b.reason === 'before-import')!.name;
    c.workspace.course!.db.pragma('wal_checkpoint(TRUNCATE)');
    const original = c.fileBytes();
    const { course, backupOfCurrent } = await c.call('backup.restore', { backup, file: 'restored' });
    expect(backupOfCurrent).toBeNull();
    expect(course.file).toBe(path.join(c.dataDir, 'restored.gradebook'));
    expect(c.workspace.course!.file).toBe(course.file);
    expect(course.counts.students).toBe(40);
    expect(homework1(c, registrarId)).toBe(before);
    expect(fs.readFileSync(c.file).equals(original.subarray(0, fs.statSync(c.file).size))).toBe(true);
    const old = openCourse(c.file);
    expect(countCourse(old.db).students).toBe(41);
    closeCourse(old);
    // The restored course keeps its own history: the import is in it no more, the demo is.
    expect(count(c, "SELECT * FROM change_batch WHERE label LIKE 'Import scores%'")).toBe(0);
  });

  it('refuses an existing file, a path for a name and an unknown backup, changing nothing', async () => {
    const { c } = await courseWithHistory();
    const backup = (await c.call('backup.list', {}))[0]!.name;
    const other = path.join(c.dataDir, 'other.gradebook');
    fs.writeFileSync(other, 'keep me');
    expect(await c.fail('backup.restore', { backup, file: other })).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already exists/),
    });
    expect(fs.readFileSync(other, 'utf8')).toBe('keep me');
    expect(await c.fail('backup.diff', { backup: '../../course.gradebook' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/backup: not a backup name/),
    });
    expect(await c.fail('backup.diff', { backup: 'nope.gradebook' })).toMatchObject({ code: 'not_found' });
    expect(await c.fail('backup.restore', { backup, file: 'x', replaceOpen: true })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/file: give either a new course file/),
    });
    expect(await c.fail('backup.restore', { backup })).toMatchObject({ code: 'invalid_input' });
    expect(c.workspace.course!.file).toBe(c.file);
  });

  it('restores over the open course only when asked, after a backup of its current state', async () => {
    const { c, registrarId, before } = await courseWithHistory();
    const backup = (await c.call('backup.list', {})).find((b) => b.reason === 'before-import')!.name;
    const { course, backupOfCurrent } = await c.call('backup.restore', { backup, replaceOpen: true });
    expect(course.file).toBe(c.file);
    expect(course.counts.students).toBe(40);
    expect(homework1(c, registrarId)).toBe(before);
    expect(backupOfCurrent).toMatch(/before-restore\.gradebook$/);
    const saved = openCourse(backupOfCurrent!);
    expect(countCourse(saved.db).students).toBe(41);
    closeCourse(saved);
    expect(db(c).pragma('integrity_check', { simple: true })).toBe('ok');
    // And that backup of the current state is itself listed, to go back to.
    expect((await c.call('backup.list', {})).map((b) => b.reason)).toContain('before-restore');
  });
});

const BIN = path.resolve('main/cli/gradebook.cjs');
const gradebook = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmpDir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('restore from backup, on the command line', () => {
  it('lists backups and restores one as a new file, never over an existing one', async () => {
    const { c } = await courseWithHistory();
    const file = c.file;
    c.workspace.close();
    const list = gradebook('backups', file);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/Before an import\s+[\d.]+ (KB|MB)\s+40 students, \d+ scores\n {2}\S+before-import\.gradebook/);
    expect(list.out).toMatch(/[A-Z][a-z]{2} \d+ [A-Z][a-z]{2}, \d+:\d\d (am|pm) E[SD]T/);
    const backup = list.out
      .split('\n')
      .find((l) => l.trim().endsWith('before-import.gradebook'))!
      .trim();

    const target = path.join(tmpDir(), 'restored.gradebook');
    const restored = gradebook('restore', backup, target);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`as ${target}`);
    expect(gradebook('info', target).out).toContain('Students: 40');

    const hash = sha256(target);
    const again = gradebook('restore', backup, target);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
    expect(sha256(target)).toBe(hash);
    expect(gradebook('restore', backup).code).toBe(2);
    expect(gradebook('backups', path.join(tmpDir(), 'none.gradebook')).code).toBe(1);
  });
});
