import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Harness } from './harness';

const FIXTURES = path.resolve('test/fixtures');

describe('Canvas import: an uncertain match is the instructor’s to confirm', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => app?.close());

  it('asks who a row without SIS ID is, waits for the answer, and imports no duplicate', async () => {
    const { page } = app;
    const openWizard = async () => {
      await page.getByRole('button', { name: 'Import…' }).click();
      return page.getByRole('dialog', { name: 'Import from Excel or CSV' });
    };
    let dialog = await openWizard();
    await dialog.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'class-list.csv'));
    await dialog.getByRole('button', { name: /^Import \(8 new students/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Imported class-list.csv/);

    dialog = await openWizard();
    await dialog.getByLabel('What is in the file').selectOption('canvas');
    await dialog.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'canvas-gradebook-export.csv'));
    const confirm = dialog.getByRole('table', { name: 'Students to confirm' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('1 row has no SIS ID and a name like a student on file');
    expect(await confirm.textContent()).toContain('Smith, John (005678901, j.smith@northeastern.example)');
    expect(await dialog.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    // Each new assignment has its own category, guessed from its title.
    const assignments = dialog.getByRole('table', { name: 'New assignments' });
    expect(
      await assignments.getByRole('combobox', { name: 'Category for Reading Summary 1' }).locator('option:checked').textContent(),
    ).toBe('Reading assignments');
    expect(await assignments.getByRole('combobox', { name: 'Category for Project: Scoping' }).locator('option:checked').textContent()).toBe(
      'Final project',
    );
    await app.screenshot('canvas-uncertain-match');

    await confirm.getByRole('combobox', { name: 'Who row 8 is' }).selectOption('match');
    const importButton = dialog.getByRole('button', { name: /^Import \(0 new students/ });
    await expect.poll(() => importButton.isEnabled()).toBe(true);
    await importButton.click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Imported canvas-gradebook-export.csv/);
    const count = app.workspace.course!.db.prepare('SELECT count(*) AS n FROM student').get() as { n: number };
    expect(count.n).toBe(8);
  });
});
