import { describe, expect, it } from 'vitest';
import { bandDistribution, cutoffLines, histogram, sharesSummingTo100 } from '@shared/charts/distribution';
import { IE7374_POLICY } from '@shared/model';

const BANDS = IE7374_POLICY.bands;

describe('bandDistribution', () => {
  it('counts letters in the course band order, highest first, whatever order the policy lists them', () => {
    const shuffled = [...BANDS].reverse();
    const d = bandDistribution(shuffled, ['A', 'B', 'A', 'F', 'A-']);
    expect(d.bands.map((b) => b.letter)).toEqual(['A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'F']);
    expect(d.bands.map((b) => b.count)).toEqual([2, 1, 0, 1, 0, 0, 0, 0, 1]);
    expect(d.total).toBe(5);
  });

  it('keeps students without a letter and unknown letters out of the bars but reports them', () => {
    const d = bandDistribution(BANDS, ['A', null, 'Z', null]);
    expect(d.bands[0]).toMatchObject({ letter: 'A', count: 1 });
    expect(d.ungraded).toBe(2);
    expect(d.other).toBe(1);
    expect(d.total).toBe(2);
  });

  it('gives shares that sum to exactly 100 even when each third rounds down', () => {
    const d = bandDistribution(BANDS, ['A', 'B', 'C']);
    const shares = d.bands.filter((b) => b.count > 0).map((b) => b.percent);
    expect(shares).toEqual([33.4, 33.3, 33.3]);
    expect(d.bands.reduce((s, b) => s + b.percent * 10, 0)).toBe(1000);
  });

  it('gives zero shares for an empty class instead of dividing by zero', () => {
    const d = bandDistribution(BANDS, []);
    expect(d.bands.every((b) => b.count === 0 && b.percent === 0)).toBe(true);
  });
});

describe('sharesSummingTo100', () => {
  it('sums to 100 for many awkward splits', () => {
    for (const counts of [[1, 1, 1], [1, 2, 3, 4, 5, 6, 7], [7, 0, 0, 13], [1, 1, 1, 1, 1, 1], [40]]) {
      for (const decimals of [0, 1, 2]) {
        const s = sharesSummingTo100(counts, decimals);
        expect(Math.round(s.reduce((a, b) => a + b, 0) * 10 ** decimals)).toBe(100 * 10 ** decimals);
      }
    }
  });
  it('rounds to whole percents with 0 decimals', () => {
    expect(sharesSummingTo100([1, 1, 1], 0)).toEqual([34, 33, 33]);
  });
});

describe('histogram', () => {
  it('puts a value on a bin edge in the upper bin (lower edge inclusive)', () => {
    const bins = histogram([94, 93.99, 95, 0], 5);
    expect(bins).toHaveLength(20);
    expect(bins[18]).toMatchObject({ from: 90, to: 95, count: 2 });
    expect(bins[19]).toMatchObject({ from: 95, to: 100, count: 1 });
    expect(bins[0]!.count).toBe(1);
  });
  it('keeps 100, extra credit and negatives in the end bins and skips students without a percentage', () => {
    const bins = histogram([100, 104.5, -3, null], 10);
    expect(bins[9]!.count).toBe(2);
    expect(bins[0]!.count).toBe(1);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(3);
  });
  it('refuses a width that does not divide 100', () => {
    expect(() => histogram([], 7)).toThrow(/divide 100/);
  });
});

describe('cutoffLines', () => {
  it('labels each band lower bound above 0', () => {
    const lines = cutoffLines(BANDS);
    expect(lines[0]).toEqual({ letter: 'A', at: 94, label: 'A ≥ 94' });
    expect(lines.map((l) => l.letter)).not.toContain('F');
    expect(lines).toHaveLength(8);
  });
});
