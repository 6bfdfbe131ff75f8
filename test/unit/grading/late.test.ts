import { describe, expect, it } from 'vitest';
import { category, gradeOne, item, itemOf, policy, score, snapshot, student } from './helpers';

/** One 100-point item due on `dueDate` 23:59 New York time, scored 80, submitted at `at`. */
function lateCase(
  dueDate: string,
  at: string | null,
  over: Parameters<typeof score>[3] = {},
  snapOver: Parameters<typeof snapshot>[0] = {},
) {
  return gradeOne(
    snapshot({
      items: [item(1, 1, 100, { dueDate })],
      scores: [score(1, 1, 80, { submittedAt: at, ...over })],
      ...snapOver,
    }),
  );
}

describe('late work (preset: up to 48 h, −10% of earned; later: not accepted)', () => {
  it('anything stamped within the 23:59 minute is on time', () => {
    const r = lateCase('2024-10-01', '2024-10-01T23:59:59.999-04:00');
    expect(itemOf(r, 1).effective).toBe(80);
    expect(itemOf(r, 1).late).toBeNull();
    const r2 = lateCase('2024-10-01', '2024-10-02T00:00:00.000-04:00');
    expect(itemOf(r2, 1).effective).toBe(72);
  });

  it('48 h late is penalised; 48 h + 1 minute is not accepted', () => {
    const at48 = lateCase('2024-10-01', '2024-10-03T23:59:59.999-04:00');
    expect(itemOf(at48, 1).late?.hoursLate).toBe(48);
    expect(itemOf(at48, 1).effective).toBe(72);
    expect(itemOf(at48, 1).late?.deduction).toBe(8);
    const over = lateCase('2024-10-01', '2024-10-04T00:00:59.999-04:00');
    expect(itemOf(over, 1).late?.notAccepted).toBe(true);
    expect(itemOf(over, 1).effective).toBe(0);
    expect(itemOf(over, 1).raw).toBe(80);
    expect(over.flags).toContain('late');
  });

  it('counts elapsed hours across the end of DST (48 h is 48 h, not two wall-clock days)', () => {
    // Due Sat 2024-11-02 23:59 EDT; the clocks fall back on Sunday. 48 h later is Mon 22:59:59.999 EST.
    const inside = lateCase('2024-11-02', '2024-11-04T22:59:00-05:00');
    expect(itemOf(inside, 1).effective).toBe(72);
    const outside = lateCase('2024-11-02', '2024-11-04T23:30:00-05:00'); // 48.5 h: not accepted
    expect(itemOf(outside, 1).late?.hoursLate).toBeCloseTo(48.5, 6);
    expect(itemOf(outside, 1).effective).toBe(0);
  });

  it('counts elapsed hours across the start of DST', () => {
    // Due Sat 2024-03-09 23:59 EST; clocks spring forward on Sunday. 48 h later is Tue 00:59:59.999 EDT.
    const r = lateCase('2024-03-09', '2024-03-12T00:30:00-04:00');
    expect(itemOf(r, 1).late?.hoursLate).toBeCloseTo(47.5, 6);
    expect(itemOf(r, 1).effective).toBe(72);
  });

  it('an extension moves the deadline: 60 h late becomes 12 h late', () => {
    const without = lateCase('2024-10-01', '2024-10-04T12:00:00-04:00');
    expect(itemOf(without, 1).effective).toBe(0);
    const standing = lateCase('2024-10-01', '2024-10-04T12:00:00-04:00', {}, { students: [student(1, { extensionDays: 2 })] });
    expect(itemOf(standing, 1).late?.hoursLate).toBeCloseTo(12, 6);
    expect(itemOf(standing, 1).effective).toBe(72);
    const perItem = lateCase('2024-10-01', '2024-10-04T12:00:00-04:00', { extensionDays: 3 });
    expect(itemOf(perItem, 1).late).toBeNull();
    expect(itemOf(perItem, 1).effective).toBe(80);
  });

  it('a waiver removes the penalty but keeps the record', () => {
    const r = lateCase('2024-10-01', '2024-10-03T06:00:00-04:00', { waiverReason: 'illness' });
    const it1 = itemOf(r, 1);
    expect(it1.effective).toBe(80);
    expect(it1.late?.waived).toBe('illness');
    expect(it1.late?.deduction).toBe(0);
    expect(it1.why.join(' ')).toContain('waived');
  });

  it('manual days late is the lateness itself', () => {
    expect(itemOf(lateCase('2024-10-01', null, { daysLate: 1 }), 1).effective).toBe(72);
    expect(itemOf(lateCase('2024-10-01', null, { daysLate: 3 }), 1).effective).toBe(0);
    expect(itemOf(lateCase('2024-10-01', null, { daysLate: 0 }), 1).effective).toBe(80);
  });

  it('keeps penalised scores exact (no rounding of the deduction)', () => {
    const r = gradeOne(
      snapshot({
        items: [item(1, 1, 1, { dueDate: '2024-10-01' }), item(2, 1, 2)],
        scores: [score(1, 1, 1 / 3, { daysLate: 1 }), score(1, 2, 2)],
      }),
    );
    // 1/3 − 10% = 0.3 exactly: (0.3 + 2) / 3 = 76.666…%
    expect(itemOf(r, 1).effective).toBeCloseTo(0.3, 15);
    expect(r.final.display).toBe('76.67');
  });
});

describe('general late rules', () => {
  it('per-day steps of points possible: 5% per started day', () => {
    const p = policy({
      late: { basis: 'possible', steps: [{ upToHours: 240, deduction: 5, per: 'day' }], floorPercent: null, cutoffHours: null },
    });
    // 30 h late = 2 started days = 10% of 100 possible
    const r = lateCase('2024-10-01', '2024-10-03T06:00:00-04:00', {}, { policy: p });
    expect(itemOf(r, 1).effective).toBe(70);
    expect(itemOf(r, 1).late?.rule).toBe('up to 240 h, 5% per started day × 2 days of possible');
    // exactly 24 h late is one started day
    expect(itemOf(lateCase('2024-10-01', '2024-10-02T23:59:59.999-04:00', {}, { policy: p }), 1).effective).toBe(75);
  });

  it('per-hour steps and a second, steeper step', () => {
    const p = policy({
      late: {
        basis: 'earned',
        steps: [
          { upToHours: 24, deduction: 1, per: 'hour' },
          { upToHours: 72, deduction: 50, per: 'flat' },
        ],
        floorPercent: null,
        cutoffHours: 72,
      },
    });
    expect(itemOf(lateCase('2024-10-01', '2024-10-02T02:30:00-04:00', {}, { policy: p }), 1).effective).toBe(80 * 0.97); // 3 started hours
    expect(itemOf(lateCase('2024-10-01', '2024-10-03T12:00:00-04:00', {}, { policy: p }), 1).effective).toBe(40);
  });

  it('a floor keeps late work at a minimum percent of possible, never above what was earned', () => {
    const p = policy({
      late: { basis: 'earned', steps: [{ upToHours: 48, deduction: 60, per: 'flat' }], floorPercent: 50, cutoffHours: null },
    });
    const high = lateCase('2024-10-01', '2024-10-02T10:00:00-04:00', {}, { policy: p });
    expect(itemOf(high, 1).effective).toBe(50); // 80 − 48 = 32, floored to 50
    const low = gradeOne(
      snapshot({ policy: p, items: [item(1, 1, 100, { dueDate: '2024-10-01' })], scores: [score(1, 1, 40, { daysLate: 1 })] }),
    );
    expect(itemOf(low, 1).effective).toBe(40); // floor 50 > 40 earned: stays 40
  });

  it('without a cutoff, lateness past the last step keeps its rate', () => {
    const p = policy({
      late: { basis: 'earned', steps: [{ upToHours: 24, deduction: 10, per: 'day' }], floorPercent: null, cutoffHours: null },
    });
    expect(itemOf(lateCase('2024-10-01', '2024-10-04T12:00:00-04:00', {}, { policy: p }), 1).effective).toBe(56); // 3 days × 10%
  });

  it('the penalised score flows into the grade', () => {
    const r = lateCase('2024-10-01', '2024-10-02T10:00:00-04:00', {}, { categories: [category(1)] });
    expect(r.final.display).toBe('72.00');
  });
});
