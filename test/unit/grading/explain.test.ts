import { describe, expect, it } from 'vitest';
import { apportion, fmtPoints } from '@shared/grading/format';
import { formatDuration, formatInstant } from '@shared/time/format';
import { plural } from '@shared/text/words';
import { inclusionText } from '@shared/grading/explain';
import { category, gradeOne, item, itemOf, policy, score, snapshot, student, teamScore } from './helpers';
import type { StudentResult } from '@shared/grading';
import { blankSession } from '@shared/model';

const texts = (r: StudentResult) => r.explanation.map((l) => l.text);
const HOUR = 3_600_000;

describe('formatting', () => {
  it('shows points as entered: up to 6 decimals, trailing zeros trimmed', () => {
    expect(fmtPoints(93.995)).toBe('93.995');
    expect(fmtPoints(9.5)).toBe('9.5');
    expect(fmtPoints(9.5)).not.toBe('9.50');
    expect(fmtPoints(45)).toBe('45');
    expect(fmtPoints(0.123456)).toBe('0.123456');
    expect(fmtPoints(1 / 3)).toBe('0.333333');
    expect(fmtPoints(2 / 3)).toBe('0.666667');
    expect(fmtPoints(0.1 + 0.2)).toBe('0.3');
    expect(fmtPoints(-0)).toBe('0');
    expect(fmtPoints(-1e-9)).toBe('0');
    expect(fmtPoints(-2.5)).toBe('-2.5');
  });

  it('plurals', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(2, 'day')).toBe('2 days');
    expect(plural(0.5, 'day')).toBe('0.5 days');
    expect(plural(3, 'equally weighted item')).toBe('3 equally weighted items');
  });

  it('durations in started minutes, as hours and minutes', () => {
    expect(formatDuration(1)).toBe('1 min');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(48 * HOUR)).toBe('48 h');
    expect(formatDuration(38 * HOUR + 58 * 60_000 + 1)).toBe('38 h 59 min');
    expect(formatDuration(51 * HOUR)).toBe('51 h');
  });

  it("dates in the course's zone, naming it", () => {
    expect(formatInstant('2025-09-16T18:58:00Z', 'America/New_York')).toBe('Tue 16 Sep, 2:58 pm EDT');
    expect(formatInstant(Date.parse('2025-12-16T04:59:59.999Z'), 'America/New_York')).toBe('Mon 15 Dec, 11:59 pm EST');
  });

  it('apportions parts to add up to a target, within one step each', () => {
    const third = { n: 50n, d: 3n }; // 16.666…
    const twoThirds = { n: 100n, d: 3n }; // 33.333…
    expect(apportion([third, twoThirds], 500000n, 4)).toEqual([166667n, 333333n]);
    expect(apportion([third, { n: 40n, d: 1n }], 566666n, 4)).toEqual([166666n, 400000n]);
    expect(apportion([], 0n, 4)).toEqual([]);
  });
});

describe('explanation text: points as entered', () => {
  it('93.995 on a 100-point item stays 93.995 in the category line', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { name: 'Homework', weight: 40 }), category(2, { name: 'Exams', weight: 60 })],
        items: [item(1, 1, 10), item(2, 2, 100)],
        scores: [score(1, 1, 9.2), score(1, 2, 93.995)],
      }),
    );
    expect(texts(r)).toContain('Homework: 9.2 of 10 points = 92.00%, weight 40% → 36.8000 points');
    expect(texts(r)).toContain('Exams: 93.995 of 100 points = 94.00%, weight 60% → 56.3970 points');
    expect(texts(r)).toContain('Final grade: 36.8000 + 56.3970 = 93.1970');
    expect(texts(r)).toContain('Rounded 93.1970 → 93.20 (half-up, 2 decimals)');
  });

  it('9.5 is 9.5, not 9.50; thirds of a point to 6 decimals', () => {
    const r = gradeOne(
      snapshot({
        policy: policy({ grading: 'points' }),
        categories: [category(1, { name: 'Quizzes' }), category(2, { name: 'Bonus' })],
        items: [item(1, 1, 10), item(2, 2, 1 / 3)],
        scores: [score(1, 1, 9.5), score(1, 2, 1 / 3)],
      }),
    );
    expect(texts(r)).toContain("Quizzes: 9.5 of 10 points (91.9354… of the total's 100)");
    expect(texts(r)).toContain("Bonus: 0.333333 of 0.333333 points (3.2258… of the total's 100)");
    expect(texts(r)).toContain('Final grade: 9.833333 of 10.333333 points = 95.1612…');
    expect(texts(r)).toContain('Rounded 95.1612… → 95.16 (half-up, 2 decimals)');
  });
});

describe('explanation text: the shown steps add up', () => {
  it('contributions are apportioned so they sum to the shown total', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { weight: 50 }), category(2, { weight: 50 })],
        items: [item(1, 1, 3), item(2, 2, 3)],
        scores: [score(1, 1, 1), score(1, 2, 2)],
      }),
    );
    expect(texts(r)).toContain('Cat1: 1 of 3 points = 33.33%, weight 50% → 16.6667 points');
    expect(texts(r)).toContain('Cat2: 2 of 3 points = 66.67%, weight 50% → 33.3333… points');
    expect(texts(r)).toContain('Final grade: 16.6667 + 33.3333… = 50.0000');
    expect(texts(r)).toContain('Rounded 50.0000 → 50.00 (half-up, 2 decimals)');
  });

  it('a total that does not terminate is truncated, marked "…", and rounds as the exact total does', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { weight: 50 }), category(2, { weight: 50 })],
        items: [item(1, 1, 3), item(2, 2, 10)],
        scores: [score(1, 1, 1), score(1, 2, 8)],
      }),
    );
    expect(texts(r)).toContain('Final grade: 16.6666… + 40.0000 = 56.6666…');
    expect(texts(r)).toContain('Rounded 56.6666… → 56.67 (half-up, 2 decimals)');
  });

  it('redistributed weight is shown with the contribution it gives', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { name: 'Exams', weight: 25 }), category(2, { name: 'Homework', weight: 75 })],
        items: [item(1, 1, 100), item(2, 2, 100)],
        scores: [score(1, 2, 90)],
      }),
    );
    expect(texts(r)).toContain('Exams (so far): 0 of 0 points: nothing to count, weight 25% goes to the other categories');
    expect(texts(r)).toContain('Homework (so far): 90 of 100 points = 90.00%, weight 75% (100% after redistribution) → 90.0000 points');
    expect(texts(r)).toContain('Current grade: 90.0000 = 90.0000');
    expect(texts(r)).toContain('Final grade: 0.0000 + 67.5000 = 67.5000');
  });

  it('without rounding, the shown total is the one looked up', () => {
    const r = gradeOne(
      snapshot({ policy: policy({ rounding: { mode: 'none' } }), items: [item(1, 1, 100)], scores: [score(1, 1, 93.197)] }),
    );
    expect(texts(r)).toContain('Final grade: 93.1970 = 93.1970');
    expect(texts(r)).toContain('Not rounded: 93.1970 is looked up as is');
  });
});

/** One 10-point item due Mon 15 Sep 2025, 23:59 New York time, scored `value`. */
function lateCase(value: number, over: Parameters<typeof score>[3], snapOver: Parameters<typeof snapshot>[0] = {}) {
  return gradeOne(
    snapshot({
      items: [item(1, 1, 10, { dueDate: '2025-09-15', name: 'Essay' })],
      scores: [score(1, 1, value, over)],
      ...snapOver,
    }),
  );
}

describe('explanation text: lateness in one form', () => {
  it('submitted late: hours and minutes, both dates in the course zone, and the deduction', () => {
    const r = lateCase(8, { submittedAt: '2025-09-16T14:58:00-04:00' });
    const line =
      'Essay: submitted 14 h 59 min late (Tue 16 Sep, 2:58 pm EDT; deadline Mon 15 Sep, 11:59 pm EDT), ' +
      '−10% of 8 earned = −0.8 → 7.2 (late rule: up to 48 h, 10% of earned)';
    expect(texts(r)).toContain(line);
    const late = itemOf(r, 1).late!;
    expect(late.lateness).toBe('submitted 14 h 59 min late (Tue 16 Sep, 2:58 pm EDT; deadline Mon 15 Sep, 11:59 pm EDT)');
    expect(late.penalty).toBe('−10% of 8 earned = −0.8 → 7.2');
    expect(itemOf(r, 1).why).toEqual([line]);
    // Numeric fields unchanged.
    expect(late.hoursLate).toBeCloseTo(14 + 58 / 60, 6);
    expect(late.deduction).toBeCloseTo(0.8, 12);
  });

  it('names the extended deadline', () => {
    const r = lateCase(8, { submittedAt: '2025-09-18T00:00:30-04:00' }, { students: [student(1, { extensionDays: 2 })] });
    expect(itemOf(r, 1).late?.lateness).toBe(
      'submitted 1 min late (Thu 18 Sep, 12:00 am EDT; deadline Wed 17 Sep, 11:59 pm EDT with a 2-day extension)',
    );
  });

  it('manual lateness in days, with plurals', () => {
    expect(texts(lateCase(8, { daysLate: 2 }))).toContain(
      'Essay: marked 2 days late, −10% of 8 earned = −0.8 → 7.2 (late rule: up to 48 h, 10% of earned)',
    );
    expect(itemOf(lateCase(8, { daysLate: 1 }), 1).late?.lateness).toBe('marked 1 day late');
    expect(itemOf(lateCase(8, { daysLate: 0.5 }), 1).late?.lateness).toBe('marked 0.5 days late');
  });

  it('not accepted and waived', () => {
    expect(texts(lateCase(8, { submittedAt: '2025-09-18T00:00:30-04:00' }))).toContain(
      'Essay: submitted 48 h 1 min late (Thu 18 Sep, 12:00 am EDT; deadline Mon 15 Sep, 11:59 pm EDT) — not accepted, 8 → 0 (late rule: more than 48 h late: not accepted)',
    );
    const waived = lateCase(8, { daysLate: 1, waiverReason: 'illness' });
    expect(texts(waived)).toContain('Essay: marked 1 day late, penalty waived (illness)');
    expect(itemOf(waived, 1).late?.penalty).toBe('penalty waived (illness)');
  });

  it('per-day steps, the 100% cap and the floor, each adding up as shown', () => {
    const perDay = policy({
      late: { basis: 'possible', steps: [{ upToHours: 240, deduction: 5, per: 'day' }], floorPercent: null, cutoffHours: null },
    });
    expect(itemOf(lateCase(8, { submittedAt: '2025-09-17T06:00:00-04:00' }, { policy: perDay }), 1).late?.penalty).toBe(
      '−5% × 2 started days = −10% of 10 possible = −1 → 7',
    );
    expect(itemOf(lateCase(8, { daysLate: 1 }, { policy: perDay }), 1).late?.rule).toBe(
      'up to 240 h, 5% per started day × 1 day of possible',
    );
    const floored = policy({
      late: { basis: 'earned', steps: [{ upToHours: 48, deduction: 60, per: 'day' }], floorPercent: 50, cutoffHours: null },
    });
    expect(itemOf(lateCase(8, { daysLate: 1 }, { policy: floored }), 1).late?.penalty).toBe(
      '−60% × 1 started day = −60% of 8 earned = −4.8, but the floor is 50% of 10 possible: −3 → 5',
    );
    expect(itemOf(lateCase(8, { daysLate: 2 }, { policy: floored }), 1).late?.penalty).toBe(
      '−60% × 2 started days = −100% (at most) of 8 earned = −8, but the floor is 50% of 10 possible: −3 → 5',
    );
    const byPossible = policy({
      late: { basis: 'possible', steps: [{ upToHours: 48, deduction: 30, per: 'flat' }], floorPercent: null, cutoffHours: null },
    });
    expect(itemOf(lateCase(2, { daysLate: 1 }, { policy: byPossible }), 1).late?.penalty).toBe(
      '−30% of 10 possible = −3, but a score stops at 0: −2 → 0',
    );
  });

  it('a third of a point, penalised: the shown deduction is the shown score less the shown result', () => {
    const r = gradeOne(
      snapshot({
        items: [item(1, 1, 3, { dueDate: '2025-09-15', name: 'Essay' })],
        scores: [score(1, 1, 8 / 3, { daysLate: 1 })],
      }),
    );
    expect(itemOf(r, 1).late?.penalty).toBe('−10% of 2.666667 earned = −0.266667 → 2.4');
  });
});

describe('explanation text: plurals and small wording', () => {
  it('one session, one equally weighted item', () => {
    const r = gradeOne(
      snapshot({
        categories: [
          category(1, { name: 'Labs', weight: 50, equalWeightItems: true }),
          category(2, { name: 'Attendance', weight: 50, kind: 'attendance' }),
        ],
        items: [item(1, 1, 10)],
        scores: [score(1, 1, 9.5)],
        attendanceSessions: [blankSession(1, '2025-09-01')],
        attendance: [{ sessionId: 1, studentId: 1, mark: 'late' }],
      }),
    );
    expect(texts(r)).toContain('Labs: average of 1 equally weighted item = 95.00%, weight 50% → 47.5000 points');
    expect(texts(r)).toContain('Attendance: 0.5 of 1 session (1 late at 0.5; sessions held so far) = 50.00%, weight 50% → 25.0000 points');
    expect(texts(r).join('\n')).not.toMatch(/\b1 (items|sessions|days|points)\b|\(s\)/);
  });

  it('team adjustments show the team score, the adjustment and the result', () => {
    const r = gradeOne(
      snapshot({
        teams: [{ id: 7, name: 'Seven' }],
        memberships: [{ teamId: 7, studentId: 1, from: '2024-01-01T12:00:00Z', to: null }],
        items: [item(1, 1, 10, { teamGraded: true })],
        teamScores: [teamScore(7, 1, 7.5)],
        scores: [score(1, 1, null, { adjustment: { mode: 'delta', value: 2 } })],
      }),
    );
    expect(texts(r)).toContain('Item1: team score 7.5 + 2 (individual adjustment) → 9.5');
  });
});

describe('items without a score read the same in both views', () => {
  const course = (missingWork = { enabled: false, percent: 0 }) =>
    snapshot({
      policy: policy({ missingWork }),
      items: [item(1, 1, 10), item(2, 1, 10, { dueDate: '2029-12-01' }), item(3, 1, 10, { dueDate: '2031-09-01' })],
      scores: [score(1, 1, 9), score(1, 3, null, { status: 'missing' })],
    });

  it('an ungraded item: not counted (not graded yet) in the current view, 0 in the final view, and its line says both', () => {
    const ungraded = itemOf(gradeOne(course()), 2);
    expect(inclusionText(ungraded, 'current')).toBe('not counted (not graded yet)');
    expect(inclusionText(ungraded, 'final')).toBe('counts as 0 (not graded yet)');
    expect(ungraded.why).toEqual(['Not graded yet: not counted in the current view, counts as 0 in the final view.']);
  });

  it('missing before its deadline reads the same way', () => {
    const early = itemOf(gradeOne(course()), 3);
    expect(inclusionText(early, 'current')).toBe('not counted (missing, not yet due)');
    expect(inclusionText(early, 'final')).toBe('counts as 0 (missing, not yet due)');
    expect(early.why).toEqual(['Marked missing, not yet due: not counted in the current view, counts as 0 in the final view.']);
  });

  it('with the missing-work policy on, the line says what happens once the deadline passes', () => {
    const r = gradeOne(course({ enabled: true, percent: 50 }), '2029-06-01T00:00:00Z');
    const ungraded = itemOf(r, 2);
    expect(inclusionText(ungraded, 'current')).toBe('not counted (not graded yet)');
    expect(ungraded.why).toEqual([
      'Not graded yet: not counted in the current view, counts as 0 in the final view; once past its deadline it counts as missing, 50% of points possible, in both views.',
    ]);
    const graded = itemOf(r, 1);
    expect([inclusionText(graded, 'current'), inclusionText(graded, 'final')]).toEqual(['counted', 'counted']);
  });
});

describe('excused and exempt items: one line per category and status', () => {
  const r = gradeOne(
    snapshot({
      categories: [category(1, { name: 'Talks', weight: 50 }), category(2, { name: 'Labs', weight: 50 })],
      items: [item(1, 1, 10), item(2, 1, 10), item(3, 1, 10), item(4, 1, 10), item(5, 1, 10), item(6, 2, 10), item(7, 2, 10)],
      scores: [
        score(1, 1, null, { status: 'excused' }),
        score(1, 2, 6),
        score(1, 3, null, { status: 'excused' }),
        score(1, 4, null, { status: 'exempt' }),
        score(1, 5, null, { status: 'excused' }),
        score(1, 6, null, { status: 'excused' }),
        score(1, 7, 9),
      ],
    }),
  );
  const notCounted = r.explanation.filter((l) => l.kind === 'not-counted');

  it('names the items in order, with "and", in the line of their category and status', () => {
    expect(notCounted.map((l) => [l.categoryId, l.status, l.itemIds, l.text])).toEqual([
      [1, 'excused', [1, 3, 5], 'Item1, Item3, and Item5: excused — not counted'],
      [1, 'exempt', [4], 'Item4: exempt — not counted'],
      [2, 'excused', [6], 'Item6: excused — not counted'],
    ]);
  });

  it('the trail opens with those lines, and each item still gives its own reason', () => {
    expect(r.explanation.slice(0, 3)).toEqual(notCounted);
    expect(itemOf(r, 3).why).toEqual(['Item3: excused — not counted']);
    expect(itemOf(r, 4).why).toEqual(['Item4: exempt — not counted']);
    expect(texts(r).filter((t) => t.includes('not counted'))).toHaveLength(3);
  });
});
