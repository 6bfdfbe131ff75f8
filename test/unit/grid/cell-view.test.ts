import { describe, expect, it } from 'vitest';
import type { ItemResult } from '@shared/grading';
import { cellView } from '@shared/grid';
import { blankScore } from '@shared/model';

const result = (over: Partial<ItemResult>): ItemResult => ({
  itemId: 1,
  categoryId: 1,
  name: 'Homework 1',
  possible: 10,
  raw: 8,
  effective: 8,
  outcome: 'graded',
  current: 'counted',
  final: 'counted',
  late: null,
  integrity: null,
  team: null,
  why: [],
  ...over,
});
const late = {
  hoursLate: 30,
  source: 'submitted' as const,
  deadline: null,
  extensionDays: 0,
  deduction: 0.8,
  notAccepted: false,
  rule: '10% of earned',
  waived: null,
};

describe('cell states at a glance', () => {
  it('shows points as entered', () => {
    expect(cellView(undefined, result({ raw: 9.5, effective: 9.5 }), false)).toEqual({ text: '9.5', marks: [], title: '' });
  });
  it('shows EX and MI with their marks and reasons', () => {
    expect(cellView(undefined, result({ outcome: 'excused', raw: null }), false)).toMatchObject({ text: 'EX', marks: ['excused'] });
    const mi = cellView(undefined, result({ outcome: 'missing', raw: null, effective: 0 }), false);
    expect(mi).toMatchObject({ text: 'MI', marks: ['missing'] });
    expect(mi.title).toContain('counts 0');
  });
  it('shows work missing by the missing-work policy as its own state', () => {
    const auto = cellView(undefined, result({ outcome: 'auto-missing', raw: null, effective: 5 }), false);
    expect(auto).toMatchObject({ text: 'MI', marks: ['auto-missing'] });
    expect(auto.title).toContain("Not graded by its deadline: missing by the course's missing-work policy, counts 5.");
  });
  it('shows the penalised value of late work; the tooltip says when it came in, in the course zone, and what was taken off', () => {
    // Due Mon 15 Sep 2025, 11:59 pm EDT; in 38 h 59 min later, at 2:58 pm EDT on the 17th.
    const submitted = {
      ...late,
      hoursLate: 38 + 59 / 60,
      deadline: '2025-09-16T03:59:00.000Z',
      deduction: 0.55,
      penalty: '−10% of 5.5 earned = −0.55 → 4.95',
      lateness: 'submitted 38 h 59 min late',
    };
    const why = ['Homework 1: submitted 38 h 59 min late, −10% of 5.5 earned = −0.55 → 4.95 (late rule: …)'];
    const v = cellView(undefined, result({ raw: 5.5, effective: 4.95, late: submitted, why }), false, 'America/New_York');
    expect(v.text).toBe('4.95');
    expect(v.marks).toEqual(['late']);
    expect(v.title.split('\n')).toEqual([
      'Submitted Wed 17 Sep, 2:58 pm EDT, 38 h 59 min late; −10% of 5.5 earned = −0.55 → 4.95',
      'Late rule: 10% of earned.',
    ]);
    const manual = cellView(undefined, result({ effective: 7.2, late: { ...late, hoursLate: 48, source: 'manual' } }), false);
    expect(manual.title).toContain('Marked 2 days late; −0.8 → 7.2');
  });
  it('marks a score above the points possible as extra credit, with a tooltip, not colour alone', () => {
    const v = cellView(undefined, result({ raw: 15, effective: 15 }), false);
    expect(v).toEqual({ text: '15', marks: ['extra-credit'], title: 'Extra credit: 15 of 10' });
    expect(cellView(undefined, result({ raw: 10, effective: 10 }), false).marks).toEqual([]);
  });
  it('marks work not accepted and an integrity finding as 0', () => {
    expect(cellView(undefined, result({ effective: 0, late: { ...late, notAccepted: true } }), false).marks).toEqual(['not-accepted']);
    const i = cellView(undefined, result({ effective: 0, integrity: { date: '2026-10-01', note: 'copied', original: 8 } }), false);
    expect(i).toMatchObject({ text: '0', marks: ['integrity'] });
    expect(i.title).toContain('copied');
  });
  it('dims dropped work and marks team scores and individual adjustments', () => {
    expect(cellView(undefined, result({ final: 'dropped' }), false).marks).toEqual(['dropped']);
    const t = cellView(
      undefined,
      result({ possible: 100, raw: 80, effective: 70, team: { teamId: 3, teamScore: 80, adjustment: { mode: 'delta', value: -10 } } }),
      true,
    );
    expect(t.text).toBe('70');
    expect(t.marks).toEqual(['team', 'adjusted']);
    expect(t.title).toContain('-10 points');
  });
  it('adds the comment to the tooltip', () => {
    const own = { ...blankScore(1, 1, 8), comment: 'Great work' };
    const v = cellView(own, result({}), false);
    expect(v.marks).toEqual(['comment']);
    expect(v.title).toBe('Comment: Great work');
  });
});
