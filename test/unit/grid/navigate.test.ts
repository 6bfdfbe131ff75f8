import { describe, expect, it } from 'vitest';
import { cornerTarget, tabTarget, type GridShape } from '@shared/grid';

/** Name and ID (0, 1), three scores (2-4), a category %, the total and the letter (5-7); three rows. */
const grid: GridShape = { rows: 3, firstEditable: 2, lastEditable: 4, lastCol: 7 };

describe('Tab and Shift+Tab move among the score cells, like Excel on a protected sheet', () => {
  it.each([
    ['Tab', { row: 0, col: 2 }, { row: 0, col: 3 }],
    ['Tab', { row: 0, col: 4 }, { row: 1, col: 2 }],
    ['Tab', { row: 0, col: 6 }, { row: 1, col: 2 }],
    ['Tab', { row: 1, col: 0 }, { row: 1, col: 2 }],
    ['Shift+Tab', { row: 1, col: 3 }, { row: 1, col: 2 }],
    ['Shift+Tab', { row: 1, col: 2 }, { row: 0, col: 4 }],
    ['Shift+Tab', { row: 1, col: 0 }, { row: 0, col: 4 }],
    ['Shift+Tab', { row: 1, col: 7 }, { row: 1, col: 4 }],
  ])('%s from %o goes to %o', (key, from, to) => expect(tabTarget(from, key === 'Shift+Tab', grid)).toEqual(to));

  it('leaves the grid past its first and last score cell, and when there is none', () => {
    expect(tabTarget({ row: 2, col: 4 }, false, grid)).toBeNull();
    expect(tabTarget({ row: 0, col: 2 }, true, grid)).toBeNull();
    expect(tabTarget({ row: 0, col: 0 }, false, { ...grid, lastEditable: 1 })).toBeNull();
  });
});

describe('Ctrl+Home and Ctrl+End', () => {
  it('go to the first score cell and to the last row’s last cell', () => {
    expect(cornerTarget(false, grid)).toEqual({ row: 0, col: 2 });
    expect(cornerTarget(true, grid)).toEqual({ row: 2, col: 7 });
  });
});
