import { describe, expect, it } from 'vitest';
import type { DrawCandidates, PresentationDraft } from '@shared/api/presentations';
import {
  EMPTY_DRAW,
  draftToForm,
  formToDraw,
  formToReading,
  formToRecord,
  formToRubric,
  gradeDestination,
  readingToForm,
  rubricTotal,
  defaultSession,
  sessionLabel,
  teamGradeForAbsent,
} from '@shared/screens/presentationForm';

const session = { id: 7, date: '2026-09-15', title: null, week: 2, rollTaken: true, presentCount: 20, drawCount: 0 };

const candidates = (over: Partial<DrawCandidates> = {}): DrawCandidates => ({
  session,
  eligible: [
    { teamId: 1, name: 'Team A', turns: 0, membersPresent: 3, members: 4 },
    { teamId: 2, name: 'Team B', turns: 1, membersPresent: 4, members: 4 },
  ],
  excluded: [],
  fewestTurns: [1],
  earlierDraws: [],
  blocked: null,
  ...over,
});

describe('formToDraw', () => {
  it('builds the draw with only what was filled in', () => {
    expect(formToDraw(EMPTY_DRAW, candidates(), [])).toEqual({ ok: true, input: { sessionId: 7, teams: 1 } });
    const r = formToDraw({ ...EMPTY_DRAW, teams: '2', seed: ' abc ', liftRule: true, liftReason: 'Team B volunteered' }, candidates(), [
      { teamId: 3, reason: 'Team C presents at the conference' },
    ]);
    expect(r).toEqual({
      ok: true,
      input: {
        sessionId: 7,
        teams: 2,
        seed: 'abc',
        liftRule: 'Team B volunteered',
        exclusions: [{ teamId: 3, reason: 'Team C presents at the conference' }],
      },
    });
  });

  it('refuses more teams than can be drawn, and a lifted rule or redraw without a reason', () => {
    const r = formToDraw({ ...EMPTY_DRAW, teams: '3', liftRule: true }, candidates({ earlierDraws: [4] }), []);
    expect(r).toEqual({
      ok: false,
      errors: {
        teams: 'Only 2 teams can be drawn in this session; draw at most 2.',
        liftReason: 'Say why the fairness rule is lifted for this draw; it is stored with the draw.',
        redrawReason: 'This session already has a draw. Say why you draw again; the earlier draw stays listed.',
      },
    });
    expect(formToDraw({ ...EMPTY_DRAW, teams: '1.5' }, candidates(), [])).toMatchObject({ ok: false, errors: { teams: /whole number/ } });
    expect(formToDraw({ ...EMPTY_DRAW, teams: '1' }, candidates({ eligible: [] }), [])).toMatchObject({
      ok: false,
      errors: { teams: 'Only 0 teams can be drawn in this session; draw at most 0.' },
    });
  });

  it('sends the redraw reason when the session already has a draw', () => {
    expect(formToDraw({ ...EMPTY_DRAW, redrawReason: 'Wrong session' }, candidates({ earlierDraws: [4] }), [])).toEqual({
      ok: true,
      input: { sessionId: 7, teams: 1, redrawReason: 'Wrong session' },
    });
  });
});

const draft = (over: Partial<PresentationDraft> = {}): PresentationDraft => ({
  session,
  teamId: 1,
  teamName: 'Team A',
  members: [
    { studentId: 11, name: 'Ada', mark: 'present' },
    { studentId: 12, name: 'Bo', mark: 'absent' },
  ],
  presenterIds: [11],
  readings: [{ id: 3, week: 2, sessionId: null, title: 'Paper', authors: null, link: null, chapter: null, position: 0 }],
  rubric: [
    { name: 'Content', points: 4 },
    { name: 'Clarity', points: 3 },
    { name: 'Q&A', points: 3 },
  ],
  existing: null,
  ...over,
});

describe('the record form', () => {
  it('starts from the members present and the only reading, or from the existing record', () => {
    expect(draftToForm(draft())).toEqual({ readingIds: [3], presenterIds: [11], duration: '', criteria: ['', '', ''], feedback: '' });
    const existing = {
      id: 9,
      drawId: 2,
      sessionId: 7,
      date: '2026-09-15',
      week: 2,
      teamId: 1,
      teamName: 'Team A',
      readingIds: [],
      presenterIds: [11, 12],
      durationMinutes: 12,
      rubric: [
        { criterion: 'Content', points: 4 },
        { criterion: 'Clarity', points: 2.5 },
        { criterion: 'Q&A', points: 3 },
      ],
      score: 9.5,
      pointsPossible: 10,
      feedback: 'Good',
      itemId: 40,
    };
    expect(draftToForm(draft({ existing }))).toEqual({
      readingIds: [],
      presenterIds: [11, 12],
      duration: '12',
      criteria: ['4', '2.5', '3'],
      feedback: 'Good',
    });
  });

  it('records a rubric grade, or no grade when every criterion is empty', () => {
    const f = { ...draftToForm(draft()), criteria: ['4', '2.5', '3'], duration: '11', feedback: '  Clear slides ' };
    expect(formToRecord(f, draft())).toEqual({
      ok: true,
      input: {
        sessionId: 7,
        teamId: 1,
        readingIds: [3],
        presenterIds: [11],
        durationMinutes: 11,
        rubric: [
          { criterion: 'Content', points: 4 },
          { criterion: 'Clarity', points: 2.5 },
          { criterion: 'Q&A', points: 3 },
        ],
        feedback: 'Clear slides',
      },
    });
    expect(rubricTotal(f, draft().rubric)).toBe('9.5/10');
    const ungraded = formToRecord(draftToForm(draft()), draft());
    expect(ungraded).toMatchObject({ ok: true, input: { rubric: [], durationMinutes: null, feedback: null } });
    expect(rubricTotal(draftToForm(draft()), draft().rubric)).toBe('not graded yet (out of 10)');
  });

  it('names every field that is wrong', () => {
    const f = { ...draftToForm(draft()), presenterIds: [], duration: 'ten', criteria: ['5', '', 'x'] };
    expect(formToRecord(f, draft())).toEqual({
      ok: false,
      errors: {
        duration: 'Duration in minutes: a number from 0 to 600, or leave it empty.',
        presenterIds: 'Tick who presented (at least one member of Team A).',
        criteria: [
          'Content is out of 4: type a number from 0 to 4.',
          'Give Clarity a score from 0 to 3, or clear every criterion to record without a grade.',
          "'x' is not a number. Type Q&A's points, from 0 to 3.",
        ],
      },
    });
  });

  it('refuses a record without a reading when the session lists some', () => {
    const f = { ...draftToForm(draft()), readingIds: [] };
    expect(formToRecord(f, draft())).toEqual({ ok: false, errors: { readingIds: 'Tick the reading Team A presented.' } });
    expect(formToRecord(f, draft({ readings: [] }))).toMatchObject({ ok: true });
  });

  it('asks before a graded record gives members who did not present the team grade', () => {
    const graded = { ...draftToForm(draft()), criteria: ['4', '3', '3'] };
    expect(teamGradeForAbsent(graded, draft(), 'team')).toBe(
      "Bo (absent) did not present and gets Team A's grade too, as the course's rule says. Save again to confirm, or tick who presented.",
    );
    expect(teamGradeForAbsent(graded, draft(), 'zero')).toBeNull();
    expect(teamGradeForAbsent({ ...graded, presenterIds: [11, 12] }, draft(), 'team')).toBeNull();
    expect(teamGradeForAbsent(draftToForm(draft()), draft(), 'team')).toBeNull();
  });

  it('says where the grade goes', () => {
    expect(gradeDestination(3, { category: 'Reading assignments', name: 'Presentation week 3' })).toBe(
      'Reading assignments: Presentation week 3',
    );
    expect(gradeDestination(4, null)).toBe('Reading assignments: Presentation week 4 (created when you save)');
  });
});

describe('formToRubric', () => {
  it('builds the rubric setting', () => {
    expect(
      formToRubric({
        rows: [
          { name: ' Content ', points: '4' },
          { name: 'Q&A', points: '3' },
        ],
        absentPresenter: 'zero',
      }),
    ).toEqual({
      ok: true,
      input: {
        rubric: [
          { name: 'Content', points: 4 },
          { name: 'Q&A', points: 3 },
        ],
        absentPresenter: 'zero',
      },
    });
  });

  it('names each bad row, and an empty rubric', () => {
    const r = formToRubric({
      rows: [
        { name: '', points: '4' },
        { name: 'Content', points: '0' },
        { name: 'content', points: '2' },
        { name: 'Q&A', points: '3' },
      ],
      absentPresenter: 'team',
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        rows: [
          'Name the criterion, e.g. "Content".',
          'Content: points must be a number above 0 (e.g. 4).',
          '"content" is listed twice; give each criterion its own name.',
          undefined,
        ],
      },
    });
    expect(formToRubric({ rows: [], absentPresenter: 'team' })).toMatchObject({ ok: false, errors: { whole: /at least one criterion/ } });
  });
});

describe('formToReading', () => {
  it('accepts a web link or a DOI and trims the fields', () => {
    expect(formToReading({ title: ' Hidden debt ', authors: '', link: 'https://papers.nips.cc/x', week: '3', chapter: '1' })).toEqual({
      ok: true,
      input: { title: 'Hidden debt', authors: null, link: 'https://papers.nips.cc/x', week: 3, chapter: 1 },
    });
    expect(formToReading({ ...readingToForm(null, null), title: 'T', link: '10.1145/3292500.3330701' })).toMatchObject({
      ok: true,
      input: { week: null, chapter: null, link: '10.1145/3292500.3330701' },
    });
  });

  it('names a missing title, a bad week and a link that is neither', () => {
    expect(formToReading({ title: ' ', authors: '', link: 'www.example', week: '0', chapter: '' })).toEqual({
      ok: false,
      errors: {
        title: 'A title is required, e.g. "Hidden Technical Debt in Machine Learning Systems".',
        week: 'Week: a whole number from 1 to 60, or leave it empty.',
        link: '"www.example" is neither a web link (https://…) nor a DOI (10.…). Fix it or leave it empty.',
      },
    });
  });
});

describe('choosing the session', () => {
  const s = (id: number, date: string) => ({ ...session, id, date });
  const sessions = [s(1, '2026-09-08'), s(2, '2026-09-15'), s(3, '2026-09-22')];
  it("takes today's session, else the latest before today, in the course's zone", () => {
    // 02:00 UTC on the 22nd is still the 21st in New York.
    expect(defaultSession(sessions, Date.parse('2026-09-22T02:00:00Z'), 'America/New_York')?.id).toBe(2);
    expect(defaultSession(sessions, Date.parse('2026-09-22T02:00:00Z'), 'UTC')?.id).toBe(3);
    expect(defaultSession(sessions, Date.parse('2026-01-01T12:00:00Z'), 'UTC')?.id).toBe(1);
    expect(defaultSession([], 0, 'UTC')).toBeNull();
  });
  it('labels a session with its week, day, roll and draws', () => {
    expect(sessionLabel({ ...session, drawCount: 1 })).toBe('Week 2, Tue 15 Sep: 20 students present, 1 draw');
    expect(sessionLabel({ ...session, title: 'Guest lecture', rollTaken: false })).toBe(
      'Week 2, Tue 15 Sep (Guest lecture): roll not taken',
    );
  });
});
