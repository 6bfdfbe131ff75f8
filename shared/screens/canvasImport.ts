/** The Canvas import wizard's choices: a category per new assignment, a decision per uncertain match. */
import type { CanvasImportInput, CanvasReport } from '../api/excel';

export type CategoryChoices = NonNullable<CanvasImportInput['categories']>;
export type MatchDecisions = NonNullable<CanvasImportInput['decisions']>;

/** The choices with one assignment's category set (replacing an earlier choice for it). */
export function withCategory(choices: CategoryChoices, canvasId: string, categoryId: number): CategoryChoices {
  return [...choices.filter((c) => c.canvasId !== canvasId), { canvasId, categoryId }];
}

/** The decisions with one row's answer: the student it is, or null for "add a new student". */
export function withDecision(decisions: MatchDecisions, row: number, studentId: number | null): MatchDecisions {
  return [...decisions.filter((d) => d.row !== row), { row, studentId }];
}

/** Uncertain rows the instructor has not answered yet; the import waits for them. */
export function undecided(report: Pick<CanvasReport, 'uncertain'>): number {
  return report.uncertain.filter((u) => u.decision === null).length;
}
