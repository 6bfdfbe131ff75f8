import { describe, expect, it } from 'vitest';
import { categoryId, count, db, newCourse, type TestCourse } from './helpers';

async function addStudents(c: TestCourse, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) {
    ids.push((await c.call('student.add', { registrarId: `S${String(i).padStart(3, '0')}`, firstName: `F${i}`, lastName: `L${i}` })).id);
  }
  return ids;
}

/** Current teams as sorted lists of registrar IDs, to compare two courses. */
const groups = (c: TestCourse) =>
  (
    db(c)
      .prepare(
        `SELECT group_concat(registrar_id, ',') AS members FROM (
           SELECT m.team_id, s.registrar_id FROM team_member m JOIN student s ON s.id = m.student_id
           WHERE m.to_at IS NULL ORDER BY s.registrar_id)
         GROUP BY team_id`,
      )
      .all() as { members: string }[]
  )
    .map((g) => g.members)
    .sort();

describe('teams', () => {
  it('creates and renames teams, refusing duplicate names', async () => {
    const c = newCourse();
    const t = await c.call('team.create', { name: 'Falcons' });
    await c.call('team.create', { name: 'Owls' });
    expect(await c.fail('team.rename', { id: t.id, name: 'Owls' })).toMatchObject({ code: 'conflict' });
    expect(await c.call('team.rename', { id: t.id, name: 'Hawks' })).toEqual({ id: t.id, name: 'Hawks' });
  });

  it('reassignment ends the old membership at `from`; earlier team grades keep their old members', async () => {
    const c = newCourse();
    const [ana, ben] = await addStudents(c, 2);
    const t1 = await c.call('team.create', { name: 'T1' });
    const t2 = await c.call('team.create', { name: 'T2' });
    await c.call('team.assign', { studentId: ana!, teamId: t1.id, from: '2026-09-01T00:00:00Z' });
    await c.call('team.assign', { studentId: ben!, teamId: t2.id, from: '2026-09-01T00:00:00Z' });
    const cat = categoryId(c);
    const m1 = await c.call('item.create', { categoryId: cat, name: 'M1', pointsPossible: 100, dueDate: '2026-09-15', teamGraded: true });
    const m2 = await c.call('item.create', { categoryId: cat, name: 'M2', pointsPossible: 100, dueDate: '2026-10-15', teamGraded: true });
    await c.call('score.apply', {
      edits: [
        { teamId: t1.id, itemId: m1.id, patch: { value: 80 } },
        { teamId: t1.id, itemId: m2.id, patch: { value: 60 } },
        { teamId: t2.id, itemId: m1.id, patch: { value: 50 } },
        { teamId: t2.id, itemId: m2.id, patch: { value: 90 } },
      ],
    });
    await c.call('team.assign', { studentId: ana!, teamId: t2.id, from: '2026-10-01T00:00:00Z' });

    const rows = db(c).prepare('SELECT team_id, from_at, to_at FROM team_member WHERE student_id = ? ORDER BY id').all(ana!);
    expect(rows).toEqual([
      { team_id: t1.id, from_at: '2026-09-01T00:00:00.000Z', to_at: '2026-10-01T00:00:00.000Z' },
      { team_id: t2.id, from_at: '2026-10-01T00:00:00.000Z', to_at: null },
    ]);
    const result = await c.call('grades.explain', { studentId: ana!, asOf: '2026-12-31T00:00:00Z' });
    const item = (id: number) => result.items.find((i) => i.itemId === id)!;
    expect(item(m1.id)).toMatchObject({ raw: 80, team: { teamId: t1.id } });
    expect(item(m2.id)).toMatchObject({ raw: 90, team: { teamId: t2.id } });

    // Assigning to the team one is already on changes nothing; null takes the student off teams.
    const audit = count(c, 'SELECT * FROM audit');
    await c.call('team.assign', { studentId: ana!, teamId: t2.id });
    expect(count(c, 'SELECT * FROM audit')).toBe(audit);
    await c.call('team.assign', { studentId: ana!, teamId: null, from: '2026-11-01T00:00:00Z' });
    expect(count(c, 'SELECT * FROM team_member WHERE student_id = ? AND to_at IS NULL', ana!)).toBe(0);
  });

  it('forms balanced random teams, reproducible with the same seed', async () => {
    const a = newCourse();
    const b = newCourse();
    await addStudents(a, 23);
    await addStudents(b, 23);
    const teams = await a.call('team.formRandom', { size: 5, seed: 42 });
    await b.call('team.formRandom', { size: 5, seed: 42 });
    expect(teams.map((t) => t.name)).toEqual(['Team 1', 'Team 2', 'Team 3', 'Team 4', 'Team 5']);
    const sizes = groups(a).map((g) => g.split(',').length);
    expect(sizes.sort()).toEqual([4, 4, 5, 5, 5]);
    expect(groups(a)).toEqual(groups(b));
    expect((await a.call('history.state', {})).undoLabel).toBe('Form 5 random teams of up to 5 (seed 42)');

    // Without reshuffle only students with no team are placed; with it, everyone is redrawn.
    await a.call('student.add', { registrarId: 'NEW', firstName: 'N', lastName: 'New' });
    expect(await a.call('team.formRandom', { size: 5, seed: 1 })).toHaveLength(1);
    const other = await b.call('team.formRandom', { size: 5, seed: 7, reshuffle: true });
    expect(other.map((t) => t.name)).toEqual(['Team 6', 'Team 7', 'Team 8', 'Team 9', 'Team 10']);
    expect(groups(b)).not.toEqual(groups(a));
    expect(await b.fail('team.formRandom', { size: 5 })).toMatchObject({ code: 'validation_failed' });
  });

  it('deletes a team without grades as one undoable step, restoring its members on undo', async () => {
    const c = newCourse();
    const [ana] = await addStudents(c, 1);
    const t = await c.call('team.create', { name: 'T' });
    await c.call('team.assign', { studentId: ana!, teamId: t.id });
    await c.call('team.delete', { id: t.id });
    expect(count(c, 'SELECT * FROM team_member')).toBe(0);
    await c.call('history.undo', {});
    expect(count(c, 'SELECT * FROM team_member WHERE team_id = ?', t.id)).toBe(1);

    const item = await c.call('item.create', { categoryId: categoryId(c), name: 'P', pointsPossible: 10, teamGraded: true });
    await c.call('score.apply', { edits: [{ teamId: t.id, itemId: item.id, patch: { value: 9 } }] });
    expect(await c.fail('team.delete', { id: t.id })).toMatchObject({ code: 'conflict' });
  });
});
