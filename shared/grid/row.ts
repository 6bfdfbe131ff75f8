import type { StudentResult } from '../grading';
import type { Score, Student } from '../model';

/** One grid row: replaced (new object) whenever anything of this student changes, so the grid re-renders just it. */
export interface GridRow {
  readonly student: Student;
  /** The student's own cells by item id. */
  readonly scores: ReadonlyMap<number, Score>;
  readonly result: StudentResult | null;
}
