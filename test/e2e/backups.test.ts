import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCourse } from '../../main/backend/db/backup';
import { closeCourse, countCourse, createCourse, openCourse } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { addStudent } from '../../main/backend/services/roster';
import { startApp, type Harness } from './harness';

const studentsIn = (file: string) => {
  const c = openCourse(file);
  try {
    return countCourse(c.db).students;
  } finally {
    closeCourse(c);
  }
};

describe('backups in Chromium', () => {
  let app: Harness;
  let file = '';

  beforeAll(async () => {
    app = await startApp((ws) => {
      const course = ws.course!;
      file = course.file;
      loadDemoClass(course);
      backupCourse(course.db, course.file, 'before-import');
      addStudent(course.db, { registrarId: '999000111', firstName: 'Late', lastName: 'Addition' });
    });
  });
  afterAll(async () => app?.close());

  it('restores a backup from the top bar as a new course, showing what differs first', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Restore from backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    const choice = dialog.getByRole('radio', { name: /Before an import .* 40 students/ });
    await choice.waitFor();
    // Keyboard: the first backup takes focus; arrows and Space choose.
    await choice.focus();
    await page.keyboard.press('Space');
    await dialog.getByText('Since the backup: 1 student added.').waitFor();
    await dialog.getByText(/The backup holds 40 students, .*; the course now holds 41 students/).waitFor();
    const name = dialog.getByRole('textbox', { name: 'New course file' });
    expect(await name.inputValue()).toMatch(/^IE 7374 Machine Learning Operations restored \d{4}-\d\d-\d\d \d\d\.\d\d$/);
    await name.fill('Restored course');
    await app.screenshot('restore-dialog');
    await name.press('Enter');

    await page
      .getByRole('status')
      .filter({ hasText: /Restored the backup of .* as .*Restored course\.gradebook, now open/ })
      .waitFor();
    expect(await dialog.count()).toBe(0);
    const restored = path.join(app.dataDir, 'Restored course.gradebook');
    await expect.poll(() => app.workspace.course?.file).toBe(restored);
    await page.locator('.course-title .file', { hasText: 'Restored course.gradebook' }).waitFor();
    expect(await page.getByText('Addition, Late').count()).toBe(0);
    expect(studentsIn(restored)).toBe(40);
    // The course it was restored from is as it was.
    app.workspace.open(file);
    expect(countCourse(app.workspace.course!.db).students).toBe(41);
  });

  it('shows a refusal in the dialog, and restores over the open course only after confirming', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('button', { name: 'Restore from backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.getByRole('radio', { name: /Before an import/ }).check();
    await dialog.getByRole('textbox', { name: 'New course file' }).fill('Restored course');
    await dialog.getByRole('button', { name: 'Restore as a new course' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /Restoring the backup failed: .*already exists/ })
      .waitFor();

    await dialog.getByRole('button', { name: 'Restore over the open course…' }).click();
    const confirm = dialog.getByRole('group', { name: 'Confirm restoring over the open course' });
    await confirm.getByText(/current state is backed up first/).waitFor();
    await confirm.getByRole('button', { name: 'Replace the open course' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /over the course; its state before the restore was backed up first/ })
      .waitFor();
    expect(app.workspace.course?.file).toBe(file);
    expect(countCourse(app.workspace.course!.db).students).toBe(40);
  });

  it('asks before a saved copy replaces another course, and keeps a backup of it', async () => {
    const { page } = app;
    const other = path.join(app.dataDir, 'Other.gradebook');
    const c = createCourse(other, 'blank', 'Other');
    addStudent(c.db, { registrarId: '1', firstName: 'Only', lastName: 'One' });
    closeCourse(c);
    await page.getByRole('button', { name: 'Open or create course…' }).click();
    const picker = page.getByRole('dialog', { name: 'Open or create a course' });
    await picker.getByRole('textbox', { name: "Copy's file name or path" }).fill('Other');
    await picker.getByRole('button', { name: 'Save a copy' }).click();
    const ask = page.getByRole('dialog', { name: 'Replace another course?' });
    await ask.getByText(/Other\.gradebook already holds another course/).waitFor();
    await app.screenshot('replace-course');
    await ask.getByRole('button', { name: 'Keep it (choose another name)' }).click();
    expect(studentsIn(other)).toBe(1);

    await picker.getByRole('button', { name: 'Save a copy' }).click();
    await ask.getByRole('button', { name: 'Replace it' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Saved a copy as .*Other\.gradebook\. The course it replaced was backed up first/ })
      .waitFor();
    expect(studentsIn(other)).toBe(40);
    const backups = fs.readdirSync(path.join(app.dataDir, '.gradebook-backups', 'Other'));
    expect(backups.filter((n) => n.endsWith('before-overwrite.gradebook'))).toHaveLength(1);
  });
});
