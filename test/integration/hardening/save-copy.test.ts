import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir } from '../../../main/backend/db/backup';
import { closeCourse, countCourse, createCourse, openCourse } from '../../../main/backend/services/course';
import { newCourse } from '../workspace/helpers';

/** Another course with one student, closed, at `file`. */
function otherCourse(file: string): void {
  const other = createCourse(file, 'blank', 'Other course');
  other.db
    .prepare("INSERT INTO student (registrar_id, first_name, last_name, created_at) VALUES ('900', 'Grace', 'Hopper', '2026-09-01')")
    .run();
  closeCourse(other);
}

const studentsIn = (file: string) => {
  const c = openCourse(file);
  try {
    return countCourse(c.db).students;
  } finally {
    closeCourse(c);
  }
};

describe('Save a copy onto an existing course', () => {
  it('refuses without overwrite and keeps the other course whole', async () => {
    const c = newCourse('blank');
    const target = path.join(c.dataDir, 'other.gradebook');
    otherCourse(target);
    const before = fs.readFileSync(target);
    const err = await c.fail('course.saveCopy', { file: target });
    expect(err).toMatchObject({
      code: 'conflict',
      details: { exists: true },
      message: expect.stringMatching(/already exists.*another course/),
    });
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(studentsIn(target)).toBe(1);
    expect(fs.existsSync(backupDir(target))).toBe(false);
  });

  it('with overwrite replaces it after a consistent backup of the old file', async () => {
    const c = newCourse('blank');
    const target = path.join(c.dataDir, 'other.gradebook');
    otherCourse(target);
    const { replacedBackup } = await c.call('course.saveCopy', { file: target, overwrite: true });
    expect(replacedBackup).toMatch(/before-overwrite\.gradebook$/);
    expect(path.dirname(replacedBackup!)).toBe(backupDir(target));
    expect(studentsIn(replacedBackup!)).toBe(1);
    expect(studentsIn(target)).toBe(0);
  });

  it('never replaces a file that is not a course, even with overwrite', async () => {
    const c = newCourse('blank');
    const target = path.join(c.dataDir, 'notes.gradebook');
    fs.writeFileSync(target, 'my notes');
    const err = await c.fail('course.saveCopy', { file: target, overwrite: true });
    expect(err).toMatchObject({ code: 'conflict', message: expect.stringMatching(/not a course file/) });
    expect(fs.readFileSync(target, 'utf8')).toBe('my notes');
  });
});

describe('paths no file system takes', () => {
  const long = 'x'.repeat(300);

  it.each([
    ['course.saveCopy', { file: 'bad\0name' }, /file: the path contains a NUL/],
    ['course.saveCopy', { file: long }, /file: a file or folder name is longer than 250 bytes/],
    ['course.create', { file: long, preset: 'blank' }, /file: a file or folder name is longer than 250 bytes/],
    ['course.create', { file: 'ok', preset: 'blank', name: long }, /name: /],
    ['course.open', { file: `/tmp/${long}.gradebook` }, /file: a file or folder name/],
  ])('%s %j answers invalid_input naming the field', async (method, input, message) => {
    const c = newCourse('blank');
    const before = c.fileBytes();
    const err = await c.fail(method, input);
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(message);
    expect(c.fileBytes().equals(before)).toBe(true);
    expect(fs.readdirSync(c.dataDir).filter((f) => f.startsWith('x'))).toEqual([]);
  });

  it('a name just under the limit still works', async () => {
    const c = newCourse('blank');
    const name = 'y'.repeat(250 - '.gradebook'.length);
    expect((await c.call('course.saveCopy', { file: name })).file).toBe(path.join(c.dataDir, `${name}.gradebook`));
  });

  it.each(['course.open', 'course.saveCopy'])('%s on a folder named x.gradebook answers invalid_input naming the field', async (method) => {
    const c = newCourse('blank');
    const folder = path.join(c.dataDir, 'x.gradebook');
    fs.mkdirSync(folder);
    const err = await c.fail(method, { file: folder, ...(method === 'course.saveCopy' ? { overwrite: true } : {}) });
    expect(err).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^file: .*is a folder/) });
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    expect(c.workspace.course?.file).toBe(c.file);
  });
});
