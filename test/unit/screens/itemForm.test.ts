import { describe, expect, it } from 'vitest';
import { emptyItem, formToItem, formToSeries } from '@shared/screens/itemForm';

describe('item form', () => {
  it('requires a name and non-negative points, and a date for a time', () => {
    const r = formToItem({ ...emptyItem(1), pointsPossible: '-2', dueTime: '10:00' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['dueDate', 'name', 'pointsPossible']);
  });
  it('uses null for the course default due time', () => {
    const r = formToItem({ ...emptyItem(3), name: ' HW 1 ', dueDate: '2026-09-15' });
    expect(r.ok && r.fields).toMatchObject({ categoryId: 3, name: 'HW 1', pointsPossible: 10, dueDate: '2026-09-15', dueTime: null });
  });
  it('takes an exact deadline with seconds and the "does not count" flag', () => {
    const r = formToItem({ ...emptyItem(3), name: 'Quiz', dueAt: ' 2026-09-15T23:59:59-04:00 ', omitFromFinal: true });
    expect(r.ok && r.fields).toMatchObject({ dueAt: '2026-09-15T23:59:59-04:00', omitFromFinal: true });
    const bad = formToItem({ ...emptyItem(3), name: 'Quiz', dueAt: 'tomorrow' });
    expect(!bad.ok && bad.errors.dueAt).toMatch(/^"tomorrow" is not an exact deadline\./);
  });
});

describe('weekly series form', () => {
  const base = {
    categoryId: '2',
    prefix: 'Reading',
    from: '1',
    to: '12',
    pointsPossible: '5',
    firstDueDate: '2026-09-08',
    everyDays: '7',
    teamGraded: false,
  };
  it('converts a valid series', () => {
    expect(formToSeries(base)).toEqual({ ok: true, input: { ...base, categoryId: 2, from: 1, to: 12, pointsPossible: 5, everyDays: 7 } });
  });
  it('refuses to before from, and a zero interval', () => {
    const r = formToSeries({ ...base, from: '5', to: '3', everyDays: '0' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.to).toBe('"To" must be at least "from" (5).');
    expect(r.errors.everyDays).toMatch(/1 to 60/);
  });
});
