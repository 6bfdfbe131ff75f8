import { describe, expect, it } from 'vitest';
import { bandDistribution, histogram } from '@shared/charts/distribution';
import { computeCourse } from '@shared/grading';
import { IE7374_POLICY, type CourseSnapshot, type Policy } from '@shared/model';
import { item, score, snapshot, student } from '../grading/helpers';

/** A one-item course: each student's final percentage is exactly their score. */
function course(scores: number[], policy: Policy = IE7374_POLICY): CourseSnapshot {
  return snapshot({
    policy,
    students: scores.map((_, i) => student(i + 1)),
    items: [item(1, 1, 100)],
    scores: scores.map((value, i) => score(i + 1, 1, value)),
  });
}

function distribution(snapshot: CourseSnapshot) {
  const result = computeCourse(snapshot, { asOf: '2026-12-31T00:00:00Z' });
  return bandDistribution(
    snapshot.policy.bands,
    result.students.map((s) => s.letter),
  );
}

describe('band counts over the engine’s letters', () => {
  it('counts exactly 94.00 as an A (lower bound inclusive) and 93.99 as an A-', () => {
    const d = distribution(course([94, 93.99, 100, 51.99]));
    const count = (l: string) => d.bands.find((b) => b.letter === l)!.count;
    expect(count('A')).toBe(2);
    expect(count('A-')).toBe(1);
    expect(count('F')).toBe(1);
    expect(d.bands.reduce((s, b) => s + b.percent, 0)).toBeCloseTo(100, 9);
  });

  it('moves students between bars when a cut-off is edited (the preview)', () => {
    const scores = [95, 92, 90, 85];
    const before = distribution(course(scores));
    const bands = IE7374_POLICY.bands.map((b) => (b.letter === 'A' ? { ...b, min: 90 } : b));
    const after = distribution(course(scores, { ...IE7374_POLICY, bands }));
    expect(before.bands[0]!.count).toBe(1);
    expect(after.bands[0]!.count).toBe(3);
  });

  it('bins the engine’s final percentages', () => {
    const result = computeCourse(course([94, 93.99, 100]), { asOf: '2026-12-31T00:00:00Z' });
    const bins = histogram(
      result.students.map((s) => s.final.rounded),
      5,
    );
    expect(bins[18]!.count).toBe(2);
    expect(bins[19]!.count).toBe(1);
  });
});
