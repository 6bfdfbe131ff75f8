import { describe, expect, it } from 'vitest';
import { computeCourse } from '@shared/grading';
import { change } from '../../../main/backend/changes/tracker';
import { readSnapshot } from '../../../main/backend/services/course';
import { EFFECTIVE_SUFFIX } from '../../../main/backend/excel/grades-table';
import { db, newCourse, type TestCourse } from '../workspace/helpers';

const AS_OF = '2026-12-20T12:00:00Z';

/** Every student's final percent and letter, and every stored score cell. */
function state(c: TestCourse) {
  const snapshot = readSnapshot(db(c));
  return {
    grades: computeCourse(snapshot, { asOf: AS_OF }).students.map((s) => [s.studentId, s.display, s.letter]),
    scores: db(c).prepare('SELECT * FROM score ORDER BY student_id, item_id').all(),
  };
}

/** Exports the grades CSV through the API and imports it back as scores; answers the import report. */
async function roundTrip(c: TestCourse) {
  const csv = await c.call('excel.exportGradesCsv', {});
  const text = Buffer.from(csv.data, 'base64').toString('utf8');
  const report = await c.call('excel.importScores', { file: { name: csv.name, data: csv.data } });
  return { header: text.split('\r\n')[0]!.split(','), report };
}

/** 2,000 students x 100 items, with late submissions (penalised), excused and missing cells. */
function largeCourse(): TestCourse {
  const c = newCourse('ie7374');
  const d = db(c);
  const now = new Date().toISOString();
  change(d, 'generated', (cs) => {
    const category = (d.prepare("SELECT id FROM category WHERE name = 'Homeworks'").get() as { id: number }).id;
    const items = Array.from({ length: 100 }, (_, i) =>
      cs.insert('item', {
        category_id: category,
        name: `HW ${i + 1}`,
        points_possible: 10,
        due_date: '2026-09-15',
        position: i + 1,
        created_at: now,
      }),
    );
    for (let s = 0; s < 2000; s++) {
      const id = cs.insert('student', {
        registrar_id: String(s).padStart(9, '0'),
        first_name: `F${s}`,
        last_name: `L${s}`,
        created_at: now,
      });
      for (const item of items) {
        const k = (s * 31 + item * 7) % 23;
        const cell =
          k === 0
            ? { value: null, status: 'excused' }
            : k === 1
              ? { value: null, status: 'missing' }
              : { value: ((s + item) % 21) / 2, status: null };
        cs.put(
          'score',
          { student_id: id, item_id: item },
          { ...cell, submitted_at: k === 2 ? '2026-09-16T20:00:00Z' : null, updated_at: now },
        );
      }
    }
  });
  return c;
}

describe('the grades CSV re-imported as scores', () => {
  it('changes nothing on the demo course (late penalties not applied twice)', async () => {
    const c = newCourse('ie7374', { demo: true });
    const before = state(c);
    const { header, report } = await roundTrip(c);
    expect(header).toContain('Homework 1 (10)');
    expect(header).toContain(`Homework 1 (10)${EFFECTIVE_SUFFIX}`);
    // The demo has late work, so effective and raw scores differ somewhere.
    expect(readSnapshot(db(c)).scores.some((s) => s.submittedAt)).toBe(true);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.counts).toMatchObject({ set: 0, cleared: 0, statuses: 0 });
    expect(report.counts.unchanged).toBeGreaterThan(0);
    expect(report.columns.filter((col) => col.header.endsWith(EFFECTIVE_SUFFIX)).every((col) => col.action === 'unmatched')).toBe(true);
    expect(state(c)).toEqual(before);
  });

  it('changes nothing on 2,000 students x 100 items', async () => {
    const c = largeCourse();
    const before = state(c);
    expect(
      computeCourse(readSnapshot(db(c)), { asOf: AS_OF }).students.some((s) => s.items.some((i) => (i.late?.deduction ?? 0) > 0)),
    ).toBe(true);
    const { report } = await roundTrip(c);
    expect(report.counts).toEqual({ set: 0, cleared: 0, unchanged: 200_000, statuses: 0, itemsCreated: 0 });
    expect(state(c)).toEqual(before);
  }, 120_000);
});
