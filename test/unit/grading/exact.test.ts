import { describe, expect, it } from 'vitest';
import { exact } from '@shared/grading';

const {
  SCALE,
  toUnits,
  roundHalfUp,
  formatHalfUp,
  formatTruncated,
  compare,
  add,
  toNumber,
  roundHalfUpSafe,
  floorDiv,
  formatSteps,
  formatStepsNumber,
} = exact;

describe('exact arithmetic', () => {
  it('holds six-decimal values and thirds exactly', () => {
    expect(toUnits(1)).toBe(SCALE);
    expect(toUnits(0.000001)).toBe(63);
    expect(toUnits(1 / 3)).toBe(21_000_000);
    expect(toUnits(2 / 3)).toBe(42_000_000);
    expect(toUnits(1 / 7)).toBe(9_000_000);
    expect(toUnits(93.995)).toBe(5_921_685_000);
  });

  it('shows a safe integer number of steps as the bigint path does, remembered or not', () => {
    for (const decimals of [0, 1, 2, 4]) {
      for (const m of [0, 5, 9, 10, 99, 100, 1234, 9999, 10000, 20000, 20001, 123456789, -1, -5, -1234]) {
        expect(formatStepsNumber(m, decimals)).toBe(formatSteps(BigInt(m), decimals));
        expect(formatStepsNumber(m, decimals)).toBe(formatSteps(BigInt(m), decimals));
      }
    }
  });

  it('three thirds make exactly one', () => {
    expect(toUnits(1 / 3) * 3).toBe(toUnits(1));
    // The double sum is not exact, which is the point.
    expect(1 / 3 + 1 / 3 + 1 / 3 + 1 / 3 + 1 / 3 + 1 / 3 === 2).toBe(false);
  });

  it('rounds half-up on the exact value', () => {
    const r = { n: BigInt(toUnits(93.995)), d: BigInt(SCALE) };
    expect(formatHalfUp(r, 2)).toBe('94.00');
    expect(formatHalfUp(r, 3)).toBe('93.995');
    expect(formatHalfUp({ n: BigInt(toUnits(93.994999)), d: BigInt(SCALE) }, 2)).toBe('93.99');
    // 1.005 × 100 is 100.49999999999999 in doubles; exact rounding still gives 1.01.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(formatHalfUp({ n: BigInt(toUnits(1.005)), d: BigInt(SCALE) }, 2)).toBe('1.01');
    expect(roundHalfUp({ n: 5n, d: 2n }, 0)).toBe(3n);
    expect(roundHalfUp({ n: -5n, d: 2n }, 0)).toBe(-2n);
    expect(formatHalfUp({ n: 1n, d: 3n }, 0)).toBe('0');
    expect(formatHalfUp({ n: 1n, d: 200n }, 2)).toBe('0.01');
  });

  it('safe-integer rounding agrees with bigint rounding', () => {
    for (const [n, d] of [
      [5, 2],
      [1, 3],
      [2, 3],
      [9399500, 100000],
      [7, 7],
    ] as const) {
      expect(BigInt(roundHalfUpSafe(n, d, 2)!)).toBe(roundHalfUp({ n: BigInt(n), d: BigInt(d) }, 2));
    }
    expect(roundHalfUpSafe(2 ** 52, 1, 2)).toBeNull();
  });

  it('truncates for display without claiming more than the value', () => {
    expect(formatTruncated({ n: 93995n, d: 1000n }, 2, 4)).toBe('93.995');
    expect(formatTruncated({ n: 94n, d: 1n }, 2, 4)).toBe('94.00');
    expect(formatTruncated({ n: 1n, d: 3n }, 0, 6)).toBe('0.333333…');
    expect(formatTruncated({ n: 2n, d: 3n }, 0, 6)).toBe('0.666666…');
  });

  it('compares, adds and converts', () => {
    expect(compare({ n: 1n, d: 3n }, { n: 2n, d: 6n })).toBe(0);
    expect(compare({ n: 1n, d: 3n }, { n: 1n, d: 2n })).toBe(-1);
    expect(add({ n: 1n, d: 3n }, { n: 1n, d: 6n })).toEqual({ n: 9n, d: 18n });
    expect(toNumber({ n: 1n, d: 4n })).toBe(0.25);
    expect(toNumber({ n: 10n ** 400n, d: 4n * 10n ** 400n })).toBeCloseTo(0.25, 12);
    expect(floorDiv(-7n, 2n)).toBe(-4n);
    expect(floorDiv(7n, 2n)).toBe(3n);
  });
});
