import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attendanceTotals,
  lastAttendedDates,
  longestAbsenceRun,
  prepareAttendance,
  sessionOutcomes,
  sessionStart,
} from '@shared/grading/attendance';
import { AttendanceMark, blankSession, Policy, type AttendanceRule, type AttendanceSession } from '@shared/model';
import { IE7374_POLICY } from '@shared/model/preset';
import { category, categoryOf, gradeOne, policy, snapshot } from './helpers';

const TZ = 'America/New_York';
/** Six sessions, 2024-09-02 ... 2024-09-07, 10:00 local. */
const sessions: AttendanceSession[] = [1, 2, 3, 4, 5, 6].map((id) => ({ ...blankSession(id, `2024-09-0${id + 1}`), start: '10:00' }));
const AFTER_ALL = '2024-10-01T00:00:00Z';
/** After session 3 has started, before session 4. */
const AFTER_THIRD = '2024-09-04T15:00:00Z';

type Code = 'P' | 'L' | 'A' | 'E' | '-';
const CODE: Record<Exclude<Code, '-'>, AttendanceMark> = { P: 'present', L: 'late', A: 'absent', E: 'excused' };

/** The attendance category's result for one student with `codes` on sessions 1.. ('-' unmarked). */
function rate(codes: string, rule: Partial<AttendanceRule> = {}, opts: { asOf?: string; cancelled?: number[] } = {}) {
  const marks = [...codes].flatMap((c, i) => (c === '-' ? [] : [{ sessionId: i + 1, studentId: 1, mark: CODE[c as keyof typeof CODE] }]));
  const r = gradeOne(
    snapshot({
      policy: policy({ attendance: { ...IE7374_POLICY.attendance, ...rule } }),
      categories: [category(1, { kind: 'attendance' })],
      attendanceSessions: sessions.map((s) => ({ ...s, cancelled: opts.cancelled?.includes(s.id) ?? false })),
      attendance: marks,
    }),
    opts.asOf ?? AFTER_ALL,
  );
  const c = categoryOf(r, 1);
  expect(c.final).toEqual(c.current); // the rule itself says what counts, in both views
  return { display: c.current.display, result: r };
}

describe('the attendance rule', () => {
  it.each([
    ['PLAPPP', {}, '75.00'], // 4.5 / 6, late counts half
    ['PLAPPP', { late: 0.75 }, '79.17'], // 4.75 / 6
    ['PLAPPP', { late: 0 }, '66.67'],
    ['PEPPPP', {}, '100.00'], // excused leaves the denominator: 5 / 5
    ['PEAPPP', { excusedCounts: true }, '83.33'], // excused earns present credit: 5 / 6
    ['AEEEEE', {}, '0.00'],
    ['EEEEEE', {}, null], // nothing counted: no percentage, the weight goes elsewhere
  ] as const)('%s with %o is %s%%', (codes, rule, expected) => {
    expect(rate(codes, rule).display).toBe(expected);
  });

  it.each([
    ['PAAAPP', 0, '50.00'],
    ['PAAAPP', 2, '83.33'], // two of three absences forgiven: 5 / 6
    ['PAAAPP', 3, '100.00'],
    ['AAAAAA', 10, '100.00'], // more free absences than absences never passes 100%
    ['LAAAAA', 10, '91.67'], // forgiveness is for absences only: the late stays half
    ['PAEAPP', 1, '80.00'], // excused is not an absence: 4 of 5 after one forgiven
  ] as const)('%s with %i free absences is %s%%', (codes, freeAbsences, expected) => {
    expect(rate(codes, { freeAbsences }).display).toBe(expected);
  });

  it('free absences never give more than 100%, whatever the marks and rule', () => {
    const code = fc.constantFrom('P', 'L', 'A', 'E', '-');
    fc.assert(
      fc.property(
        fc.array(code, { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        fc.constantFrom('to-date', 'term'),
        fc.constantFrom('not-counted', 'absent'),
        (codes, freeAbsences, excusedCounts, scope, unmarked) => {
          const { display } = rate(codes.join(''), { freeAbsences, excusedCounts, scope, unmarked }, { asOf: AFTER_THIRD });
          expect(display === null || Number(display) <= 100).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('to date counts the sessions held so far; the whole term counts every session, upcoming ones earning nothing yet', () => {
    expect(rate('PPP---', { scope: 'to-date' }, { asOf: AFTER_THIRD }).display).toBe('100.00'); // 3 / 3
    expect(rate('PPP---', { scope: 'term' }, { asOf: AFTER_THIRD }).display).toBe('50.00'); // 3 / 6
    // A mark given ahead (an excused absence announced) counts in the whole-term view only.
    expect(rate('PPP--A', { scope: 'term' }, { asOf: AFTER_THIRD }).display).toBe('50.00');
    expect(rate('PPP--A', { scope: 'to-date' }, { asOf: AFTER_THIRD }).display).toBe('100.00');
  });

  it('a session starts counting at its start time in the course zone', () => {
    // Session 3 is 2024-09-04 10:00 EDT = 14:00 UTC.
    expect(rate('PPA---', {}, { asOf: '2024-09-04T13:59:00Z' }).display).toBe('100.00');
    expect(rate('PPA---', {}, { asOf: '2024-09-04T14:00:00Z' }).display).toBe('66.67');
  });

  it('an unmarked past session is not counted until marked ("roll not taken"), or counts as absent when the rule says so', () => {
    expect(rate('P-PPPP').display).toBe('100.00');
    expect(rate('P-PPPP', { unmarked: 'absent' }).display).toBe('83.33');
    expect(rate('P-PPPP', { unmarked: 'absent', freeAbsences: 1 }).display).toBe('100.00');
    // Upcoming sessions are never "roll not taken".
    const prep = prepareAttendance(IE7374_POLICY.attendance, sessions, TZ);
    expect(sessionOutcomes(['present'], prep, Date.parse(AFTER_THIRD))).toEqual([
      'present',
      'roll-not-taken',
      'roll-not-taken',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
  });

  it('a cancelled session counts for nobody, even with marks', () => {
    expect(rate('PAPPPP', {}, { cancelled: [2] }).display).toBe('100.00');
    expect(rate('PAPPPP', { unmarked: 'absent' }, { cancelled: [2, 3] }).display).toBe('100.00');
  });

  it('counts marks as entered and outcomes under the rule', () => {
    const prep = prepareAttendance({ ...IE7374_POLICY.attendance, freeAbsences: 1 }, sessions, TZ);
    const t = attendanceTotals(['present', 'absent', 'absent', 'excused', undefined, 'late'], prep, Date.parse(AFTER_ALL));
    expect(t.marks).toEqual({ present: 1, late: 1, absent: 2, excused: 1, unmarked: 1 });
    expect(t.outcomes).toMatchObject({ present: 1, late: 1, absent: 1, forgiven: 1, excused: 1, 'roll-not-taken': 1 });
    expect(t.sessions).toBe(4);
  });
});

describe('the low-attendance flag and the Explain trail', () => {
  it('flags a rate below the threshold, not one exactly at it', () => {
    expect(rate('PPPPA', { lowThreshold: 80 }).result.flags).not.toContain('low-attendance'); // 4 / 5 = 80%
    const low = rate('PPPAA-', { lowThreshold: 80 }).result; // 3 / 5 = 60%
    expect(low.flags).toContain('low-attendance');
    expect(low.explanation.map((l) => l.text)).toContain('Low attendance: 60.00% is below the 80% threshold');
  });

  it('says in the category line what was counted and why', () => {
    const { result } = rate('PLAAE-', { freeAbsences: 1 });
    const line = result.explanation.find((l) => l.kind === 'category')!.text;
    expect(line).toBe(
      'Cat1 (so far): 2.5 of 4 sessions (1 present, 1 late at 0.5, 1 absence, 1 absence forgiven (1 free), 1 excused (left out), ' +
        '1 without a roll (not counted until marked); sessions held so far) = 62.50%, weight 100% → 62.5000 points',
    );
  });
});

describe('runs of absences and the last attended date', () => {
  const prep = prepareAttendance(IE7374_POLICY.attendance, sessions, TZ);
  it('finds the longest run; excused and roll-not-taken sessions neither break nor extend it', () => {
    const o = sessionOutcomes(['absent', 'present', 'absent', 'excused', undefined, 'absent'], prep, Date.parse(AFTER_ALL));
    expect(longestAbsenceRun(o)).toEqual({ length: 2, from: 2, to: 5 });
    expect(longestAbsenceRun(sessionOutcomes(['present', 'late'], prep, Date.parse(AFTER_ALL)))).toBeNull();
  });

  it('the last attended session skips cancelled ones', () => {
    const snap = {
      policy: IE7374_POLICY,
      attendanceSessions: sessions.map((s) => ({ ...s, cancelled: s.id === 3 })),
      attendance: [
        { sessionId: 2, studentId: 1, mark: 'late' as const },
        { sessionId: 3, studentId: 1, mark: 'present' as const },
        { sessionId: 4, studentId: 1, mark: 'absent' as const },
        { sessionId: 4, studentId: 2, mark: 'absent' as const },
      ],
    };
    const last = lastAttendedDates(snap, Date.parse(AFTER_ALL));
    expect(last.get(1)).toBe('2024-09-03');
    expect(last.has(2)).toBe(false);
  });
});

describe('sessions and the time zone', () => {
  it('a session keeps its local time across the November DST change', () => {
    const before = sessionStart({ date: '2026-10-30', start: '10:00' }, TZ);
    const after = sessionStart({ date: '2026-11-02', start: '10:00' }, TZ);
    expect(new Date(before).toISOString()).toBe('2026-10-30T14:00:00.000Z'); // EDT
    expect(new Date(after).toISOString()).toBe('2026-11-02T15:00:00.000Z'); // EST
  });
});

describe('policies saved before these rules', () => {
  it('load with the preset values', () => {
    const old = { ...IE7374_POLICY, attendance: { present: 1, late: 0.5, absent: 0, excusedCounts: false } };
    expect(Policy.parse(JSON.parse(JSON.stringify(old))).attendance).toEqual({
      present: 1,
      late: 0.5,
      absent: 0,
      excusedCounts: false,
      freeAbsences: 0,
      lowThreshold: 80,
      scope: 'to-date',
      unmarked: 'not-counted',
    });
  });
});
