import { describe, expect, it } from 'vitest';
import { count, newCourse } from '../workspace/helpers';

describe('the demo class', () => {
  it('comes with readings, draws that verify (one redrawn) and graded presentations for the review', async () => {
    const c = newCourse('ie7374', { demo: true });
    const review = await c.call('presentation.review', {});
    expect(review.draws).toHaveLength(9);
    expect(review.draws.filter((d) => d.withdrawnAt !== null).map((d) => d.withdrawReason)).toEqual([
      "Redrawn: The drawn team's presenter was ill",
    ]);
    expect(review.draws.every((d) => d.verification.ok)).toBe(true);
    expect(review.draws[5]!.excluded).toEqual([expect.objectContaining({ kind: 'excused', reason: 'Presenting at the career fair' })]);
    expect(review.cells).toHaveLength(6);
    expect(review.cells.every((cell) => cell.score !== null && cell.readings.length === 1)).toBe(true);
    expect(review.teamsNotPresented).toHaveLength(2);
    expect(count(c, "SELECT * FROM item WHERE name LIKE 'Presentation week %'")).toBe(6);
    // Fairness held: eight draws over eight teams, no team twice.
    const standing = review.draws.filter((d) => d.withdrawnAt === null).map((d) => d.teams[0]!.teamId);
    expect(new Set(standing).size).toBe(8);
  });

  it('undoing the demo withdraws its draws instead of erasing them', async () => {
    const c = newCourse('ie7374', { demo: true });
    await c.call('history.undo', {});
    expect(count(c, 'SELECT * FROM student')).toBe(0);
    const draws = await c.call('draw.list', {});
    expect(draws).toHaveLength(9);
    expect(draws.every((d) => d.withdrawnAt !== null)).toBe(true);
    expect((await c.call('draw.verifyAll', {})).ok).toBe(true);
  });
});
