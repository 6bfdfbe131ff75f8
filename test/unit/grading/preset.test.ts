import { describe, expect, it } from 'vitest';
import { computeCourse, validatePolicy } from '@shared/grading';
import { blankSession, type Category, type CourseSnapshot } from '@shared/model';
import { IE7374_CATEGORIES, IE7374_POLICY } from '@shared/model/preset';
import { item, score, snapshot, student, teamScore } from './helpers';

const categories: Category[] = IE7374_CATEGORIES.map((c, i) => ({ ...c, id: i + 1, position: i }));
const [HW, READ, PROJECT, ATT] = [1, 2, 3, 4];

function ie7374(over: Partial<CourseSnapshot> = {}): CourseSnapshot {
  return snapshot({
    policy: IE7374_POLICY,
    categories,
    students: [student(1)],
    teams: [{ id: 1, name: 'Team 1' }],
    memberships: [{ teamId: 1, studentId: 1, from: '2024-09-01T00:00:00Z', to: null }],
    items: [
      item(1, HW, 100, { dueDate: '2024-09-20' }),
      item(2, READ, 10, { dueDate: '2024-09-20' }),
      item(3, PROJECT, 100, { dueDate: '2024-12-01', teamGraded: true }),
    ],
    attendanceSessions: [1, 2, 3, 4].map((id) => blankSession(id, `2024-09-0${id + 1}`)),
    attendance: [1, 2, 3, 4].map((sessionId) => ({ sessionId, studentId: 1, mark: 'present' as const })),
    ...over,
  });
}

describe('the IE 7374 preset reproduces the syllabus', () => {
  it('weights 25/10/60/5 and a clean policy', () => {
    expect(categories.map((c) => [c.name, c.weight, c.kind])).toEqual([
      ['Homeworks', 25, 'items'],
      ['Reading assignments', 10, 'items'],
      ['Final project', 60, 'items'],
      ['Attendance', 5, 'attendance'],
    ]);
    expect(validatePolicy(IE7374_POLICY, categories)).toEqual([]);
  });

  it('the nine bands, lower bound inclusive', () => {
    const cases: [number, string][] = [
      [100, 'A'],
      [94, 'A'],
      [93.99, 'A-'],
      [88, 'A-'],
      [87.99, 'B+'],
      [82, 'B+'],
      [81.99, 'B'],
      [76, 'B'],
      [75.99, 'B-'],
      [70, 'B-'],
      [69.99, 'C+'],
      [64, 'C+'],
      [63.99, 'C'],
      [58, 'C'],
      [57.99, 'C-'],
      [52, 'C-'],
      [51.99, 'F'],
      [0, 'F'],
    ];
    for (const [pct, letter] of cases) {
      const r = computeCourse(snapshot({ policy: IE7374_POLICY, items: [item(1, 1, 100)], scores: [score(1, 1, pct)] }), {
        asOf: '2030-01-01T00:00:00Z',
      }).students[0]!;
      expect([pct, r.letter]).toEqual([pct, letter]);
    }
  });

  it('a full term: 90 / 100 / 95 / 100 → 22.5 + 10 + 57 + 5 = 94.50, an A', () => {
    const r = computeCourse(ie7374({ scores: [score(1, 1, 90), score(1, 2, 10)], teamScores: [teamScore(1, 3, 95)] }), {
      asOf: '2030-01-01T00:00:00Z',
    }).students[0]!;
    expect(r.categories.map((c) => c.final.contribution)).toEqual([22.5, 10, 57, 5]);
    expect(r.final.display).toBe('94.50');
    expect(r.letter).toBe('A');
    const total = r.explanation.find((l) => l.kind === 'total' && l.view === 'final');
    expect(total?.text).toBe('Final grade: 22.5000 + 10.0000 + 57.0000 + 5.0000 = 94.5000');
  });

  it('late rule: 80/100 a day late is 72/100; more than two days late scores 0 unless excused', () => {
    const late = (submittedAt: string, status: 'excused' | null = null) =>
      computeCourse(ie7374({ scores: [score(1, 1, 80, { submittedAt, status })] }), { asOf: '2030-01-01T00:00:00Z' }).students[0]!
        .items[0]!;
    expect(late('2024-09-21T20:00:00-04:00').effective).toBe(72);
    expect(late('2024-09-21T20:00:00-04:00').late?.rule).toBe('up to 48 h, 10% of earned');
    expect(late('2024-09-23T08:00:00-04:00').effective).toBe(0);
    expect(late('2024-09-23T08:00:00-04:00', 'excused').outcome).toBe('excused');
  });

  it('attendance: late counts half, excused leaves the denominator', () => {
    const r = computeCourse(
      ie7374({
        attendance: [
          { sessionId: 1, studentId: 1, mark: 'present' },
          { sessionId: 2, studentId: 1, mark: 'late' },
          { sessionId: 3, studentId: 1, mark: 'excused' },
          { sessionId: 4, studentId: 1, mark: 'absent' },
        ],
      }),
      { asOf: '2030-01-01T00:00:00Z' },
    ).students[0]!;
    expect(r.categories.find((c) => c.categoryId === ATT)?.final.display).toBe('50.00');
  });
});
