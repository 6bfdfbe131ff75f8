/** A result is plain data for whoever receives it: IPC's structured clone and JSON see every field. */
import { describe, expect, it } from 'vitest';
import { computeCourse, computeStudent, prepareCourse } from '@shared/grading';
import { CORPUS_AS_OF, recordedCorpus } from './corpus';
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

  // A full recompute writes every student's numbers into one store, by slot: a slot mix-up would
  // give a student another's categories or grades.
  it('read the same from a full recompute as from one student computed alone', () => {
    for (const course of recordedCorpus(40)) {
      const prepared = prepareCourse(course);
      const all = computeCourse(course, { asOf: CORPUS_AS_OF }).students;
      for (const r of all) {
        const alone = computeStudent(prepared, r.studentId, { asOf: CORPUS_AS_OF });
        expect({ ...r, items: null, explanation: null }).toEqual({ ...alone, items: null, explanation: null });
      }
    }
  });

  it('build each view once: a category that reads the same in both views has one view object', () => {
    const two = snapshot({
      students: [student(1)],
      categories: [category(1, { weight: 50 }), category(2, { weight: 50 })],
      // Item 3 is ungraded: category 2 counts it as 0 in the final view only.
      items: [item(1, 1, 10), item(2, 2, 10), item(3, 2, 10)],
      scores: [score(1, 1, 8), score(1, 2, 6)],
    });
    const [r] = computeCourse(two, { asOf: LATE_TERM }).students;
    const [same, differs] = r!.categories;
    expect(same!.final).toBe(same!.current);
    expect(differs!.final).not.toBe(differs!.current);
    expect([differs!.current.display, differs!.final.display]).toEqual(['60.00', '30.00']);
    expect(r!.categories).toBe(r!.categories);
    expect(r!.final).toBe(r!.final);
    expect([r!.current.display, r!.final.display]).toEqual(['70.00', '55.00']);
  });
});
