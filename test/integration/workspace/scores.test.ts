import { describe, expect, it } from 'vitest';
import { unpackSnapshot } from '@shared/model';
import { categoryId, count, db, newCourse, type TestCourse } from './helpers';

async function classOf(c: TestCourse, students: number, items: number) {
  const s: number[] = [];
  for (let i = 0; i < students; i++)
    s.push((await c.call('student.add', { registrarId: `R${i}`, firstName: `F${i}`, lastName: `L${i}` })).id);
  const it = await c.call('item.createSeries', {
    categoryId: categoryId(c),
    prefix: 'Homework',
    from: 1,
    to: items,
    pointsPossible: 10,
    firstDueDate: '2026-09-15',
    everyDays: 7,
  });
  return { students: s, items: it.map((i) => i.id) };
}

describe('score.apply', () => {
  it('sets a value, then other fields of the same cell without losing it', async () => {
    const c = newCourse();
    const {
      students: [s],
      items: [hw],
    } = await classOf(c, 1, 1);
    const one = await c.call('score.apply', { edits: [{ studentId: s!, itemId: hw!, patch: { value: 8.5 } }] });
    expect(one.scores).toEqual([expect.objectContaining({ studentId: s, itemId: hw, value: 8.5, status: null })]);
    expect(one.undo).toMatchObject({ canUndo: true, undoLabel: 'Edit L0, F0 · Homework 1' });

    const late = await c.call('score.apply', {
      edits: [
        { studentId: s!, itemId: hw!, patch: { submittedAt: '2026-09-17T10:00:00-04:00', waiverReason: 'Flight delay', comment: 'late' } },
      ],
    });
    expect(late.scores[0]).toMatchObject({
      value: 8.5,
      submittedAt: '2026-09-17T10:00:00-04:00',
      waiverReason: 'Flight delay',
      comment: 'late',
    });
    expect(db(c).prepare('SELECT updated_at FROM score').pluck().get()).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('records excused and missing statuses and integrity findings', async () => {
    const c = newCourse();
    const {
      students: [a, b],
      items: [hw],
    } = await classOf(c, 2, 1);
    const res = await c.call('score.apply', {
      edits: [
        { studentId: a!, itemId: hw!, patch: { status: 'excused', value: null } },
        { studentId: b!, itemId: hw!, patch: { status: 'missing' } },
      ],
      label: 'Mark statuses',
    });
    expect(res.scores.map((r) => r.status)).toEqual(['excused', 'missing']);
    await c.call('score.apply', {
      edits: [{ studentId: b!, itemId: hw!, patch: { status: null, value: 9, integrity: { date: '2026-09-20', note: 'Copied' } } }],
    });
    const result = await c.call('grades.explain', { studentId: b!, asOf: '2026-12-01T00:00:00Z' });
    expect(result.items[0]).toMatchObject({ raw: 9, effective: 0, integrity: { note: 'Copied', original: 9 } });
    // Clearing the finding restores the score; the history keeps both.
    await c.call('score.apply', { edits: [{ studentId: b!, itemId: hw!, patch: { integrity: null } }] });
    expect(unpackSnapshot(await c.call('course.snapshot', {})).scores.find((r) => r.studentId === b)).toMatchObject({
      value: 9,
      integrity: null,
    });
  });

  it('grades a team cell and a member adjustment on top of it', async () => {
    const c = newCourse();
    const {
      students: [a, b],
    } = await classOf(c, 2, 1);
    const team = await c.call('team.create', { name: 'T' });
    for (const s of [a!, b!]) await c.call('team.assign', { studentId: s, teamId: team.id, from: '2026-09-01T00:00:00Z' });
    const m = await c.call('item.create', {
      categoryId: categoryId(c),
      name: 'Milestone 1',
      pointsPossible: 100,
      dueDate: '2026-10-01',
      teamGraded: true,
    });
    const res = await c.call('score.apply', {
      edits: [
        { teamId: team.id, itemId: m.id, patch: { value: 80 } },
        { studentId: b!, itemId: m.id, patch: { adjustment: { mode: 'delta', value: -10 }, comment: 'Did not contribute' } },
      ],
    });
    expect(res.teamScores).toEqual([expect.objectContaining({ teamId: team.id, value: 80 })]);
    expect(res.scores[0]).toMatchObject({ studentId: b, value: null, adjustment: { mode: 'delta', value: -10 } });
    const asOf = '2026-12-01T00:00:00Z';
    const item = async (s: number) => (await c.call('grades.explain', { studentId: s, asOf })).items.find((i) => i.itemId === m.id);
    expect(await item(a!)).toMatchObject({ raw: 80, effective: 80 });
    expect(await item(b!)).toMatchObject({ raw: 80, effective: 70 });
  });

  it('refuses a plain value on a member of a team-graded item, and team cells on individual items', async () => {
    const c = newCourse();
    const {
      students: [a],
      items: [hw],
    } = await classOf(c, 1, 1);
    const team = await c.call('team.create', { name: 'T' });
    const m = await c.call('item.create', { categoryId: categoryId(c), name: 'Milestone 1', pointsPossible: 100, teamGraded: true });
    const err = await c.fail('score.apply', { edits: [{ studentId: a!, itemId: m.id, patch: { value: 90 } }] });
    expect(err.code).toBe('validation_failed');
    expect(err.message).toContain(
      "L0, F0 · Milestone 1: Milestone 1 is graded per team. Enter the score in the team's row, or give L0, F0 an individual adjustment",
    );
    const err2 = await c.fail('score.apply', { edits: [{ teamId: team.id, itemId: hw!, patch: { value: 9 } }] });
    expect(err2.message).toContain('T · Homework 1: Homework 1 is not team-graded');
  });

  it('applies a 3×4 paste as one undo step', async () => {
    const c = newCourse();
    const { students, items } = await classOf(c, 3, 4);
    const edits = students.flatMap((s, r) => items.map((i, col) => ({ studentId: s, itemId: i, patch: { value: r + col } })));
    const res = await c.call('score.apply', { edits, label: 'Paste 12 cells' });
    expect(res.scores).toHaveLength(12);
    expect(count(c, 'SELECT * FROM change_batch WHERE label = ?', 'Paste 12 cells')).toBe(1);
    expect(count(c, 'SELECT * FROM score')).toBe(12);
    const undone = await c.call('history.undo', {});
    expect(undone).toMatchObject({ label: 'Paste 12 cells', undo: { undoLabel: 'Add Homework 1–4', redoLabel: 'Paste 12 cells' } });
    expect(count(c, 'SELECT * FROM score')).toBe(0);
    await c.call('history.redo', {});
    expect(count(c, 'SELECT * FROM score')).toBe(12);
  });

  it('refuses the whole paste when one cell names an unknown student, saving nothing', async () => {
    const c = newCourse();
    const { students, items } = await classOf(c, 2, 2);
    const before = c.fileBytes();
    const err = await c.fail('score.apply', {
      edits: [
        { studentId: students[0]!, itemId: items[0]!, patch: { value: 5 } },
        { studentId: 999, itemId: items[1]!, patch: { value: 5 } },
      ],
    });
    expect(err).toMatchObject({ code: 'not_found', message: 'There is no student with id 999 in this course. Nothing was saved.' });
    expect(err.details).toEqual([expect.objectContaining({ cell: 1 })]);
    expect(count(c, 'SELECT * FROM score')).toBe(0);
    expect(c.fileBytes().equals(before)).toBe(true);
  });

  // Its speed is measured by `npm run bench`, not asserted here.
  it('saves a 2,000-cell paste as one undo step', async () => {
    const c = newCourse();
    const { students, items } = await classOf(c, 100, 20);
    const edits = students.flatMap((s) => items.map((i) => ({ studentId: s, itemId: i, patch: { value: 7 } })));
    expect(edits).toHaveLength(2000);
    const res = await c.call('score.apply', { edits });
    expect(res.scores).toHaveLength(2000);
    await c.call('history.undo', {});
    expect(count(c, 'SELECT * FROM score')).toBe(0);
  });
});
