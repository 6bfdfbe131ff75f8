/** A result is plain data for whoever receives it: IPC's structured clone and JSON see every field. */
import { describe, expect, it } from 'vitest';
import { computeCourse } from '@shared/grading';
import { LATE_TERM, category, item, score, snapshot, student } from './helpers';

const KEYS = ['studentId', 'items', 'categories', 'current', 'final', 'letter', 'display', 'override', 'flags', 'explanation'];

describe('student results', () => {
  const snap = snapshot({
    students: [student(1), student(2)],
    categories: [category(1, { dropLowest: 1 })],
    items: [item(1, 1, 10), item(2, 1, 10)],
    scores: [score(1, 1, 4), score(1, 2, 9), score(2, 1, 7)],
  });

  it('carry items and explanation through a structured clone, as over IPC', () => {
    const [r] = computeCourse(snap, { asOf: LATE_TERM }).students;
    const copy = structuredClone(r!);
    expect(copy.items).toEqual(r!.items);
    expect(copy.explanation).toEqual(r!.explanation);
    expect(copy.explanation.length).toBeGreaterThan(0);
    expect(Object.keys(copy)).toEqual(KEYS);
  });

  it('list the same fields in the same order, and read the same on every read', () => {
    const results = computeCourse(snap, { asOf: LATE_TERM }).students;
    for (const r of results) {
      expect(Object.keys(r)).toEqual(KEYS);
      expect(r.items).toBe(r.items);
      expect(r.explanation).toBe(r.explanation);
      expect(JSON.parse(JSON.stringify(r))).toEqual(structuredClone(r));
    }
  });
});
