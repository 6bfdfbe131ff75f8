import { describe, expect, it } from 'vitest';
import { entrySummary, fieldChanges } from '@shared/screens/historyText';

describe('history text', () => {
  it('lists only the fields that changed, in words, without bookkeeping columns', () => {
    const changes = fieldChanges({
      key: { student_id: 1, item_id: 2 },
      before: { student_id: 1, item_id: 2, value: 8, comment: null, updated_at: 'a' },
      after: { student_id: 1, item_id: 2, value: 9, comment: 'regrade', updated_at: 'b' },
    });
    expect(changes).toEqual([
      { field: 'Score', before: '8', after: '9' },
      { field: 'Comment', before: 'empty', after: 'regrade' },
    ]);
  });
  it('leaves out the key columns of an added row', () => {
    const changes = fieldChanges({
      key: { session_id: 24, student_id: 40 },
      before: null,
      after: { session_id: 24, student_id: 40, mark: 'late', updated_at: 'x' },
    });
    expect(changes).toEqual([{ field: 'Mark', before: 'empty', after: 'late' }]);
  });
  it('says added, removed, changed and marks undo', () => {
    expect(entrySummary({ entity: 'student', before: null, after: { id: 1 }, kind: 'do' })).toBe('Student added');
    expect(entrySummary({ entity: 'grade_override', before: { a: 1 }, after: null, kind: 'undo' })).toBe('Undo: Grade override removed');
    expect(entrySummary({ entity: 'score', before: { value: 1 }, after: { value: 2 }, kind: 'do' })).toBe('Score changed');
  });
});
