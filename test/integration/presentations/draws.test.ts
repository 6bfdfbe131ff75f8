import { describe, expect, it } from 'vitest';
import { count, db, newCourse } from '../workspace/helpers';
import { setUpClass } from './helpers';

describe('draw candidates', () => {
  it('takes every team before the roll, then only teams with someone present, less the excused, each with why', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    const [falcons, hawks, owls] = k.teams;
    const [s1] = k.sessions;
    const before = await c.call('draw.candidates', { sessionId: s1! });
    expect(before.eligible.map((t) => t.name)).toEqual(['Falcons', 'Hawks', 'Owls']);
    expect(before.session).toMatchObject({ week: 1, rollTaken: false });

    for (const id of falcons!.members) k.mark(s1!, id, 'absent');
    k.mark(s1!, hawks!.members[0]!, 'late');
    k.mark(s1!, owls!.members[1]!, 'present');
    const after = await c.call('draw.candidates', {
      sessionId: s1!,
      exclusions: [{ teamId: owls!.id, reason: 'Presenting their project pitch' }],
    });
    expect(after.eligible).toEqual([{ teamId: hawks!.id, name: 'Hawks', turns: 0, membersPresent: 1, members: 3 }]);
    expect(after.excluded).toEqual([
      { teamId: falcons!.id, name: 'Falcons', turns: 0, kind: 'absent', reason: 'Nobody on the team was marked present.' },
      { teamId: owls!.id, name: 'Owls', turns: 0, kind: 'excused', reason: 'Presenting their project pitch' },
    ]);
    expect(after.blocked).toBeNull();
  });

  it('says why nobody can be drawn, and refuses unknown sessions and teams, changing nothing', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    const [s1, s2] = k.sessions;
    for (const t of k.teams) for (const id of t.members) k.mark(s1!, id, 'absent');
    const bytes = c.fileBytes();
    const nobody = await c.fail('draw.run', { sessionId: s1!, teams: 1 });
    expect(nobody).toMatchObject({ code: 'validation_failed' });
    expect(nobody.message).toMatch(/^Nobody was marked present in the session of week 1, Class 1, 2026-09-08.*Take the roll/);
    const allExcused = await c.fail('draw.run', {
      sessionId: s2!,
      exclusions: k.teams.map((t) => ({ teamId: t.id, reason: 'Midterm week' })),
    });
    expect(allExcused.message).toContain('3 teams are excused (Falcons: Midterm week; Hawks: Midterm week; Owls: Midterm week)');
    expect((await c.fail('draw.run', { sessionId: s2!, teams: 4 })).message).toMatch(/Only 3 teams can be drawn .* not 4/);
    expect(await c.fail('draw.run', { sessionId: 999 })).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('no class session with id 999'),
    });
    expect(await c.fail('draw.candidates', { sessionId: s2!, exclusions: [{ teamId: 999, reason: 'x' }] })).toMatchObject({
      code: 'not_found',
    });
    expect(await c.fail('draw.run', { sessionId: s2!, exclusions: [{ teamId: k.teams[0]!.id, reason: ' ' }] })).toMatchObject({
      code: 'invalid_input',
    });
    expect(c.fileBytes().equals(bytes)).toBe(true);
  });
});

describe('running a draw', () => {
  it('stores the seed, ordered candidates, rule and result; it verifies and replays to the same teams', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    const d = await c.call('draw.run', { sessionId: k.sessions[0]!, teams: 2, seed: 'week-1' });
    expect(d).toMatchObject({ seed: 'week-1', week: 1, sessionDate: '2026-09-08', rule: 'fewest-turns', teamsCount: 2, withdrawnAt: null });
    expect(d.candidates.map((t) => t.name)).toEqual(['Falcons', 'Hawks', 'Owls']);
    expect(d.teams).toHaveLength(2);
    expect(await c.call('draw.verify', { id: d.id })).toMatchObject({ ok: true, expected: d.teams.map((t) => t.teamId) });
    // The same seed and candidates in another course give the same teams.
    const other = newCourse();
    const k2 = await setUpClass(other);
    expect((await other.call('draw.run', { sessionId: k2.sessions[0]!, teams: 2, seed: 'week-1' })).teams).toEqual(d.teams);
  });

  it('draws no team again until every eligible team has had a turn', async () => {
    const c = newCourse();
    const k = await setUpClass(c, 4);
    const drawn: string[] = [];
    for (const s of k.sessions.slice(0, 3)) drawn.push((await c.call('draw.run', { sessionId: s, seed: `s${s}` })).teams[0]!.name);
    expect([...drawn].sort()).toEqual(['Falcons', 'Hawks', 'Owls']);
    const fourth = await c.call('draw.candidates', { sessionId: k.sessions[3]! });
    expect(fourth.eligible.map((t) => t.turns)).toEqual([1, 1, 1]);
    expect(fourth.fewestTurns).toHaveLength(3);
  });

  it('lifts the fairness rule for one draw only with a recorded reason', async () => {
    const c = newCourse();
    const k = await setUpClass(c, 2);
    const first = await c.call('draw.run', { sessionId: k.sessions[0]!, seed: 'a' });
    const again = first.teams[0]!.teamId;
    // Only the already drawn team and one other are here; the rule alone would always pick the other.
    for (const t of k.teams) if (t.id !== again) for (const id of t.members) k.mark(k.sessions[1]!, id, 'absent');
    k.mark(k.sessions[1]!, k.teams.find((t) => t.id === again)!.members[0]!, 'present');
    const lifted = await c.call('draw.run', { sessionId: k.sessions[1]!, seed: 'b', liftRule: 'Only this team came prepared' });
    expect(lifted).toMatchObject({ rule: 'lifted', liftReason: 'Only this team came prepared', teams: [{ teamId: again }] });
    expect((await c.call('draw.verify', { id: lifted.id })).ok).toBe(true);
  });

  it('asks for a reason to redraw a session; the redraw withdraws the earlier draw, which stays listed', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    const s = k.sessions[0]!;
    const first = await c.call('draw.run', { sessionId: s, seed: 'first' });
    const refused = await c.fail('draw.run', { sessionId: s, seed: 'second' });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toMatch(/already has a draw \(.+, drawn Tue|already has a draw/);
    expect(refused.message).toContain('give the reason for it');
    const second = await c.call('draw.run', { sessionId: s, seed: 'second', redrawReason: 'The drawn team was presenting elsewhere' });
    expect(second.redrawReason).toBe('The drawn team was presenting elsewhere');
    const listed = await c.call('draw.list', { sessionId: s });
    expect(listed.map((d) => [d.id, d.withdrawnAt !== null])).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect(listed[0]!.withdrawReason).toBe('Redrawn: The drawn team was presenting elsewhere');
    // The withdrawn draw's turn does not count in the redraw's candidates.
    expect(second.candidates.every((t) => t.turns === 0)).toBe(true);
  });

  it('never erases a draw: undo withdraws it (it stays listed, across reopening), redo and revert keep the rule', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    const d = await c.call('draw.run', { sessionId: k.sessions[0]!, seed: 'shown' });
    expect((await c.call('history.state', {})).undoLabel).toMatch(/^Draw (Falcons|Hawks|Owls) for week 1, Class 1, 2026-09-08$/);
    await c.call('history.undo', {});
    c.reopen();
    const [undone] = await c.call('draw.list', {});
    expect(undone).toMatchObject({ id: d.id, seed: 'shown', teams: d.teams });
    expect(undone!.withdrawnAt).not.toBeNull();
    expect(undone!.withdrawReason).toMatch(/^Undo: Draw/);
    expect((await c.call('draw.candidates', { sessionId: k.sessions[0]! })).earlierDraws).toEqual([]);
    await c.call('history.redo', {});
    expect((await c.call('draw.list', {}))[0]!.withdrawnAt).toBeNull();
    const batch = (
      db(c).prepare("SELECT batch_id FROM audit WHERE entity = 'presentation_draw' ORDER BY id LIMIT 1").get() as { batch_id: number }
    ).batch_id;
    await c.call('history.revert', { batchId: batch });
    expect(count(c, 'SELECT * FROM presentation_draw')).toBe(1);
    expect((await c.call('draw.list', {}))[0]!.withdrawnAt).not.toBeNull();
    // Withdrawn draws still verify from what they store.
    expect((await c.call('draw.verifyAll', {})).ok).toBe(true);
    const history = await c.call('history.list', { entity: 'presentation_draw' });
    expect(new Set(history.entries.map((e) => e.subject))).toEqual(new Set(['Week 1 · Tue 8 Sep']));
    expect(history.entries.every((e) => e.after !== null)).toBe(true);
  });

  it('withdraws a draw with a reason as one undo step, and refuses to withdraw it twice', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    const d = await c.call('draw.run', { sessionId: k.sessions[0]! });
    const w = await c.call('draw.withdraw', { id: d.id, reason: 'Fire drill' });
    expect(w).toMatchObject({ withdrawReason: 'Fire drill' });
    expect(await c.fail('draw.withdraw', { id: d.id, reason: 'again' })).toMatchObject({ code: 'conflict' });
    expect(await c.fail('draw.projector', { id: d.id })).toMatchObject({ code: 'conflict' });
    await c.call('history.undo', {});
    expect((await c.call('draw.list', {}))[0]!.withdrawnAt).toBeNull();
  });

  it('fails verification of a tampered stored draw', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    const d = await c.call('draw.run', { sessionId: k.sessions[0]!, seed: 'honest' });
    const other = d.candidates.find((t) => t.teamId !== d.teams[0]!.teamId)!;
    db(c)
      .prepare('UPDATE presentation_draw SET result_json = ? WHERE id = ?')
      .run(JSON.stringify([other.teamId]), d.id);
    const v = await c.call('draw.verify', { id: d.id });
    expect(v).toMatchObject({ ok: false, actual: [other.teamId], expected: [d.teams[0]!.teamId] });
    expect(v.message).toContain('does NOT verify');
    expect((await c.call('draw.verifyAll', {})).ok).toBe(false);
  });
});

describe('the projector view', () => {
  it('shows team names, members and readings, and nothing private', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    await c.call('reading.add', {
      week: 1,
      title: 'Hidden Technical Debt in ML Systems',
      authors: 'Sculley et al.',
      link: 'https://papers.nips.cc/x',
    });
    const d = await c.call('draw.run', { sessionId: k.sessions[0]!, teams: 3 });
    const view = await c.call('draw.projector', { id: d.id });
    expect(view.teams.map((t) => t.name).sort()).toEqual(['Falcons', 'Hawks', 'Owls']);
    expect(view.teams[0]!.readings).toEqual([{ title: 'Hidden Technical Debt in ML Systems', authors: 'Sculley et al.' }]);
    expect(view.teams.find((t) => t.name === 'Falcons')!.members).toEqual([
      { name: 'Last1, First1', absent: false },
      { name: 'Last2, First2', absent: false },
      { name: 'Last3, First3', absent: false },
    ]);
    const text = JSON.stringify(view);
    for (const secret of ['7374', '@example.edu', 'DRC', 'Extra time', 'https://']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"(id|teamId|studentId|score|grade)"/);
  });

  it('lists only the presenting team’s readings and marks its absent members', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    const debt = await c.call('reading.add', { week: 1, title: 'Hidden Technical Debt in ML Systems' });
    await c.call('reading.add', { week: 1, title: 'Rules of ML' });
    for (const t of k.teams) for (const id of t.members) k.mark(k.sessions[0]!, id, 'present');
    const falcons = k.teams[0]!;
    k.mark(k.sessions[0]!, falcons.members[1]!, 'absent');
    const d = await c.call('draw.run', { sessionId: k.sessions[0]!, teams: 3 });
    await c.call('presentation.record', {
      sessionId: k.sessions[0]!,
      teamId: falcons.id,
      readingIds: [debt.id],
      presenterIds: [falcons.members[0]!],
    });
    const view = await c.call('draw.projector', { id: d.id });
    const byName = new Map(view.teams.map((t) => [t.name, t]));
    expect(byName.get('Falcons')!.readings.map((r) => r.title)).toEqual(['Hidden Technical Debt in ML Systems']);
    expect(byName.get('Hawks')!.readings.map((r) => r.title)).toEqual(['Rules of ML']);
    expect(byName.get('Falcons')!.members.filter((m) => m.absent)).toEqual([{ name: 'Last2, First2', absent: true }]);
    expect(byName.get('Hawks')!.members.some((m) => m.absent)).toBe(false);
  });
});
