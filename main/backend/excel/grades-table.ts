import { computeCourse, type CourseResult, type ItemOutcome } from '../../../shared/grading';
import type { CourseSnapshot } from '../../../shared/model';
import { readSnapshot, type Course } from '../services/course';

/** How a cell's outcome reads in a spreadsheet when it has no number. */
const OUTCOME_TEXT: Partial<Record<ItemOutcome, string>> = {
  excused: 'EX',
  exempt: 'exempt',
  missing: 'MI',
  'missing-before-due': 'MI',
  'auto-missing': 'MI',
};

export type ColumnKind = 'id' | 'text' | 'points' | 'percent';

export interface GradesTable {
  snapshot: CourseSnapshot;
  results: CourseResult;
  fileStem: string;
  header: string[];
  kinds: ColumnKind[];
  /** The item each column holds a score of (null: not a score column). */
  columnItems: (number | null)[];
  rows: { studentId: number; cells: (string | number | null)[] }[];
}

/**
 * Students x items with category, current and final percentages and the letter, exactly as the
 * grading engine computes them (nothing here computes a grade). Shared by the workbook's Grades
 * sheet and the grades CSV.
 */
export function buildGradesTable(course: Course, now: Date): GradesTable {
  const snapshot = readSnapshot(course.db);
  const results = computeCourse(snapshot, { asOf: now.toISOString() });
  const items = snapshot.items;
  const categories = snapshot.categories;
  const header = [
    'Student ID',
    'Last name',
    'First name',
    'Section',
    'Status',
    ...items.map((i) => `${i.name} (${i.pointsPossible})`),
    ...categories.map((c) => `${c.name} %`),
    'Current %',
    'Final %',
    'Letter',
  ];
  const kinds: ColumnKind[] = [
    'id',
    'text',
    'text',
    'text',
    'text',
    ...items.map((): ColumnKind => 'points'),
    ...categories.map((): ColumnKind => 'percent'),
    'percent',
    'percent',
    'text',
  ];
  const columnItems = [null, null, null, null, null, ...items.map((i) => i.id), ...categories.map(() => null), null, null, null];
  const num = (s: string | null) => (s === null ? null : Number(s));
  const rows = snapshot.students.map((s, index) => {
    const r = results.students[index]!;
    const byItem = new Map(r.items.map((i) => [i.itemId, i]));
    const byCategory = new Map(r.categories.map((c) => [c.categoryId, c]));
    return {
      studentId: s.id,
      cells: [
        s.registrarId,
        s.lastName,
        s.firstName,
        s.section,
        s.status,
        ...items.map((i) => {
          const ir = byItem.get(i.id);
          if (!ir) return null;
          return ir.effective ?? OUTCOME_TEXT[ir.outcome] ?? null;
        }),
        ...categories.map((c) => num(byCategory.get(c.id)?.final.display ?? null)),
        num(r.current.display),
        num(r.display),
        r.letter,
      ],
    };
  });
  const fileStem = (snapshot.course.code ?? snapshot.course.name).replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-|-$/g, '') || 'course';
  return { snapshot, results, fileStem, header, kinds, columnItems, rows };
}
