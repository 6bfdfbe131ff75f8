/**
 * The engine gives exactly the results it gave before it was made fast: every field a caller can
 * read (items and explanation included) of every student, on the property-test corpus under
 * varied policies, the bench course (both grading modes, two dates) and the demo course, digested
 * and compared with the digests recorded from the engine as it was (engine-recorded.*.txt, one line per course).
 * A mismatch names the course; rerun the old engine on it to see the difference.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type CategoryResult,
  type CategoryView,
  type CourseResult,
  type StudentResult,
  computePrepared,
  computeStudent,
  prepareCourse,
  withStudentScores,
} from '@shared/grading';
import type { CourseSnapshot } from '@shared/model';
import { readSnapshot } from '../../../main/backend/services/course';
import { generateCourse } from '../../bench/engine-course';
import { CORPUS_AS_OF, recordedCorpus } from '../../unit/grading/corpus';
import { db, newCourse } from '../workspace/helpers';

const CORPUS_SIZE = 600;

/** Every field of a category view, spelled out so that no getter or prototype hides one. */
function plainView(v: CategoryView) {
  const { earned, possible, percent, display, effectiveWeight, contribution, dropped } = v;
  return { earned, possible, percent, display, effectiveWeight, contribution, dropped: [...dropped] };
}

function plainCategory(c: CategoryResult) {
  return {
    categoryId: c.categoryId,
    name: c.name,
    kind: c.kind,
    weight: c.weight,
    current: plainView(c.current),
    final: plainView(c.final),
  };
}

function plainStudent(r: StudentResult) {
  return {
    studentId: r.studentId,
    items: r.items.map((it) => ({ ...it })),
    categories: r.categories.map(plainCategory),
    current: { ...r.current },
    final: { ...r.final },
    letter: r.letter,
    display: r.display,
    override: r.override && { ...r.override },
    flags: [...r.flags],
    explanation: asRecorded(r),
  };
}

/**
 * The explanation as the digests were recorded: since then a category's excused (or exempt)
 * items share one line, so each is spelled out again as its own item line, after that item's
 * other lines (the status is the last thing the item pass says of an excused item).
 */
function asRecorded(r: StudentResult) {
  const order = new Map(r.items.map((it, k) => [it.itemId, k]));
  const itemLines: { line: object; at: number }[] = [];
  const rest: object[] = [];
  for (const l of r.explanation) {
    if (l.kind === 'item') itemLines.push({ line: { ...l }, at: order.get(l.itemId)! });
    else if (l.kind === 'not-counted') {
      for (const itemId of l.itemIds) {
        const name = r.items[order.get(itemId)!]!.name;
        itemLines.push({
          line: { kind: 'item', itemId, text: `${name}: ${l.status} — not counted`, change: 0 },
          at: order.get(itemId)! + 0.5,
        });
      }
    } else rest.push({ ...l });
  }
  // Item lines came first, in item order (a stable sort keeps each item's own order).
  return [...itemLines.sort((a, b) => a.at - b.at).map((x) => x.line), ...rest];
}

function digest(res: CourseResult): string {
  const text = JSON.stringify({ students: res.students.map(plainStudent), problems: res.policyProblems });
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function lines(digests: readonly string[]): string {
  return digests.map((d, i) => `course ${i}: ${d}\n`).join('');
}

/** The course's results, after checking that one student alone and a swapped-in student give the same. */
function resultsOf(snap: CourseSnapshot, asOf: string): string {
  const prepared = prepareCourse(snap);
  const all = computePrepared(prepared, { asOf });
  const text = JSON.stringify(all.students.map(plainStudent));
  const one = all.students.map((r) => plainStudent(computeStudent(prepared, r.studentId, { asOf })));
  expect(JSON.stringify(one)).toBe(text);
  const first = snap.students[0];
  if (first) {
    const swapped = withStudentScores(
      prepared,
      first.id,
      snap.scores.filter((s) => s.studentId === first.id),
    );
    expect(JSON.stringify(plainStudent(computeStudent(swapped, first.id, { asOf })))).toBe(JSON.stringify(plainStudent(all.students[0]!)));
  }
  return digest(all);
}

describe('the engine gives the results recorded before it was made fast', () => {
  it(`on ${CORPUS_SIZE} generated courses under varied policies`, async () => {
    const digests = recordedCorpus(CORPUS_SIZE).map((snap) => resultsOf(snap, CORPUS_AS_OF));
    await expect(lines(digests)).toMatchFileSnapshot('engine-recorded.corpus.txt');
  });

  it('on the bench course, weighted and points, before and after the last due date', async () => {
    const bench = generateCourse(40);
    const points = { ...bench, policy: { ...bench.policy, grading: 'points' as const } };
    const digests = [bench, points].flatMap((snap) =>
      ['2025-02-10T12:00:00Z', '2025-06-01T00:00:00Z'].map((asOf) => resultsOf(snap, asOf)),
    );
    await expect(lines(digests)).toMatchFileSnapshot('engine-recorded.bench.txt');
  });

  it('on the demo course', async () => {
    const c = newCourse('ie7374', { demo: true });
    const snap = readSnapshot(db(c));
    const digests = ['2026-10-01T12:00:00Z', '2027-01-15T12:00:00Z'].map((asOf) => resultsOf(snap, asOf));
    await expect(lines(digests)).toMatchFileSnapshot('engine-recorded.demo.txt');
  });
});
