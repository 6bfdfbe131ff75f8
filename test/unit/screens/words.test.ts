import { describe, expect, it } from 'vitest';
import { formatDue, itemDue } from '@shared/screens/due';
import { changeLines } from '@shared/screens/historyText';
import { count, plural } from '@shared/text/words';

const policy = { timeZone: 'America/New_York', defaultDueTime: '23:59' };

describe('plural', () => {
  it('puts the noun in the number the count asks for', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(3, 'category', 'categories')).toBe('3 categories');
    expect(plural(1, 'category', 'categories')).toBe('1 category');
  });
  it('shows a fractional count as points are shown, and groups large whole counts', () => {
    expect(plural(0.5, 'day')).toBe('0.5 days');
    expect(plural(1 / 3, 'point')).toBe('0.333333 points');
    expect(plural(-0, 'point')).toBe('0 points');
    expect(count(100_000, 'row')).toBe('100,000 rows');
    expect(count(1, 'row')).toBe('1 row');
  });
});

describe('formatDue', () => {
  it('reads the due date and time in the course zone, naming it', () => {
    expect(formatDue('2026-09-08', '23:59', policy)).toBe('Tue 8 Sep, 11:59 pm EDT');
    expect(formatDue('2026-12-01', '09:05', policy)).toBe('Tue 1 Dec, 9:05 am EST');
  });
  it('uses the course default due time when the item has none', () => {
    expect(formatDue('2026-09-08', null, policy)).toBe('Tue 8 Sep, 11:59 pm EDT');
    expect(formatDue('2026-09-08', null, { timeZone: 'Europe/Berlin', defaultDueTime: '12:00' })).toBe('Tue 8 Sep, 12:00 pm GMT+2');
  });
});

describe('itemDue', () => {
  it('prefers the exact deadline, then the due date, and says nothing without either', () => {
    expect(itemDue({ dueAt: '2026-09-23T03:59:59.000Z', dueDate: '2026-09-22', dueTime: null }, policy)).toBe('Tue 22 Sep, 11:59 pm EDT');
    expect(itemDue({ dueAt: null, dueDate: '2026-09-22', dueTime: '09:00' }, policy)).toBe('Tue 22 Sep, 9:00 am EDT');
    expect(itemDue({ dueAt: null, dueDate: null, dueTime: null }, policy)).toBeNull();
  });
});

describe('history times', () => {
  it('shows a submitted-at instant in the course zone, not as stored', () => {
    const changes = changeLines(
      {
        entity: 'score',
        kind: 'do',
        refs: { before: {}, after: {} },
        key: { student_id: 1, item_id: 2 },
        before: { submitted_at: null },
        after: { submitted_at: '2026-09-16T14:00:00.000Z' },
      },
      'America/New_York',
    );
    expect(changes).toEqual(['Submitted: empty → Wed 16 Sep, 10:00 am EDT']);
  });
});
