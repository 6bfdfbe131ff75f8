import { describe, expect, it } from 'vitest';
import { toScore, toTeamScore } from '../../../main/backend/db/rows';
import { unpackSnapshot } from '@shared/model';
import { categoryId, db, newCourse } from '../workspace/helpers';

describe('course.snapshot on the wire', () => {
  it('reads every cell field back through the packed form, in key order', async () => {
    const c = newCourse('ie7374', { demo: true });
    const before = unpackSnapshot(await c.call('course.snapshot', {}));
    const [a, b] = before.students;
    const solo = before.items.find((i) => !i.teamGraded)!;
    const team = before.items.find((i) => i.teamGraded)!;
    const teamId = before.memberships.find((m) => m.studentId === a!.id)?.teamId ?? before.teams[0]!.id;
    await c.call('score.apply', {
      edits: [
        {
          studentId: a!.id,
          itemId: solo.id,
          patch: { value: 7, comment: 'ok "quoted", é\nnext line', submittedAt: '2026-09-17T20:00:00.000Z' },
        },
        { studentId: b!.id, itemId: solo.id, patch: { value: null, status: 'excused', waiverReason: 'Ill' } },
        {
          studentId: a!.id,
          itemId: team.id,
          patch: { adjustment: { mode: 'delta', value: -2 }, integrity: { date: '2026-09-20', note: 'x' } },
        },
        { teamId, itemId: team.id, patch: { value: 80, daysLate: 1.5, extensionDays: 2 } },
        // Values with and without a fraction, read back exactly.
        ...before.items
          .filter((i) => !i.teamGraded && i.id !== solo.id)
          .slice(0, 3)
          .map((i, k) => ({ studentId: b!.id, itemId: i.id, patch: { value: [0.1, 1 / 3, 12][k]! } })),
      ],
    });
    const d = db(c);
    const snapshot = unpackSnapshot(await c.call('course.snapshot', {}));
    const rows = (sql: string) => d.prepare(sql).all() as Record<string, unknown>[];
    expect(snapshot.scores).toStrictEqual(rows('SELECT * FROM score ORDER BY student_id, item_id').map(toScore));
    expect(snapshot.teamScores).toStrictEqual(rows('SELECT * FROM team_score ORDER BY team_id, item_id').map(toTeamScore));
    expect(snapshot.scores.filter((s) => s.comment || s.status || s.adjustment).length).toBeGreaterThanOrEqual(3);
    expect(snapshot.students).toEqual(before.students);
  });
});

describe('undo and redo name the cells they wrote', () => {
  it('answers the restored and removed cells of a score step, and nothing for other steps', async () => {
    const c = newCourse();
    const s = await c.call('student.add', { registrarId: '1', firstName: 'A', lastName: 'B' });
    const quiz = await c.call('item.create', { categoryId: categoryId(c), name: 'Quiz', pointsPossible: 10 });
    const test = await c.call('item.create', { categoryId: categoryId(c), name: 'Test', pointsPossible: 10 });
    await c.call('score.apply', { edits: [{ studentId: s.id, itemId: quiz.id, patch: { value: 5, comment: 'first' } }] });
    await c.call('score.apply', {
      edits: [
        { studentId: s.id, itemId: quiz.id, patch: { value: 8 } },
        { studentId: s.id, itemId: test.id, patch: { value: 9 } },
      ],
      label: 'Paste',
    });

    const undone = await c.call('history.undo', {});
    expect(undone.label).toBe('Paste');
    expect(undone.changed).toEqual({
      scores: [expect.objectContaining({ studentId: s.id, itemId: quiz.id, value: 5, comment: 'first' })],
      teamScores: [],
      removedScores: [{ studentId: s.id, itemId: test.id }],
      removedTeamScores: [],
    });
    const redone = await c.call('history.redo', {});
    expect(redone.changed?.scores.map((x) => [x.itemId, x.value])).toEqual([
      [quiz.id, 8],
      [test.id, 9],
    ]);
    expect(redone.changed?.removedScores).toEqual([]);

    await c.call('item.update', { id: test.id, patch: { name: 'Exam' } });
    const item = await c.call('history.undo', {});
    expect(item.label).toMatch(/Exam|Test/);
    expect(item.changed).toBeUndefined();
  });
});
