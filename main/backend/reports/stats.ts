/**
 * Count, mean, median and standard deviation of one item's scores for the class summary.
 * Kept private to reports until shared/grading has its own statistics to fold this into.
 */
export interface Summary {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  /** Population standard deviation (the class is the whole population, not a sample). */
  readonly sd: number | null;
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { count: 0, mean: null, median: null, sd: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const sd = Math.sqrt(sorted.reduce((a, x) => a + (x - mean) ** 2, 0) / n);
  return { count: n, mean, median, sd };
}
