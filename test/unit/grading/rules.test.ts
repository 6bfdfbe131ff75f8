import { describe, expect, it } from 'vitest';
import { computeCourse, validatePolicy } from '@shared/grading';
import type { Rounding } from '@shared/model';
import { category, categoryOf, gradeOne, item, itemOf, policy, score, snapshot, student, teamScore } from './helpers';

/** One category, one 100-point item scored `value`. */
function percentCase(value: number, rounding: Rounding) {
  return gradeOne(snapshot({ policy: policy({ rounding }), items: [item(1, 1, 100)], scores: [score(1, 1, value)] }));
}

describe('rounding and letters (bands lower-bound inclusive)', () => {
  const table: [number, Rounding, string, string][] = [
    [94, { mode: 'half-up', decimals: 2 }, '94.00', 'A'],
    [93.99, { mode: 'half-up', decimals: 2 }, '93.99', 'A-'],
    [93.995, { mode: 'half-up', decimals: 2 }, '94.00', 'A'],
    [94, { mode: 'half-up', decimals: 1 }, '94.0', 'A'],
    [93.99, { mode: 'half-up', decimals: 1 }, '94.0', 'A'],
    [93.995, { mode: 'half-up', decimals: 1 }, '94.0', 'A'],
    [93.94, { mode: 'half-up', decimals: 1 }, '93.9', 'A-'],
    [94, { mode: 'half-up', decimals: 0 }, '94', 'A'],
    [93.99, { mode: 'half-up', decimals: 0 }, '94', 'A'],
    [93.995, { mode: 'half-up', decimals: 0 }, '94', 'A'],
    [93.49, { mode: 'half-up', decimals: 0 }, '93', 'A-'],
    [94, { mode: 'none' }, '94.00', 'A'],
    [93.99, { mode: 'none' }, '93.99', 'A-'],
    [93.995, { mode: 'none' }, '93.995', 'A-'],
  ];
  it.each(table)('%s with %j → %s %s', (value, rounding, display, letter) => {
    const r = percentCase(value, rounding);
    expect(r.final.display).toBe(display);
    expect(r.final.letter).toBe(letter);
    expect(r.letter).toBe(letter);
    expect(r.final.percent).toBeCloseTo(value, 12);
  });

  it('rounds on the exact value where doubles would not (1.005 → 1.01)', () => {
    const r = percentCase(1.005, { mode: 'half-up', decimals: 2 });
    expect(r.final.display).toBe('1.01');
  });

  it('explains rounding and the band', () => {
    const texts = percentCase(93.995, { mode: 'half-up', decimals: 2 }).explanation.map((l) => l.text);
    expect(texts).toContain('Rounded 93.9950 → 94.00 (half-up, 2 decimals)');
    expect(texts).toContain('94.00 ≥ 94 → A');
  });

  it('flags a student within the borderline distance below the next band', () => {
    expect(percentCase(93.5, { mode: 'half-up', decimals: 2 }).flags).toContain('borderline');
    expect(percentCase(93, { mode: 'half-up', decimals: 2 }).flags).toContain('borderline');
    expect(percentCase(92.99, { mode: 'half-up', decimals: 2 }).flags).not.toContain('borderline');
    expect(percentCase(94, { mode: 'half-up', decimals: 2 }).flags).not.toContain('borderline');
    expect(percentCase(93.5, { mode: 'half-up', decimals: 2 }).explanation.some((l) => l.kind === 'flag')).toBe(true);
  });

  it('a manual override wins and is marked', () => {
    const base = { items: [item(1, 1, 100)], scores: [score(1, 1, 90)] };
    const r = gradeOne(
      snapshot({ ...base, overrides: [{ studentId: 1, letter: 'A', percent: null, reason: 'medical withdrawal of HW' }] }),
    );
    expect(r.final.letter).toBe('A-');
    expect(r.letter).toBe('A');
    expect(r.override).toEqual({ letter: 'A', percent: null, reason: 'medical withdrawal of HW', computedLetter: 'A-' });
    expect(r.flags).toContain('override');
    expect(r.explanation.at(-1)?.kind).toBe('override');
    const byPercent = gradeOne(snapshot({ ...base, overrides: [{ studentId: 1, letter: null, percent: 95, reason: 'regrade' }] }));
    expect(byPercent.letter).toBe('A');
    expect(byPercent.display).toBe('95.00');
  });
});

describe('statuses', () => {
  const items = [item(1, 1, 10, { dueDate: '2024-10-01' }), item(2, 1, 10, { dueDate: '2024-10-01' })];

  it('excused leaves numerator and denominator; exempt never counts', () => {
    for (const status of ['excused', 'exempt'] as const) {
      const r = gradeOne(snapshot({ items, scores: [score(1, 1, 8), score(1, 2, 2, { status })] }));
      expect(r.final.display).toBe('80.00');
      expect(r.current.display).toBe('80.00');
      expect(itemOf(r, 2).outcome).toBe(status);
      expect(itemOf(r, 2).final).toBe('excluded');
    }
  });

  it('ungraded work counts in the final view only', () => {
    const r = gradeOne(snapshot({ items, scores: [score(1, 1, 8)] }));
    expect(r.current.display).toBe('80.00');
    expect(r.final.display).toBe('40.00');
    expect(itemOf(r, 2).outcome).toBe('ungraded');
    expect(itemOf(r, 2).final).toBe('counted');
  });

  it('missing counts 0 once due; before the due date only in the final view', () => {
    const snap = snapshot({ items, scores: [score(1, 1, 8), score(1, 2, null, { status: 'missing' })] });
    const after = gradeOne(snap, '2024-10-02T12:00:00Z');
    expect(after.current.display).toBe('40.00');
    expect(itemOf(after, 2).outcome).toBe('missing');
    expect(after.flags).toContain('missing');
    const before = gradeOne(snap, '2024-09-30T12:00:00Z');
    expect(before.current.display).toBe('80.00');
    expect(before.final.display).toBe('40.00');
    expect(itemOf(before, 2).outcome).toBe('missing-before-due');
    expect(before.flags).not.toContain('missing');
  });

  it('an all-excused category hands its weight to the others in both views', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { weight: 50 }), category(2, { weight: 50 })],
        items: [item(1, 1, 10), item(2, 2, 10)],
        scores: [score(1, 1, 5, { status: 'excused' }), score(1, 2, 8)],
      }),
    );
    expect(categoryOf(r, 1).final.percent).toBeNull();
    expect(categoryOf(r, 2).final.effectiveWeight).toBe(100);
    expect(r.final.display).toBe('80.00');
    expect(r.current.display).toBe('80.00');
  });

  it('a category with nothing graded yet: redistributed in current, zero in final', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { weight: 60 }), category(2, { weight: 40 })],
        items: [item(1, 1, 100), item(2, 2, 10)],
        scores: [score(1, 2, 9)],
      }),
    );
    expect(r.current.display).toBe('90.00');
    expect(categoryOf(r, 2).current.effectiveWeight).toBe(100);
    expect(r.final.display).toBe('36.00');
    expect(categoryOf(r, 1).final.percent).toBe(0);
    expect(r.explanation.some((l) => l.kind === 'redistribute' && l.view === 'current' && l.categoryId === 1)).toBe(true);
  });
});

describe('points, weights, extra credit', () => {
  it('weighted: category percentage times weight', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { weight: 25, name: 'Homeworks' }), category(2, { weight: 75 })],
        items: [item(1, 1, 50), item(2, 2, 100)],
        scores: [score(1, 1, 45), score(1, 2, 80)],
      }),
    );
    // 90% × 25 + 80% × 75 = 22.5 + 60 = 82.5
    expect(r.final.display).toBe('82.50');
    expect(r.final.letter).toBe('B+');
    expect(r.explanation.map((l) => l.text)).toContain('Homeworks: 45 of 50 points = 90.00%, weight 25% → 22.5000 points');
  });

  it('points mode: plain points across all categories, weights ignored', () => {
    const r = gradeOne(
      snapshot({
        policy: policy({ grading: 'points' }),
        categories: [category(1, { weight: 90 }), category(2, { weight: 10 })],
        items: [item(1, 1, 100), item(2, 2, 50)],
        scores: [score(1, 1, 50), score(1, 2, 30)],
      }),
    );
    expect(r.final.display).toBe('53.33'); // 80 / 150
    expect(categoryOf(r, 1).final.contribution).toBeCloseTo(100 / 3, 12);
  });

  it('equal-weight items: the mean of item percentages', () => {
    const snap = (equalWeightItems: boolean) =>
      snapshot({
        categories: [category(1, { equalWeightItems })],
        items: [item(1, 1, 2), item(2, 1, 100)],
        scores: [score(1, 1, 1), score(1, 2, 90)],
      });
    expect(gradeOne(snap(true)).final.display).toBe('70.00'); // (50% + 90%) / 2
    expect(gradeOne(snap(false)).final.display).toBe('89.22'); // 91 / 102
  });

  it('extra credit: scores above possible count; zero-possible items add to earned only', () => {
    const over = gradeOne(snapshot({ items: [item(1, 1, 10)], scores: [score(1, 1, 12)] }));
    expect(over.final.display).toBe('120.00');
    const bonus = gradeOne(snapshot({ items: [item(1, 1, 10), item(2, 1, 0)], scores: [score(1, 1, 8), score(1, 2, 2)] }));
    expect(bonus.final.display).toBe('100.00');
    expect(categoryOf(bonus, 1).final.possible).toBe(10);
  });

  it('1/3-point items sum exactly: 282 of 300 thirds is exactly 94%', () => {
    const items = Array.from({ length: 300 }, (_, i) => item(i + 1, 1, 1 / 3));
    const scores = items.map((it, i) => score(1, it.id, i < 282 ? 1 / 3 : 0));
    let doubleSum = 0;
    for (let i = 0; i < 282; i++) doubleSum += 1 / 3;
    expect(doubleSum).not.toBe(94); // the trap
    const r = gradeOne(snapshot({ policy: policy({ rounding: { mode: 'none' } }), items, scores }));
    expect(r.final.display).toBe('94.00');
    expect(r.final.letter).toBe('A');
    expect(categoryOf(r, 1).final.earned).toBe(94);
  });

  it('weights that do not total 100 are reported and not rescaled', () => {
    const snap = snapshot({
      categories: [category(1, { weight: 45 }), category(2, { weight: 45 })],
      items: [item(1, 1, 10), item(2, 2, 10)],
      scores: [score(1, 1, 10), score(1, 2, 10)],
    });
    const res = computeCourse(snap, { asOf: '2030-01-01T00:00:00Z' });
    expect(res.policyProblems).toEqual([{ code: 'weights_total', message: 'Category weights add up to 90%, not 100%.' }]);
    expect(res.students[0]!.final.display).toBe('90.00');
  });
});

describe('validatePolicy', () => {
  it('accepts the preset and lists plain-language problems', () => {
    expect(validatePolicy(policy(), [category(1)])).toEqual([]);
    const bad = policy({
      timeZone: 'Mars/Olympus',
      bands: [
        { letter: 'A', min: 90 },
        { letter: 'B', min: 95 },
        { letter: 'A', min: 10 },
      ],
      late: { basis: 'earned', steps: [{ upToHours: 72, deduction: 10, per: 'flat' }], floorPercent: null, cutoffHours: 48 },
    });
    const problems = validatePolicy(bad, [category(1, { weight: 60 }), category(2, { weight: 30, kind: 'attendance', dropLowest: 1 })]);
    expect(problems).toEqual([
      { code: 'weights_total', message: 'Category weights add up to 90%, not 100%.' },
      { code: 'attendance_drops', message: '"Cat2" is an attendance category: drop lowest/highest does not apply to it.' },
      { code: 'band_twice', message: 'The letter "A" appears in more than one band.' },
      { code: 'band_order', message: 'Bands must go from highest to lowest: "B" (from 95) comes after "A" (from 90).' },
      { code: 'time_zone', message: '"Mars/Olympus" is not a known time zone; deadlines are read in UTC instead.' },
      { code: 'late_step_past_cutoff', message: 'A late step runs to 72 h, past the 48 h after which work is not accepted.' },
    ]);
  });
});

describe('team items', () => {
  const at = (d: string) => `${d}T12:00:00Z`;
  const snap = snapshot({
    students: [student(1), student(2), student(3), student(4)],
    teams: [{ id: 7, name: 'Seven' }],
    memberships: [
      { teamId: 7, studentId: 1, from: at('2024-09-01'), to: null },
      { teamId: 7, studentId: 2, from: at('2024-10-05'), to: null }, // joined after the due date
      { teamId: 7, studentId: 3, from: at('2024-09-01'), to: null },
      { teamId: 7, studentId: 4, from: at('2024-09-01'), to: null },
    ],
    items: [item(1, 1, 100, { dueDate: '2024-10-01', teamGraded: true })],
    teamScores: [teamScore(7, 1, 80)],
    scores: [
      score(3, 1, null, { adjustment: { mode: 'delta', value: -5 } }),
      score(4, 1, null, { adjustment: { mode: 'replace', value: 90 } }),
    ],
  });
  const res = computeCourse(snap, { asOf: '2030-01-01T00:00:00Z' }).students;

  it('every member on the team at the due date gets the team score', () => {
    expect(itemOf(res[0]!, 1).effective).toBe(80);
    expect(itemOf(res[0]!, 1).team).toEqual({ teamId: 7, teamScore: 80, adjustment: null });
  });

  it('a member who joined after the due date does not', () => {
    expect(itemOf(res[1]!, 1).team?.teamId).toBeNull();
    expect(itemOf(res[1]!, 1).outcome).toBe('ungraded');
  });

  it('individual adjustments apply on top (delta, replace)', () => {
    expect(itemOf(res[2]!, 1).effective).toBe(75);
    expect(itemOf(res[2]!, 1).raw).toBe(80);
    expect(itemOf(res[3]!, 1).effective).toBe(90);
  });

  it('a stored replacement without a value is no score, not 0', () => {
    // The course file allows adjust_mode without adjust_value (an edited workbook can bring one in).
    const blank = { ...snap, scores: [score(4, 1, null, { adjustment: { mode: 'replace', value: null as unknown as number } })] };
    const r = computeCourse(blank, { asOf: '2030-01-01T00:00:00Z' }).students[3]!;
    expect(itemOf(r, 1).effective).toBeNull();
  });

  it("a member's own status wins over the team's", () => {
    const r = computeCourse({ ...snap, scores: [score(1, 1, null, { status: 'excused' })] }, { asOf: '2030-01-01T00:00:00Z' }).students[0]!;
    expect(itemOf(r, 1).outcome).toBe('excused');
  });

  it("a late team's penalty applies to each member", () => {
    const late = { ...snap, teamScores: [teamScore(7, 1, 80, { submittedAt: '2024-10-02T10:00:00-04:00' })] };
    const rs = computeCourse(late, { asOf: '2030-01-01T00:00:00Z' }).students;
    expect(itemOf(rs[0]!, 1).effective).toBe(72);
    expect(itemOf(rs[2]!, 1).effective).toBe(67.5); // (80 − 5) − 10%
  });
});

describe('academic integrity', () => {
  it('zeroes the item, keeps the original, shows the reason and is never dropped', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 1 })],
        items: [item(1, 1, 10), item(2, 1, 10), item(3, 1, 10)],
        scores: [score(1, 1, 9, { integrity: { date: '2024-10-03', note: 'copied solution' } }), score(1, 2, 5), score(1, 3, 10)],
      }),
    );
    const it1 = itemOf(r, 1);
    expect(it1.effective).toBe(0);
    expect(it1.integrity).toEqual({ date: '2024-10-03', note: 'copied solution', original: 9 });
    expect(it1.final).toBe('counted');
    expect(itemOf(r, 2).final).toBe('dropped');
    expect(r.final.display).toBe('50.00'); // (0 + 10) / 20
    expect(r.flags).toContain('integrity');
    expect(it1.why[0]).toContain('copied solution');
  });
});
