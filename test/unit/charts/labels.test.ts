import { describe, expect, it } from 'vitest';
import { staggerRows } from '@shared/charts/labels';

describe('staggerRows', () => {
  it('keeps labels far apart in one row', () => {
    expect(
      staggerRows([
        { at: 10, width: 8 },
        { at: 40, width: 8 },
        { at: 80, width: 8 },
      ]),
    ).toEqual([0, 0, 0]);
  });
  it('moves a label that would touch its neighbour to the next free row, in the given order', () => {
    // Cut-offs 3 points apart at 5 px a point: 15 px between centres, labels 14 px wide.
    const spans = [94, 90, 87, 83, 80].map((p) => ({ at: p * 5, width: 14 }));
    const rows = staggerRows(spans);
    expect(rows).toEqual([0, 1, 0, 1, 0]);
    for (let i = 0; i < spans.length; i++)
      for (let j = i + 1; j < spans.length; j++)
        if (rows[i] === rows[j]) expect(Math.abs(spans[i]!.at - spans[j]!.at)).toBeGreaterThanOrEqual(14 + 2);
  });
  it('uses a third row when two are not enough', () => {
    expect(staggerRows([0, 4, 8].map((at) => ({ at, width: 10 })))).toEqual([0, 1, 2]);
  });
});
