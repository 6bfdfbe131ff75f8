import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '@shared/grading/deadline';
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

  it('names what id columns point at, from the audit once the row is gone', async () => {
    const c = newCourse();
    const { jose } = await setup(c);
    const team = await c.call('team.create', { name: 'Owls' });
    await c.call('team.assign', { studentId: jose.id, teamId: team.id });
    await c.call('team.delete', { id: team.id });
    const joined = (await c.call('history.list', { entity: 'team_member' })).entries.find((e) => e.before === null);
    expect(joined?.refs.after).toMatchObject({ team_id: 'Owls', student_id: 'Núñez, José' });
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
    // Days are the course's: a day either side of today in UTC holds today in any zone, at any hour.
    const today = new Date().toISOString().slice(0, 10);
    const around = { since: addCalendarDays(today, -1), until: addCalendarDays(today, 1) };
    expect((await c.call('history.list', around)).total).toBe(count(c, 'SELECT * FROM audit'));
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

  describe('revert one chosen change', () => {
    const value = (c: TestCourse, studentId: number, itemId: number) =>
      db(c).prepare('SELECT value FROM score WHERE student_id = ? AND item_id = ?').pluck().get(studentId, itemId);
    const batchOf = async (c: TestCourse, label: string) =>
      (await c.call('history.list', {})).entries.find((e) => e.label === label)!.batchId;

    it('takes back an earlier change as a new, undoable step while later changes to other cells stay', async () => {
      const c = newCourse();
      const { jose, ana, hw1, hw3 } = await setup(c);
      await c.call('score.apply', { edits: [{ studentId: jose.id, itemId: hw3.id, patch: { value: 9 } }], label: 'Grade José' });
      await c.call('score.apply', { edits: [{ studentId: jose.id, itemId: hw3.id, patch: { value: 7 } }], label: 'Regrade José' });
      await c.call('score.apply', { edits: [{ studentId: ana.id, itemId: hw1.id, patch: { value: 5 } }], label: 'Grade Ana' });

      const reverted = await c.call('history.revert', { batchId: await batchOf(c, 'Regrade José') });
      expect(reverted.label).toBe('Revert: Regrade José');
      expect(reverted.undo).toMatchObject({ canUndo: true, undoLabel: 'Revert: Regrade José' });
      expect(reverted.changed?.scores).toMatchObject([{ studentId: jose.id, itemId: hw3.id, value: 9 }]);
      expect(value(c, jose.id, hw3.id)).toBe(9);
      expect(value(c, ana.id, hw1.id)).toBe(5);
      const latest = (await c.call('history.list', { limit: 1 })).entries[0]!;
      expect(latest).toMatchObject({ label: 'Revert: Regrade José', kind: 'do', before: { value: 7 }, after: { value: 9 } });
      expect(latest.reason).toContain('Regrade José');
      // The reverted change stays in effect in the history (it was not undone), so it is still revertible.
      expect((await c.call('history.list', {})).entries.find((e) => e.label === 'Regrade José')!.revertible).toBe(true);

      expect((await c.call('history.undo', {})).label).toBe('Revert: Regrade José');
      expect(value(c, jose.id, hw3.id)).toBe(7);
      expect(value(c, ana.id, hw1.id)).toBe(5);
      await c.call('history.redo', {});
      expect(value(c, jose.id, hw3.id)).toBe(9);
    });

    it('removes a row the change added, and puts back rows it deleted', async () => {
      const c = newCourse();
      const { jose, hw3 } = await setup(c);
      await c.call('score.apply', { edits: [{ studentId: jose.id, itemId: hw3.id, patch: { value: 9 } }], label: 'Grade José' });
      await c.call('item.delete', { id: hw3.id });
      await c.call('history.revert', { batchId: await batchOf(c, 'Delete item Homework 3') });
      expect(value(c, jose.id, hw3.id)).toBe(9);
      expect(db(c).prepare('SELECT name FROM item WHERE id = ?').pluck().get(hw3.id)).toBe('Homework 3');
    });

    it('refuses, naming the later change, when a row it touched was changed since; nothing changes', async () => {
      const c = newCourse();
      const { jose, hw3 } = await setup(c);
      await c.call('score.apply', { edits: [{ studentId: jose.id, itemId: hw3.id, patch: { value: 9 } }], label: 'Grade José' });
      const { change } = await import('../../../main/backend/changes/tracker');
      change(db(c), 'Regrade José', (cs) => cs.put('score', { student_id: jose.id, item_id: hw3.id }, { value: 6 }), {
        now: () => '2026-09-16T18:58:00.000Z',
      });
      const bytes = c.fileBytes();
      const audit = count(c, 'SELECT * FROM audit');
      const err = await c.fail('history.revert', { batchId: await batchOf(c, 'Grade José') });
      expect(err).toMatchObject({
        code: 'conflict',
        message: 'Homework 3 for Núñez, José was changed again on Wed 16 Sep, 2:58 pm EDT; revert that later change first.',
      });
      expect(value(c, jose.id, hw3.id)).toBe(6);
      expect(count(c, 'SELECT * FROM audit')).toBe(audit);
      expect(c.fileBytes().equals(bytes)).toBe(true);
    });

    it('refuses to remove a row that later rows depend on, an undone change, and an unknown one', async () => {
      const c = newCourse();
      const { jose, hw3 } = await setup(c);
      const added = (await c.call('history.list', { entity: 'student' })).entries.at(-1)!;
      await c.call('score.apply', { edits: [{ studentId: jose.id, itemId: hw3.id, patch: { value: 9 } }], label: 'Grade José' });
      const dep = await c.fail('history.revert', { batchId: added.batchId });
      expect(dep.code).toBe('conflict');
      expect(dep.message).toContain('Núñez, José cannot be removed: 1 later score record depends on it');
      expect(count(c, 'SELECT * FROM score')).toBe(1);

      await c.call('history.undo', {});
      const undone = await c.fail('history.revert', { batchId: await batchOf(c, 'Grade José') });
      expect(undone.message).toBe('“Grade José” is already undone; there is nothing to revert.');
      expect((await c.call('history.list', {})).entries.find((e) => e.label === 'Grade José')!.revertible).toBe(false);
      expect((await c.fail('history.revert', { batchId: 99999 })).code).toBe('not_found');
      expect((await c.fail('history.revert', { batchId: 'x' })).code).toBe('invalid_input');
    });
  });
});
