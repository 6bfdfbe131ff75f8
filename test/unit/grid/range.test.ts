import { describe, expect, it } from 'vitest';
import { fillDown, mapPaste, rangeOf } from '@shared/grid';

const at = (row: number, col: number) => ({ top: row, bottom: row, left: col, right: col });

describe('paste mapping', () => {
  it('places a 3x4 block from the active cell', () => {
    const block = [
      ['1', '2', '3', '4'],
      ['5', '6', '7', '8'],
      ['9', '10', '11', '12'],
    ];
    const m = mapPaste(block, at(2, 1), 10, 10);
    expect(m.clipped).toBe(false);
    expect(m.cells).toHaveLength(12);
    expect(m.cells[0]).toEqual({ row: 2, col: 1, text: '1' });
    expect(m.cells[11]).toEqual({ row: 4, col: 4, text: '12' });
  });
  it('clips at the bottom and right edges and says so', () => {
    const block = [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
    ];
    const m = mapPaste(block, at(8, 8), 10, 10);
    expect(m.clipped).toBe(true);
    expect(m.cells.map((c) => c.text)).toEqual(['a', 'b', 'd', 'e']);
    expect(m.cells.every((c) => c.row < 10 && c.col < 10)).toBe(true);
  });
  it('fills a selected range with a single value', () => {
    const m = mapPaste([['EX']], rangeOf({ row: 1, col: 1 }, { row: 2, col: 3 }), 10, 10);
    expect(m.cells).toHaveLength(6);
    expect(new Set(m.cells.map((c) => c.text))).toEqual(new Set(['EX']));
  });
  it('keeps ragged rows as they are', () => {
    const m = mapPaste([['1'], ['2', '3']], at(0, 0), 5, 5);
    expect(m.cells).toEqual([
      { row: 0, col: 0, text: '1' },
      { row: 1, col: 0, text: '2' },
      { row: 1, col: 1, text: '3' },
    ]);
  });
});

describe('fill down', () => {
  it('copies the top row of a range down each column', () => {
    const steps = fillDown(rangeOf({ row: 3, col: 0 }, { row: 1, col: 1 }));
    expect(steps).toEqual([
      { from: { row: 1, col: 0 }, to: { row: 2, col: 0 } },
      { from: { row: 1, col: 0 }, to: { row: 3, col: 0 } },
      { from: { row: 1, col: 1 }, to: { row: 2, col: 1 } },
      { from: { row: 1, col: 1 }, to: { row: 3, col: 1 } },
    ]);
  });
  it('takes the cell above for a single cell', () => {
    expect(fillDown(rangeOf({ row: 4, col: 2 }, { row: 4, col: 2 }))).toEqual([{ from: { row: 3, col: 2 }, to: { row: 4, col: 2 } }]);
  });
  it('does nothing on the first row', () => {
    expect(fillDown(rangeOf({ row: 0, col: 2 }, { row: 0, col: 2 }))).toEqual([]);
  });
});
