import { describe, expect, it } from 'vitest';
import { unpackSnapshot } from '@shared/model';
import { categoryId, count, newCourse } from './helpers';

describe('items', () => {
  it('creates an item at the end, and edits only what the patch names', async () => {
    const c = newCourse('ie7374');
    const hw = categoryId(c, 'Homeworks');
    const item = await c.call('item.create', { categoryId: hw, name: 'Homework 1', pointsPossible: 10, dueDate: '2026-09-15' });
    expect(item).toMatchObject({ name: 'Homework 1', dueDate: '2026-09-15', dueTime: null, teamGraded: false, muted: false });
    expect(item.position).toBeGreaterThan(1005); // after the preset's milestones
    const edited = await c.call('item.update', { id: item.id, patch: { muted: true, dueTime: '17:00' } });
    expect(edited).toMatchObject({ name: 'Homework 1', pointsPossible: 10, muted: true, dueTime: '17:00' });
  });

  it('keeps an exact deadline to the second and the "does not count" flag, and grades by them', async () => {
    const c = newCourse('ie7374');
    const s = await c.call('student.add', { registrarId: '1', firstName: 'A', lastName: 'B' });
    const hw = categoryId(c, 'Homeworks');
    const quiz = await c.call('item.create', { categoryId: hw, name: 'Quiz', pointsPossible: 10, dueAt: '2026-09-15T23:59:30-04:00' });
    const practice = await c.call('item.create', { categoryId: hw, name: 'Practice', pointsPossible: 10, omitFromFinal: true });
    expect(quiz).toMatchObject({ dueAt: '2026-09-15T23:59:30-04:00', omitFromFinal: false });
    expect(practice).toMatchObject({ dueAt: null, omitFromFinal: true });
    await c.call('score.apply', {
      edits: [
        { studentId: s.id, itemId: quiz.id, patch: { value: 10, submittedAt: '2026-09-15T23:59:31-04:00' } },
        { studentId: s.id, itemId: practice.id, patch: { value: 0 } },
      ],
    });
    // One second late: −10% → 9 of 10; Practice does not count. Homeworks is the only graded category.
    const r = await c.call('grades.compute', { asOf: '2026-12-20T12:00:00Z' });
    expect(r.students[0]!.current.display).toBe('90.00');
  });

  it('refuses switching an item to team grading while it has individual scores', async () => {
    const c = newCourse();
    const s = await c.call('student.add', { registrarId: '1', firstName: 'A', lastName: 'B' });
    const item = await c.call('item.create', { categoryId: categoryId(c), name: 'Lab', pointsPossible: 10 });
    await c.call('score.apply', { edits: [{ studentId: s.id, itemId: item.id, patch: { value: 7 } }] });
    const err = await c.fail('item.update', { id: item.id, patch: { teamGraded: true } });
    expect(err).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('Lab already has 1 individual score;') });
    await c.call('score.apply', { edits: [{ studentId: s.id, itemId: item.id, patch: { value: null } }] });
    expect((await c.call('item.update', { id: item.id, patch: { teamGraded: true } })).teamGraded).toBe(true);
  });

  it('refuses items in an attendance category or an unknown one', async () => {
    const c = newCourse('ie7374');
    const err = await c.fail('item.create', { categoryId: categoryId(c, 'Attendance'), name: 'X', pointsPossible: 1 });
    expect(err).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('"Attendance" is graded from attendance') });
    expect((await c.fail('item.create', { categoryId: 999, name: 'X', pointsPossible: 1 })).code).toBe('not_found');
  });

  it('creates a series of 12 weekly items as one undo step', async () => {
    const c = newCourse();
    const items = await c.call('item.createSeries', {
      categoryId: categoryId(c),
      prefix: 'Homework',
      from: 1,
      to: 12,
      pointsPossible: 10,
      firstDueDate: '2026-09-15',
      everyDays: 7,
    });
    expect(items.map((i) => i.name)).toEqual(Array.from({ length: 12 }, (_, i) => `Homework ${i + 1}`));
    expect(items.map((i) => i.dueDate)).toEqual([
      '2026-09-15',
      '2026-09-22',
      '2026-09-29',
      '2026-10-06',
      '2026-10-13',
      '2026-10-20',
      '2026-10-27',
      '2026-11-03',
      '2026-11-10',
      '2026-11-17',
      '2026-11-24',
      '2026-12-01',
    ]);
    expect(new Set(items.map((i) => i.position)).size).toBe(12);
    expect((await c.call('history.undo', {})).label).toBe('Add Homework 1–12');
    expect(count(c, 'SELECT * FROM item')).toBe(0);
  });

  it('deletes an item with its scores, and undo brings both back', async () => {
    const c = newCourse();
    const s = await c.call('student.add', { registrarId: '1', firstName: 'A', lastName: 'B' });
    const item = await c.call('item.create', { categoryId: categoryId(c), name: 'Quiz', pointsPossible: 10 });
    await c.call('score.apply', { edits: [{ studentId: s.id, itemId: item.id, patch: { value: 7, comment: 'ok' } }] });
    await c.call('item.delete', { id: item.id });
    expect(count(c, 'SELECT * FROM score')).toBe(0);
    expect((await c.call('history.undo', {})).label).toBe('Delete item Quiz');
    const snapshot = unpackSnapshot(await c.call('course.snapshot', {}));
    expect(snapshot.items.map((i) => i.name)).toEqual(['Quiz']);
    expect(snapshot.scores).toMatchObject([{ studentId: s.id, itemId: item.id, value: 7, comment: 'ok' }]);
  });

  it('reorders items within the positions they held', async () => {
    const c = newCourse();
    const cat = categoryId(c);
    const [a, , d] = await c.call('item.createSeries', {
      categoryId: cat,
      prefix: 'Q',
      from: 1,
      to: 3,
      pointsPossible: 1,
      firstDueDate: '2026-09-01',
      everyDays: 1,
    });
    await c.call('item.reorder', { ids: [d!.id, a!.id] });
    const order = (await c.call('course.snapshot', {})).items.map((i) => i.name);
    expect(order).toEqual(['Q 3', 'Q 2', 'Q 1']);
    expect((await c.fail('item.reorder', { ids: [a!.id, a!.id] })).code).toBe('validation_failed');
  });
});
