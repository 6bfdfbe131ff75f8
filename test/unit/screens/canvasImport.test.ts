import { describe, expect, it } from 'vitest';
import { undecided, withCategory, withDecision } from '@shared/screens/canvasImport';

describe('Canvas import choices', () => {
  it('keeps one category per assignment and one decision per row, the latest', () => {
    expect(withCategory(withCategory([], '1003', 2), '1003', 3)).toEqual([{ canvasId: '1003', categoryId: 3 }]);
    expect(withCategory([{ canvasId: '1003', categoryId: 3 }], '1004', 1)).toHaveLength(2);
    expect(withDecision(withDecision([], 8, 5), 8, null)).toEqual([{ row: 8, studentId: null }]);
  });

  it('counts the uncertain matches still waiting for an answer', () => {
    const u = { row: 8, name: 'x', login: '', studentId: 5, studentName: 'y', registrarId: '1', email: null };
    expect(
      undecided({
        uncertain: [
          { ...u, decision: null },
          { ...u, row: 9, decision: 'create' },
        ],
      }),
    ).toBe(1);
  });
});
