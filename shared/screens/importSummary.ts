/** One-line summaries of import reports, shared by the import wizard and the CLI. */
import type { CanvasReport, ImportProblem, RosterReport } from '../api/excel';
import { plural } from '../text/words';

/** Rows with at least one error (a row with three bad cells is one row with errors). */
export function rowsWithErrors(problems: readonly ImportProblem[]): number {
  return new Set(problems.filter((p) => p.severity === 'error' && p.row !== null).map((p) => `${p.sheet}|${p.row}`)).size;
}

export function rosterSummary(r: Pick<RosterReport, 'counts'>): string {
  const c = r.counts;
  return [
    plural(c.new, 'new student'),
    `${c.updated} updated`,
    `${c.unchanged} unchanged`,
    ...(c.withdrawn ? [`${c.withdrawn} withdrawn (dropped)`] : []),
    ...(c.error ? [plural(c.error, 'row with errors', 'rows with errors')] : []),
  ].join(', ');
}

export function canvasSummary(r: Pick<CanvasReport, 'students' | 'items' | 'scores'>): string {
  const created = r.items.filter((i) => i.action === 'create').length;
  return `${plural(r.students.new, 'new student')}, ${plural(created, 'new item')}, ${plural(r.scores.set, 'score')} set, ${plural(r.scores.statuses, 'status', 'statuses')}`;
}
