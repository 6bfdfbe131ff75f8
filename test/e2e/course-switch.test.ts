import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { createItem } from '../../main/backend/services/items';
import { addStudent } from '../../main/backend/services/roster';
import { startApp, type Harness } from './harness';

/** Grid rows: a group header row and the column header row come before the first student. */
const HEADER_ROWS = 2;

describe('switching courses in Chromium', () => {
  let app: Harness;
  let first = '';
  let second = '';

  beforeAll(async () => {
    app = await startApp((ws) => {
      // Course A: the demo class. Course B: two other students. Both number their students from 1,
      // so an edit built on A's grid would land on B's students without an error.
      first = ws.course!.file;
      loadDemoClass(ws.course!);
      const b = ws.create('second-course', 'ie7374');
      second = b.file;
      addStudent(b.db, { registrarId: '900000001', firstName: 'Zed', lastName: 'Beta' });
      addStudent(b.db, { registrarId: '900000002', firstName: 'Yara', lastName: 'Beta' });
      const quizzes = readSnapshot(b.db).categories.find((c) => c.kind === 'items')!;
      createItem(b.db, { categoryId: quizzes.id, name: 'Quiz B', pointsPossible: 10 });
      ws.open(first);
    });
  });
  afterAll(async () => app?.close());

  it('shows only the new course once the picker opens it, and an edit lands in that course', async () => {
    const { page } = app;
    const grid = page.getByRole('grid', { name: 'Scores' });
    const names = () => grid.locator(`[role=row] > [aria-colindex="1"]`).allTextContents();
    await grid.locator(`[role=row][aria-rowindex="${HEADER_ROWS + 5}"]`).waitFor();
    const demo = (await names()).slice(1).filter(Boolean);
    expect(demo.length).toBeGreaterThan(3);

    // Hold the new course's snapshot back: the window in which the old course's data used to show.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/rpc/course.snapshot', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Open or create course…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'second-course', exact: true }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('IE 7374 Machine Learning Operations');
    await expect.poll(() => app.workspace.course?.file).toBe(second);
    await page.getByRole('status').filter({ hasText: 'Loading the course' }).waitFor({ timeout: 5000 });
    expect(await grid.count()).toBe(0);
    expect(await page.getByText(demo[0]!, { exact: true }).count()).toBe(0);
    await app.screenshot('course-switch-loading');

    release();
    await grid.locator(`[role=row][aria-rowindex="${HEADER_ROWS + 2}"]`).waitFor();
    const shown = (await names()).slice(1).filter(Boolean);
    expect(shown.sort()).toEqual(['Beta, Yara', 'Beta, Zed']);

    // Type a score in the first student's Quiz B cell: the backend has it on that student of course B.
    const row0 = grid.locator(`[role=row][aria-rowindex="${HEADER_ROWS + 1}"]`);
    const student = ((await row0.locator('[aria-colindex="1"]').textContent()) ?? '').trim();
    await row0.locator('[aria-colindex="3"]').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    const savedInB = () => {
      const s = readSnapshot(app.workspace.course!.db);
      const st = s.students.find((x) => `${x.lastName}, ${x.firstName}` === student)!;
      return s.scores.map((x) => ({ who: x.studentId === st.id, item: s.items.find((i) => i.id === x.itemId)?.name, value: x.value }));
    };
    await expect.poll(savedInB).toEqual([{ who: true, item: 'Quiz B', value: 7 }]);
    expect(app.workspace.course!.file).toBe(second);
    await app.screenshot('course-switch-edited');
  });
});
