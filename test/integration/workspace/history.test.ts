import { describe, expect, it } from 'vitest';
import { closeCourse, openCourse } from '../../../main/backend/services/course';
import { undo, undoState } from '../../../main/backend/changes/undo';
import { categoryId, count, db, newCourse, type TestCourse } from './helpers';

async function setup(c: TestCourse) {
  const jose = await c.call('student.add', { registrarId: '001234567', firstName: 'José', lastName: 'Núñez' });
  const ana = await c.call('student.add', { registrarId: '002', firstName: 'Ana', lastName: 'Li' });
  const [hw1, , hw3] = await c.call('item.createSeries', {
    categoryId: categoryId(c),
    prefix: 'Homework',
    from: 1,
    to: 3,
    pointsPossible: 10,
    firstDueDate: '2026-09-15',
    everyDays: 7,
  });
  return { jose, ana, hw1: hw1!, hw3: hw3! };
}

describe('history', () => {
  it('undo and redo survive closing and reopening the course file', async () => {
    const c = newCourse();
    const { jose, hw3 } = await setup(c);
    await c.call('score.apply', { edits: [{ studentId: jose.id, itemId: hw3.id, patch: { value: 9 } }], reason: 'regrade' });
    c.reopen();
    expect(await c.call('history.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Edit Núñez, José · Homework 3' });
    await c.call('history.undo', {});
    expect(count(c, 'SELECT * FROM score')).toBe(0);
    c.reopen();
    expect(await c.call('history.state', {})).toMatchObject({ canRedo: true, redoLabel: 'Edit Núñez, José · Homework 3' });
    await c.call('history.redo', {});
    expect(db(c).prepare('SELECT value FROM score').pluck().get()).toBe(9);
  });

  it('works on the file itself with openCourse, without the workspace', async () => {
    const c = newCourse();
    const { jose, hw1 } = await setup(c);
    await c.call('score.apply', { edits: [{ studentId: jose.id, itemId: hw1.id, patch: { value: 4 } }] });
    c.workspace.close();
    const course = openCourse(c.file);
    try {
      expect(undo(course.db)).toBe('Edit Núñez, José · Homework 1');
      expect(course.db.prepare('SELECT count(*) FROM score').pluck().get()).toBe(0);
      expect(undoState(course.db).undoLabel).toBe('Add Homework 1–3');
    } finally {
      closeCourse(course);
    }
  });

  it('lists entries newest first with readable subjects, filtered by student, item, entity and date, with paging', async () => {
    const c = newCourse();
    const { jose, ana, hw1, hw3 } = await setup(c);
    await c.call('score.apply', {
      edits: [
        { studentId: jose.id, itemId: hw3.id, patch: { value: 9 } },
        { studentId: ana.id, itemId: hw3.id, patch: { value: 7 } },
        { studentId: jose.id, itemId: hw1.id, patch: { value: 6 } },
      ],
      label: 'Paste 3 cells',
      reason: 'first pass',
    });
    await c.call('score.apply', { edits: [{ studentId: jose.id, itemId: hw3.id, patch: { value: 10 } }] });

    const byJose = await c.call('history.list', { studentId: jose.id });
    expect(byJose.total).toBe(4); // added, two cells of the paste, the regrade
    expect(byJose.entries[0]).toMatchObject({
      subject: 'Núñez, José · Homework 3',
      entity: 'score',
      kind: 'do',
      key: { student_id: jose.id, item_id: hw3.id },
      before: { value: 9 },
      after: { value: 10 },
      label: 'Edit Núñez, José · Homework 3',
    });
    expect(byJose.entries.at(-1)).toMatchObject({ entity: 'student', subject: 'Núñez, José', before: null });

    const byHw3 = await c.call('history.list', { itemId: hw3.id });
    expect(byHw3.entries.map((e) => e.subject)).toEqual([
      'Núñez, José · Homework 3',
      'Li, Ana · Homework 3',
      'Núñez, José · Homework 3',
      'Homework 3',
    ]);
    expect(byHw3.entries[1]!.reason).toBe('first pass');

    const both = await c.call('history.list', { studentId: jose.id, itemId: hw3.id, entity: 'score' });
    expect(both.total).toBe(2);

    const page = await c.call('history.list', { entity: 'score', limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 4 });
    expect(page.entries.map((e) => e.subject)).toEqual(['Núñez, José · Homework 1', 'Li, Ana · Homework 3']);

    expect((await c.call('history.list', { since: '2999-01-01' })).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await c.call('history.list', { since: today, until: today })).total).toBe(count(c, 'SELECT * FROM audit'));
    expect((await c.fail('history.list', { since: 'last week' })).code).toBe('invalid_input');
  });

  it('keeps subjects readable after the item is deleted, and shows undo entries', async () => {
    const c = newCourse();
    const { jose, hw3 } = await setup(c);
    await c.call('score.apply', { edits: [{ studentId: jose.id, itemId: hw3.id, patch: { value: 9 } }] });
    await c.call('item.delete', { id: hw3.id });
    await c.call('history.undo', {});
    await c.call('item.delete', { id: hw3.id });
    const list = await c.call('history.list', { studentId: jose.id, entity: 'score' });
    expect(list.entries.map((e) => [e.kind, e.subject])).toEqual([
      ['do', 'Núñez, José · Homework 3'],
      ['undo', 'Núñez, José · Homework 3'],
      ['do', 'Núñez, José · Homework 3'],
      ['do', 'Núñez, José · Homework 3'],
    ]);
  });

  it('reads a date filter as a whole day in the course time zone (an evening in New York is the next day in UTC)', async () => {
    const c = newCourse();
    const { jose } = await setup(c);
    const { change } = await import('../../../main/backend/changes/tracker');
    const { listHistory } = await import('../../../main/backend/services/history');
    change(db(c), 'Late-evening edit', (cs) => cs.put('student', { id: jose.id }, { email: 'jose@x.edu' }), {
      now: () => '2026-10-02T03:30:00.000Z',
    });
    const day = listHistory(db(c), { since: '2026-10-01', until: '2026-10-01', limit: 50, offset: 0 });
    expect(day.entries.map((e) => e.label)).toEqual(['Late-evening edit']);
    expect(listHistory(db(c), { since: '2026-10-02', until: '2026-10-02', limit: 50, offset: 0 }).total).toBe(0);
  });
});
