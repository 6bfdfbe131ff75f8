import { describe, expect, it } from 'vitest';
import { count, db, newCourse, type TestCourse } from '../workspace/helpers';
import { setUpClass, type Class } from './helpers';

const RUBRIC = [
  { name: 'Content', points: 4 },
  { name: 'Clarity', points: 3 },
  { name: 'Q&A', points: 3 },
];
const scores = (content: number, clarity: number, qa: number) => [
  { criterion: 'Content', points: content },
  { criterion: 'Clarity', points: clarity },
  { criterion: 'Q&A', points: qa },
];

async function presentingCourse(absentPresenter: 'team' | 'zero' | 'excused'): Promise<{ c: TestCourse; k: Class }> {
  const c = newCourse('ie7374');
  await c.call('presentation.saveSettings', { rubric: RUBRIC, absentPresenter });
  const k = await setUpClass(c);
  const [falcons] = k.teams;
  // Two Falcons present, the third absent.
  k.mark(k.sessions[0]!, falcons!.members[0]!, 'present');
  k.mark(k.sessions[0]!, falcons!.members[1]!, 'late');
  k.mark(k.sessions[0]!, falcons!.members[2]!, 'absent');
  return { c, k };
}

/** A student's Reading assignments category (current view) and the explanation text. */
async function reading(c: TestCourse, studentId: number) {
  const { students } = await c.call('grades.compute', {});
  const cat = students.find((s) => s.studentId === studentId)!.categories.find((x) => x.name === 'Reading assignments')!;
  const explain = await c.call('grades.explain', { studentId });
  const week = explain.items.find((i) => /^Presentation week/.test(i.name));
  return { percent: cat.current.percent, item: week, text: explain.explanation.map((l) => l.text).join('\n') };
}

describe('recording a presentation', () => {
  it('grades the team in Reading assignments; the absent member gets 0 when the setting says so, and Explain says why', async () => {
    const { c, k } = await presentingCourse('zero');
    const [falcons, hawks] = k.teams;
    const draft = await c.call('presentation.draft', { sessionId: k.sessions[0]!, teamId: falcons!.id });
    expect(draft.presenterIds).toEqual(falcons!.members.slice(0, 2));
    expect(draft.rubric).toEqual(RUBRIC);
    const p = await c.call('presentation.record', {
      sessionId: k.sessions[0]!,
      teamId: falcons!.id,
      rubric: scores(4, 2, 3),
      durationMinutes: 12,
      feedback: 'Clear summary; slides too dense.',
    });
    expect(p).toMatchObject({ week: 1, date: '2026-09-08', score: 9, pointsPossible: 10, presenterIds: falcons!.members.slice(0, 2) });
    const item = db(c).prepare('SELECT * FROM item WHERE id = ?').get(p.itemId) as Record<string, unknown>;
    expect(item).toMatchObject({ name: 'Presentation week 1', team_graded: 1, points_possible: 10, due_date: '2026-09-08' });

    const presenter = await reading(c, falcons!.members[0]!);
    expect(presenter.percent).toBe(90);
    expect(presenter.text).toContain('Reading assignments (so far): 9 of 10 points = 90.00%');
    expect(presenter.item).toMatchObject({
      name: 'Presentation week 1',
      raw: 9,
      effective: 9,
      team: { teamId: falcons!.id, teamScore: 9 },
    });
    const absent = await reading(c, falcons!.members[2]!);
    expect(absent.percent).toBe(0);
    expect(absent.text).toMatch(/Presentation week 1: individual score 0 replaces the team's 9/);
    // Teams that did not present that week are excused from its item, not given 0.
    const other = await reading(c, hawks!.members[0]!);
    expect(other.percent).toBeNull();
    expect(other.text).toContain('Presentation week 1: excused');
    expect((await c.call('history.state', {})).undoLabel).toBe("Record Falcons's presentation (week 1)");
    // One undo step takes back the record, the item it created and every cell it wrote.
    await c.call('history.undo', {});
    expect(count(c, 'SELECT * FROM item WHERE id = ?', p.itemId)).toBe(0);
    expect(count(c, 'SELECT * FROM presentation')).toBe(0);
    expect((await reading(c, falcons!.members[2]!)).percent).toBeNull();
  });

  it('excuses the absent member, or gives the team grade, per the setting', async () => {
    const excused = await presentingCourse('excused');
    const f = excused.k.teams[0]!;
    await excused.c.call('presentation.record', { sessionId: excused.k.sessions[0]!, teamId: f.id, rubric: scores(3, 3, 2) });
    expect((await reading(excused.c, f.members[2]!)).percent).toBeNull();
    expect((await reading(excused.c, f.members[0]!)).percent).toBe(80);

    const team = await presentingCourse('team');
    const t = team.k.teams[0]!;
    await team.c.call('presentation.record', { sessionId: team.k.sessions[0]!, teamId: t.id, rubric: scores(3, 3, 2) });
    expect((await reading(team.c, t.members[2]!)).percent).toBe(80);
  });

  it('takes back the 0 when the absent member is made a presenter, and undo restores it', async () => {
    const { c, k } = await presentingCourse('zero');
    const f = k.teams[0]!;
    const p = await c.call('presentation.record', { sessionId: k.sessions[0]!, teamId: f.id, rubric: scores(4, 3, 3) });
    expect((await reading(c, f.members[2]!)).percent).toBe(0);
    await c.call('presentation.update', { id: p.id, patch: { presenterIds: f.members } });
    expect((await reading(c, f.members[2]!)).percent).toBe(100);
    expect(count(c, 'SELECT * FROM score WHERE item_id = ?', p.itemId)).toBe(0);
    await c.call('history.undo', {});
    expect((await reading(c, f.members[2]!)).percent).toBe(0);
  });

  it('leaves a member cell the instructor wrote alone', async () => {
    const { c, k } = await presentingCourse('zero');
    const f = k.teams[0]!;
    const p = await c.call('presentation.record', { sessionId: k.sessions[0]!, teamId: f.id, rubric: scores(4, 3, 3) });
    await c.call('score.apply', {
      edits: [
        { studentId: f.members[0]!, itemId: p.itemId!, patch: { adjustment: { mode: 'delta', value: -1 }, comment: 'Late to start' } },
      ],
    });
    await c.call('presentation.update', { id: p.id, patch: { feedback: 'Good' } });
    expect((await reading(c, f.members[0]!)).percent).toBe(90);
  });

  it('links the standing draw that drew the team, and refuses a second record, strangers and bad rubric scores', async () => {
    const { c, k } = await presentingCourse('zero');
    const [falcons, hawks] = k.teams;
    const d = await c.call('draw.run', { sessionId: k.sessions[0]! });
    const p = await c.call('presentation.record', { sessionId: k.sessions[0]!, teamId: falcons!.id });
    expect(p).toMatchObject({ drawId: d.id, score: null, rubric: [] });
    expect(p.itemId).toBeNull();
    const bytes = c.fileBytes();
    expect(await c.fail('presentation.record', { sessionId: k.sessions[0]!, teamId: falcons!.id })).toMatchObject({ code: 'conflict' });
    const stranger = await c.fail('presentation.record', {
      sessionId: k.sessions[0]!,
      teamId: hawks!.id,
      presenterIds: [falcons!.members[0]!],
    });
    expect(stranger.message).toBe('Last1, First1 is not on Hawks on 2026-09-08; choose presenters among its members.');
    const missing = await c.fail('presentation.update', { id: p.id, patch: { rubric: scores(4, 3, 3).slice(0, 2) } });
    expect(missing.message).toBe('Rubric: "Q&A" has no score. Score every criterion (Content 4, Clarity 3, Q&A 3) or none.');
    const over = await c.fail('presentation.update', { id: p.id, patch: { rubric: scores(5, 3, 3) } });
    expect(over.message).toBe('Rubric: 5 for "Content" is more than its 4 points.');
    const unknown = await c.fail('presentation.update', {
      id: p.id,
      patch: { rubric: [...scores(4, 3, 3), { criterion: 'Style', points: 1 }] },
    });
    expect(unknown.message).toContain('"Style" is not a criterion');
    expect(await c.fail('presentation.record', { sessionId: k.sessions[0]!, teamId: 999 })).toMatchObject({ code: 'not_found' });
    expect(await c.fail('presentation.record', { sessionId: k.sessions[0]!, teamId: hawks!.id, drawId: 999 })).toMatchObject({
      code: 'not_found',
    });
    expect(c.fileBytes().equals(bytes)).toBe(true);
  });

  it('deletes a record with its grade as one undo step', async () => {
    const { c, k } = await presentingCourse('zero');
    const f = k.teams[0]!;
    const p = await c.call('presentation.record', { sessionId: k.sessions[0]!, teamId: f.id, rubric: scores(4, 3, 3) });
    await c.call('presentation.delete', { id: p.id });
    expect((await reading(c, f.members[0]!)).percent).toBeNull();
    await c.call('history.undo', {});
    expect((await reading(c, f.members[0]!)).percent).toBe(100);
    expect((await reading(c, f.members[2]!)).percent).toBe(0);
  });

  it('keeps the presentation settings when the grading policy is saved without them', async () => {
    const { c } = await presentingCourse('excused');
    const summary = await c.call('course.summary', {});
    const { presentations: _, ...policy } = summary.policy;
    const categories = summary.categories.map(({ position: __, ...cat }) => cat);
    await c.call('policy.save', { policy, categories });
    expect(await c.call('presentation.settings', {})).toEqual({ rubric: RUBRIC, absentPresenter: 'excused' });
  });
});

describe('the review', () => {
  it('lists weeks x teams, counts per team and student, who has not presented, and every draw verified', async () => {
    const { c, k } = await presentingCourse('zero');
    const [falcons, hawks, owls] = k.teams;
    const r1 = await c.call('reading.add', { week: 1, title: 'Rules of ML' });
    await c.call('draw.run', {
      sessionId: k.sessions[0]!,
      seed: 'x',
      exclusions: [
        { teamId: hawks!.id, reason: 'Away' },
        { teamId: owls!.id, reason: 'Away' },
      ],
    });
    await c.call('presentation.record', { sessionId: k.sessions[0]!, teamId: falcons!.id, readingIds: [r1.id], rubric: scores(4, 3, 3) });
    await c.call('presentation.record', { sessionId: k.sessions[1]!, teamId: hawks!.id, rubric: scores(2, 2, 2) });
    const review = await c.call('presentation.review', {});
    expect(review.weeks.map((w) => w.week)).toEqual([1, 2, 3]);
    expect(review.teams.map((t) => [t.name, t.presented, t.lastDate, t.turns])).toEqual([
      ['Falcons', 1, '2026-09-08', 1],
      ['Hawks', 1, '2026-09-15', 0],
      ['Owls', 0, null, 0],
    ]);
    expect(review.cells[0]).toMatchObject({
      week: 1,
      teamId: falcons!.id,
      readings: ['Rules of ML'],
      presenters: ['Last1, First1', 'Last2, First2'],
      score: 10,
    });
    expect(review.teamsNotPresented).toEqual([owls!.id]);
    // The absent Falcon and the Owls have not presented (Hawks had no roll taken: all presented).
    expect(review.studentsNotPresented.sort()).toEqual([falcons!.members[2]!, ...owls!.members].sort());
    expect(review.students.find((s) => s.studentId === falcons!.members[0])).toMatchObject({ presented: 1, teamName: 'Falcons' });
    expect(review.draws).toHaveLength(1);
    expect(review.draws[0]!.verification.ok).toBe(true);
  });
});
