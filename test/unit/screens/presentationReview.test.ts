import { describe, expect, it } from 'vitest';
import type { Draw, Review, Verification } from '@shared/api/presentations';
import { gradeText, recordedForDraw, reviewModel } from '@shared/screens/presentationReview';
import { formatDay } from '@shared/time/format';

const verification = (drawId: number, ok: boolean): Verification => ({
  drawId,
  ok,
  expected: [1],
  actual: ok ? [1] : [2],
  message: ok ? `Draw ${drawId} verifies.` : `Draw ${drawId} does not match: stored Team B, recomputed Team A.`,
});

const draw = (id: number, over: Partial<Draw & { verification: Verification }> = {}): Draw & { verification: Verification } => ({
  id,
  sessionId: 10,
  sessionDate: '2026-09-08',
  week: 1,
  drawnAt: '2026-09-08T14:05:00Z',
  seed: `seed-${id}`,
  algorithm: 'sfc32',
  teamsCount: 1,
  candidates: [
    { teamId: 1, name: 'Team A', turns: 0 },
    { teamId: 2, name: 'Team B', turns: 1 },
  ],
  excluded: [{ teamId: 3, name: 'Team C', turns: 0, kind: 'absent', reason: 'Nobody on the team was marked present.' }],
  rule: 'fewest-turns',
  liftReason: null,
  redrawReason: null,
  teams: [{ teamId: 1, name: 'Team A' }],
  withdrawnAt: null,
  withdrawReason: null,
  verification: verification(id, true),
  ...over,
});

const review = (over: Partial<Review> = {}): Review => ({
  weeks: [
    { week: 2, sessions: [{ id: 11, date: '2026-09-15' }] },
    { week: 1, sessions: [{ id: 10, date: '2026-09-08' }] },
  ],
  teams: [
    { teamId: 1, name: 'Team A', presented: 2, lastDate: '2026-09-15', turns: 2 },
    { teamId: 2, name: 'Team B', presented: 0, lastDate: null, turns: 0 },
  ],
  cells: [
    {
      week: 2,
      teamId: 1,
      presentationId: 6,
      date: '2026-09-15',
      readings: ['Paper 2'],
      presenters: ['Ada'],
      score: null,
      pointsPossible: 10,
    },
    {
      week: 1,
      teamId: 1,
      presentationId: 5,
      date: '2026-09-08',
      readings: ['Paper 1', 'Blog'],
      presenters: ['Ada', 'Bo'],
      score: 8.5,
      pointsPossible: 10,
    },
  ],
  students: [
    { studentId: 1, name: 'Lovelace, Ada', teamName: 'Team A', presented: 2 },
    { studentId: 2, name: 'Bo, Li', teamName: 'Team A', presented: 1 },
    { studentId: 3, name: 'Cy, Ro', teamName: null, presented: 0 },
  ],
  teamsNotPresented: [2],
  studentsNotPresented: [3],
  draws: [draw(1)],
  ...over,
});

describe('formatDay', () => {
  it('reads a class day without moving it across midnight', () => {
    expect(formatDay('2026-09-08')).toBe('Tue 8 Sep');
    expect(formatDay('2026-01-01')).toBe('Thu 1 Jan');
  });
});

describe('gradeText', () => {
  it('shows points as entered, or says the presentation is not graded', () => {
    expect(gradeText(8.5, 10)).toBe('8.5/10');
    expect(gradeText(null, 10)).toBe('not graded');
  });
});

describe('reviewModel', () => {
  it('lays presentations out as weeks in order x teams', () => {
    const m = reviewModel(review(), 'America/New_York');
    expect(m.weeks).toEqual([
      { week: 1, label: 'Week 1', dates: ['Tue 8 Sep'] },
      { week: 2, label: 'Week 2', dates: ['Tue 15 Sep'] },
    ]);
    const a = m.teams.find((t) => t.name === 'Team A')!;
    expect(a.cells[0]).toEqual([
      { presentationId: 5, date: 'Tue 8 Sep', readings: 'Paper 1; Blog', presenters: 'Ada; Bo', grade: '8.5/10' },
    ]);
    expect(a.cells[1]![0]!.grade).toBe('not graded');
    expect(a.lastDate).toBe('Tue 15 Sep');
    expect(m.teams.find((t) => t.name === 'Team B')!.cells).toEqual([[], []]);
  });

  it('names who has not presented, in words', () => {
    const m = reviewModel(review(), 'America/New_York');
    expect(m.teams.map((t) => [t.name, t.notPresented])).toEqual([
      ['Team A', false],
      ['Team B', true],
    ]);
    expect(m.teamSummary).toBe('1 of 2 teams has not presented yet: Team B.');
    expect(m.studentSummary).toBe('1 of 3 students has not presented yet: Cy, Ro.');
    expect(m.students.find((s) => s.studentId === 3)!.team).toBe('no team');
    const all = reviewModel(review({ teamsNotPresented: [], studentsNotPresented: [] }), 'UTC');
    expect(all.teamSummary).toBe('Every team has presented.');
    expect(reviewModel(review({ teams: [], cells: [], teamsNotPresented: [] }), 'UTC').teamSummary).toBe('No teams yet.');
  });

  it('shortens a long list of names', () => {
    const teams = Array.from({ length: 15 }, (_, i) => ({ teamId: i + 1, name: `T${i + 1}`, presented: 0, lastDate: null, turns: 0 }));
    const m = reviewModel(review({ teams, cells: [], teamsNotPresented: teams.map((t) => t.teamId) }), 'UTC');
    expect(m.teamSummary).toBe('15 of 15 teams have not presented yet: T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12 and 3 more.');
  });

  it('gives the chart one bar per team', () => {
    expect(reviewModel(review(), 'UTC').chart).toEqual([
      { name: 'Team A', presented: 2 },
      { name: 'Team B', presented: 0 },
    ]);
  });

  it('lists every draw with its seed, candidates, exclusions, rule and verification', () => {
    const m = reviewModel(
      review({
        draws: [
          draw(1),
          draw(2, {
            rule: 'lifted',
            liftReason: 'Team A asked to go again',
            redrawReason: 'Projector failed',
            withdrawnAt: '2026-09-08T14:10:00Z',
            withdrawReason: 'Undone',
            verification: verification(2, false),
          }),
        ],
      }),
      'America/New_York',
    );
    const [first, second] = m.draws;
    expect(first).toMatchObject({
      seed: 'seed-1',
      session: 'Tue 8 Sep',
      drawnAt: 'Tue 8 Sep, 10:05 am EDT',
      candidates: 'Team A (0 turns), Team B (1 turn)',
      excluded: 'Team C: Nobody on the team was marked present.',
      drawn: 'Team A',
      rule: 'Fairness rule applied (fewest turns first)',
      withdrawn: null,
      verified: true,
    });
    expect(second).toMatchObject({
      rule: 'Fairness rule lifted: Team A asked to go again',
      redrawReason: 'Projector failed',
      withdrawn: 'Withdrawn Tue 8 Sep, 10:10 am EDT: Undone',
      verified: false,
      verification: 'Draw 2 does not match: stored Team B, recomputed Team A.',
    });
    expect(m.allVerified).toBe(false);
  });

  it('refuses a cell outside the table as a bug', () => {
    const bad = review({ cells: [{ ...review().cells[0]!, week: 9 }] });
    expect(() => reviewModel(bad, 'UTC')).toThrow(/week 9/);
  });
});

describe('recordedForDraw', () => {
  const draw = {
    id: 4,
    teams: [
      { teamId: 1, name: 'Owls' },
      { teamId: 2, name: 'Hawks' },
    ],
  };
  it('warns, naming the records that stay, before a draw with recorded presentations is withdrawn', () => {
    expect(recordedForDraw(draw, [{ drawId: 4, teamId: 1, teamName: 'Owls' }])).toBe(
      'The presentation of Owls is recorded for this draw. Withdrawing the draw keeps the record and its grade; delete it under Records if it should go too.',
    );
    expect(
      recordedForDraw(draw, [
        { drawId: 4, teamId: 1, teamName: 'Owls' },
        { drawId: null, teamId: 2, teamName: 'Hawks' },
      ]),
    ).toMatch(/^The presentations of Owls, Hawks are recorded for this draw\. .* the records and their grades; delete them/);
  });
  it('says nothing when no record belongs to the draw', () => {
    expect(recordedForDraw(draw, [{ drawId: 9, teamId: 3, teamName: 'Falcons' }])).toBeNull();
  });
});
