import { describe, expect, it } from 'vitest';
import { computeCourse } from '@shared/grading';
import { readSnapshot } from '../../../main/backend/services/course';
import { count, db, newCourse } from './helpers';

const asOf = '2026-12-20T12:00:00Z';

describe('grades on the demo class', () => {
  it('computes every student with the engine, as of a date', async () => {
    const c = newCourse('ie7374', { demo: true });
    const res = await c.call('grades.compute', { asOf });
    expect(res.asOf).toBe(asOf);
    expect(res.students).toHaveLength(40);
    expect(res.policyProblems).toEqual([]);
    const engine = computeCourse(readSnapshot(db(c)), { asOf });
    expect(res.students.map((s) => [s.studentId, s.letter, s.display])).toEqual(
      engine.students.map((s) => [s.studentId, s.letter, s.display]),
    );
    for (const s of res.students) {
      expect(s.letter).toMatch(/^[ABCF][+-]?$/);
      expect(s.categories.map((x) => x.name)).toEqual(['Homeworks', 'Reading assignments', 'Final project', 'Attendance']);
    }
    // The demo records one integrity finding and one member adjustment.
    expect(res.students.filter((s) => s.flags.includes('integrity'))).toHaveLength(1);
  });

  it('explains one student with item detail and explanation lines', async () => {
    const c = newCourse('ie7374', { demo: true });
    const id = (await c.call('course.snapshot', {})).students[0]!.id;
    const r = await c.call('grades.explain', { studentId: id, asOf });
    expect(r.studentId).toBe(id);
    expect(r.items.length).toBeGreaterThan(20);
    expect(r.explanation.some((l) => l.kind === 'total')).toBe(true);
    expect(r.explanation.some((l) => l.kind === 'letter' && l.letter === r.letter)).toBe(true);
    expect((await c.fail('grades.explain', { studentId: 9999 })).code).toBe('not_found');
  });
});

describe('overrides', () => {
  it('sets and clears an override with a reason, in the audit', async () => {
    const c = newCourse('ie7374', { demo: true });
    const id = (await c.call('course.snapshot', {})).students[0]!.id;
    const computed = (await c.call('grades.compute', {})).students.find((s) => s.studentId === id)!;
    const letter = computed.letter === 'A' ? 'B' : 'A';
    const row = await c.call('override.set', { studentId: id, letter, reason: 'Incomplete resolved' });
    expect(row).toMatchObject({ letter, override: { letter, reason: 'Incomplete resolved', computedLetter: computed.letter } });
    expect(row.flags).toContain('override');
    const audit = await c.call('history.list', { studentId: id, entity: 'grade_override' });
    expect(audit.entries[0]).toMatchObject({
      reason: 'Incomplete resolved',
      after: { letter },
      subject: expect.stringContaining('final grade'),
    });

    const cleared = await c.call('override.clear', { studentId: id, reason: 'Entered by mistake' });
    expect(cleared).toMatchObject({ letter: computed.letter, override: null });
    expect(count(c, 'SELECT * FROM grade_override')).toBe(0);
    expect((await c.fail('override.clear', { studentId: id, reason: 'again' })).code).toBe('not_found');
  });

  it('refuses a letter that is not a band of the course, a missing reason, or an empty override', async () => {
    const c = newCourse('ie7374', { demo: true });
    const id = (await c.call('course.snapshot', {})).students[0]!.id;
    const before = c.fileBytes();
    expect(await c.fail('override.set', { studentId: id, letter: 'A+', reason: 'x' })).toMatchObject({
      code: 'validation_failed',
      message: '"A+" is not a letter of this course. Use one of: A, A-, B+, B, B-, C+, C, C-, F.',
    });
    expect((await c.fail('override.set', { studentId: id, letter: 'A', reason: '  ' })).code).toBe('invalid_input');
    expect((await c.fail('override.set', { studentId: id, reason: 'why' })).code).toBe('invalid_input');
    expect(c.fileBytes().equals(before)).toBe(true);
    const pct = await c.call('override.set', { studentId: id, percent: 94, reason: 'Regraded final exam' });
    expect(pct).toMatchObject({ letter: 'A', display: expect.stringMatching(/^94/) });
  });
});
