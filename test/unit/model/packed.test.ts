import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blankScore,
  blankSession,
  IE7374_POLICY,
  PackedSnapshot,
  packSnapshot,
  unpackSnapshot,
  type AttendanceRecord,
  type CourseSnapshot,
  type Score,
  type TeamScore,
} from '@shared/model';

const id = fc.integer({ min: 1, max: 5000 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });
const cellFields = {
  value: maybe(fc.double({ min: -100, max: 200, noNaN: true, noDefaultInfinity: true })),
  status: maybe(fc.constantFrom('excused' as const, 'missing' as const, 'exempt' as const)),
  submittedAt: maybe(fc.constantFrom('2026-09-17T20:00:00.000Z', '2026-10-01T03:59:00.000Z')),
  daysLate: maybe(fc.constantFrom(0, 0.5, 2)),
  extensionDays: maybe(fc.constantFrom(0, 1, 7)),
  waiverReason: maybe(fc.string({ maxLength: 20 })),
  comment: maybe(fc.string({ maxLength: 20 })),
};
const scoreArb: fc.Arbitrary<Score> = fc.record({
  studentId: id,
  itemId: id,
  ...cellFields,
  integrity: maybe(fc.record({ date: fc.constant('2026-09-20'), note: fc.string({ minLength: 1, maxLength: 10 }) })),
  adjustment: maybe(fc.record({ mode: fc.constantFrom('replace' as const, 'delta' as const), value: fc.integer({ min: -5, max: 5 }) })),
});
const teamScoreArb: fc.Arbitrary<TeamScore> = fc.record({ teamId: id, itemId: id, ...cellFields });
const attendanceArb: fc.Arbitrary<AttendanceRecord> = fc.record({
  sessionId: id,
  studentId: id,
  mark: fc.constantFrom('present' as const, 'late' as const, 'absent' as const, 'excused' as const),
});

const snapshotWith = (scores: Score[], teamScores: TeamScore[], attendance: AttendanceRecord[]): CourseSnapshot => ({
  course: { name: 'Packed', code: null, term: null },
  policy: IE7374_POLICY,
  categories: [],
  students: [],
  teams: [{ id: 1, name: 'Team A' }],
  memberships: [{ teamId: 1, studentId: 2, from: '2026-09-01T00:00:00.000Z', to: null }],
  items: [],
  scores,
  teamScores,
  attendanceSessions: [blankSession(1, '2026-09-02')],
  attendance,
  overrides: [{ studentId: 2, letter: 'B', percent: null, reason: 'Medical' }],
});

describe('packed snapshot', () => {
  it('unpacks to exactly the snapshot it was packed from, also through JSON and the schema', () => {
    fc.assert(
      fc.property(
        fc.array(scoreArb, { maxLength: 40 }),
        fc.array(teamScoreArb, { maxLength: 10 }),
        fc.array(attendanceArb, { maxLength: 10 }),
        (scores, teamScores, attendance) => {
          // A plain-object copy: fast-check's records have no prototype, and toStrictEqual compares it.
          const snapshot = JSON.parse(JSON.stringify(snapshotWith(scores, teamScores, attendance))) as CourseSnapshot;
          const packed = packSnapshot(snapshot);
          expect(unpackSnapshot(packed)).toStrictEqual(snapshot);
          const wire = PackedSnapshot.parse(JSON.parse(JSON.stringify(packed)));
          expect(unpackSnapshot(wire)).toStrictEqual(snapshot);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('carries a plain score as three numbers and lists only the fields a cell has', () => {
    const plain = blankScore(3, 7, 9.5);
    const flagged: Score = { ...plain, itemId: 8, value: null, status: 'excused', integrity: { date: '2026-09-20', note: 'Copied' } };
    const packed = packSnapshot(snapshotWith([plain, flagged], [], []));
    expect(packed.scores).toEqual({
      studentIds: [3, 3],
      itemIds: [7, 8],
      values: [9.5, null],
      extras: [[1, { status: 'excused', integrity: { date: '2026-09-20', note: 'Copied' } }]],
    });
    expect(JSON.stringify(packed.scores).length).toBeLessThan(JSON.stringify([plain, flagged]).length / 2);
  });

  it('refuses columns that do not line up and extras that point past the cells', () => {
    const packed = packSnapshot(snapshotWith([], [], []));
    const short = { ...packed, scores: { studentIds: [1, 2], itemIds: [1], values: [1, 2], extras: [] } };
    expect(PackedSnapshot.safeParse(short).error?.issues[0]?.message).toMatch(/itemIds has 1 entries, expected 2/);
    const stray = { ...packed, teamScores: { teamIds: [1], itemIds: [1], values: [null], extras: [[1, { comment: 'x' }]] } };
    expect(PackedSnapshot.safeParse(stray).error?.issues[0]?.message).toMatch(/extras point at cell 1 of 1/);
    const unknownField = { ...packed, scores: { studentIds: [1], itemIds: [1], values: [1], extras: [[0, { colour: 'red' }]] } };
    expect(PackedSnapshot.safeParse(unknownField).success).toBe(false);
  });
});
