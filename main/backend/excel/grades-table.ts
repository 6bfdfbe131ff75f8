import { plural } from '@shared/text/words';
import type { CourseResult, ItemOutcome } from '@shared/grading';
import { unpackScores, type CourseInfo, type Item, type PackedSnapshot, type ScoreStatus } from '@shared/model';
import type { Course } from '../services/course';
import { gradedPacked } from '../services/grades';

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
  /** The course as read, in its wire form (the table's scores are in `rows`). */
  snapshot: PackedSnapshot;
  results: CourseResult;
  fileStem: string;
  header: string[];
  kinds: ColumnKind[];
  /** The item each column holds a score of (null: not a score column). */
  columnItems: (number | null)[];
  /** The category each column holds the (final-view) percentage of (null: not a category column). */
  columnCategories: (number | null)[];
  rows: { studentId: number; cells: (string | number | null)[] }[];
}

/** The workbook's item header: "Homework 13 (bonus lab), 10 pts". */
const itemHeader = (i: Pick<Item, 'name' | 'pointsPossible'>): string => `${i.name}, ${plural(i.pointsPossible, 'pt')}`;
/** The grades CSV's item header, "Homework 13 (10)", which the score importer reads as the item's name. */
const csvItemHeader = (i: Pick<Item, 'name' | 'pointsPossible'>): string => `${i.name} (${i.pointsPossible})`;

/** Marks the columns of effective scores in the grades CSV; the score importer never reads them. */
export const EFFECTIVE_SUFFIX = ' [effective]';

/** How a stored status reads in a score column, as the score importer reads it back. */
const STATUS_TEXT: Record<ScoreStatus, string> = { excused: 'EX', missing: 'MI', exempt: 'exempt' };

/**
 * Students x items with category, current and final percentages and the letter, exactly as the
 * grading engine computes them (nothing here computes a grade). Shared by the workbook's Grades
 * sheet (effective scores under the item columns, statuses as EX or MI) and the grades CSV (`raw`: the scores and
 * statuses as entered under the item columns the score importer reads, so re-importing the file
 * changes nothing, and the effective scores in separate "[effective]" columns). Team-graded
 * items have no raw column: their scores belong to the team, which a score import cannot set.
 */
export function buildGradesTable(course: Course, now: Date, opts: { raw?: boolean } = {}): GradesTable {
  const { packed: snapshot, results } = gradedPacked(course.db, now.toISOString());
  // Item columns in category order, then item order, as the grid groups them.
  const categoryOrder = new Map(snapshot.categories.map((c, k) => [c.id, k]));
  const items = [...snapshot.items].sort((a, b) => categoryOrder.get(a.categoryId)! - categoryOrder.get(b.categoryId)!);
  const rawItems = opts.raw ? items.filter((i) => !i.teamGraded) : [];
  const categories = snapshot.categories;
  const header = [
    'Student ID',
    'Last name',
    'First name',
    'Section',
    'Status',
    ...rawItems.map(csvItemHeader),
    ...items.map((i) => (opts.raw ? `${csvItemHeader(i)}${EFFECTIVE_SUFFIX}` : itemHeader(i))),
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
    ...[...rawItems, ...items].map((): ColumnKind => 'points'),
    ...categories.map((): ColumnKind => 'percent'),
    'percent',
    'percent',
    'text',
  ];
  const columnItems = [
    null,
    null,
    null,
    null,
    null,
    ...[...rawItems, ...items].map((i) => i.id),
    ...categories.map(() => null),
    null,
    null,
    null,
  ];
  const columnCategories = columnItems.map(() => null as number | null);
  categories.forEach((c, i) => (columnCategories[5 + rawItems.length + items.length + i] = c.id));
  // Only the CSV shows scores as entered; the workbook's 200,000 are not unpacked for it.
  const entered = new Map(opts.raw ? unpackScores(snapshot.scores).map((sc) => [`${sc.studentId}:${sc.itemId}`, sc]) : []);
  const num = (s: string | null) => (s === null ? null : Number(s));
  const first = results.students[0];
  const itemOf = finder(first?.items ?? [], (i) => i.itemId);
  const categoryOf = finder(first?.categories ?? [], (c) => c.categoryId);
  const rows = snapshot.students.map((s, index) => {
    const r = results.students[index]!;
    return {
      studentId: s.id,
      cells: [
        s.registrarId,
        s.lastName,
        s.firstName,
        s.section,
        s.status,
        ...rawItems.map((i) => {
          const sc = entered.get(`${s.id}:${i.id}`);
          return sc?.status ? STATUS_TEXT[sc.status] : (sc?.value ?? null);
        }),
        ...items.map((i) => {
          const ir = itemOf(r.items, i.id);
          if (!ir) return null;
          // A status reads as its notation (MI, like EX), not as the 0 it may count for.
          return OUTCOME_TEXT[ir.outcome] ?? ir.effective ?? null;
        }),
        ...categories.map((c) => num(categoryOf(r.categories, c.id)?.final.display ?? null)),
        num(r.current.display),
        num(r.display),
        r.letter,
      ],
    };
  });
  const fileStem = fileStemOf(snapshot.course);
  return { snapshot, results, fileStem, header, kinds, columnItems, columnCategories, rows };
}

/**
 * Finds a student's result entry by id. Every student's results list items and categories in the
 * same order, so the position found for the first student is tried first.
 */
function finder<T>(first: readonly T[], idOf: (entry: T) => number): (entries: readonly T[], id: number) => T | undefined {
  const at = new Map(first.map((e, k) => [idOf(e), k]));
  return (entries, id) => {
    const e = entries[at.get(id) ?? -1];
    return e !== undefined && idOf(e) === id ? e : entries.find((x) => idOf(x) === id);
  };
}

/** A file name stem from the course code (or name): "IE-7374". */
export function fileStemOf(course: Pick<CourseInfo, 'code' | 'name'>): string {
  return (course.code ?? course.name).replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-|-$/g, '') || 'course';
}
