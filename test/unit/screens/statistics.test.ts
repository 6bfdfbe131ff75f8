import { describe, expect, it } from 'vitest';
import type { Statistics } from '@shared/charts/stats';
import { extraCreditNote, leftOutText, statLines } from '@shared/screens/statistics';

const stats = (over: Partial<Statistics> = {}): Statistics => ({
  count: 3,
  left: { withdrawn: 0, excused: 0, ungraded: 0 },
  mean: 7.5,
  median: 7,
  sd: 2.45,
  min: 4,
  max: 10,
  bins: [],
  ...over,
});

describe('statistics dialog wording', () => {
  it('shows points as entered and percentages with two decimals', () => {
    expect(statLines(stats(), 'points').map((l) => l.value)).toEqual(['3', '7.5', '7', '2.45', '4', '10']);
    expect(statLines(stats(), 'percent').map((l) => l.value)).toEqual(['3', '7.50%', '7.00%', '2.45%', '4.00%', '10.00%']);
    expect(statLines(stats(), 'percent')[0]!.label).toBe('Students counted');
  });

  it('shows a dash, not 0, when nothing is counted', () => {
    const none = stats({ count: 0, mean: null, median: null, sd: null, min: null, max: null });
    expect(statLines(none, 'points').map((l) => l.value)).toEqual(['0', '—', '—', '—', '—', '—']);
  });

  it('says who was left out, with plurals, or nothing', () => {
    expect(leftOutText(stats(), 'points')).toBeNull();
    expect(leftOutText(stats({ left: { withdrawn: 1, excused: 2, ungraded: 3 } }), 'points')).toBe(
      'Left out: 2 excused or exempt, 3 not graded yet, 1 withdrawn student.',
    );
    expect(leftOutText(stats({ left: { withdrawn: 2, excused: 0, ungraded: 1 } }), 'percent')).toBe(
      'Left out: 1 with nothing counted here, 2 withdrawn students.',
    );
  });

  it('says the top bar holds extra credit only when a score is above points possible', () => {
    const bins = [{ from: 90, to: 100, label: '90–100', count: 2 }];
    expect(extraCreditNote(stats({ bins, max: 10 }), 10)).toBeNull();
    expect(extraCreditNote(stats({ bins, max: 15 }), 10)).toBe('The 90–100 bar also holds scores above 10 (extra credit).');
  });
});
