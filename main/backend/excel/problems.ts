import { ApiError } from '@shared/api/envelope';
import type { ImportProblem } from '@shared/api/excel';
import { count, wholeNumber } from '@shared/text/words';
import { columnLetter } from './sheet';

export type { ImportProblem };

/** How many problems a report lists; past that it counts them (a file can have one per row). */
export const LISTED_PROBLEMS = 200;

/**
 * Collects the problems of a file before anything is written, each with its place: the first
 * LISTED_PROBLEMS of them, and the count of all.
 */
export class Problems {
  private readonly listed: ImportProblem[] = [];
  errorCount = 0;
  warningCount = 0;

  add(severity: ImportProblem['severity'], sheet: string | null, row: number | null, column: number | null, message: string): void {
    if (severity === 'error') this.errorCount++;
    else this.warningCount++;
    if (this.listed.length === LISTED_PROBLEMS) return;
    this.listed.push({
      severity,
      sheet,
      row: row === null ? null : row + 1,
      column: column === null ? null : columnLetter(column),
      message,
    });
  }
  error(sheet: string | null, row: number | null, column: number | null, message: string): void {
    this.add('error', sheet, row, column, message);
  }
  warning(sheet: string | null, row: number | null, column: number | null, message: string): void {
    this.add('warning', sheet, row, column, message);
  }
  /** The listed problems, ending with a line that counts the rest when there are more. */
  get list(): ImportProblem[] {
    const unlisted = this.errorCount + this.warningCount - this.listed.length;
    if (unlisted === 0) return [...this.listed];
    const severity = this.listed.filter((p) => p.severity === 'error').length < this.errorCount ? 'error' : 'warning';
    const message = `…and ${count(unlisted, 'more problem')} (${count(this.errorCount, 'error')} and ${count(this.warningCount, 'warning')} in all; the first ${LISTED_PROBLEMS} are listed). Fix these and check the file again.`;
    return [...this.listed, { severity, sheet: null, row: null, column: null, message }];
  }
}

/** "Sheet 'Roster', row 14, column C: ..." */
export function describeProblem(p: ImportProblem): string {
  const place = [p.sheet && `sheet '${p.sheet}'`, p.row !== null && `row ${p.row}`, p.column && `column ${p.column}`]
    .filter(Boolean)
    .join(', ');
  return place ? `${place[0]!.toUpperCase()}${place.slice(1)}: ${p.message}` : p.message;
}

/** A file that cannot be imported at all: nothing was written. */
export function fileError(message: string): ApiError {
  const problem: ImportProblem = { severity: 'error', sheet: null, row: null, column: null, message };
  return new ApiError('validation_failed', `${message} Nothing was imported.`, { problems: [problem] });
}

/** Refuses an import whose validation found errors, listing them all (nothing was written). */
export function refuseIfErrors(problems: Problems): void {
  const total = problems.errorCount;
  if (total === 0) return;
  const list = problems.list;
  const first = list.filter((p) => p.severity === 'error').slice(0, 3);
  const more = total > 3 ? ` …and ${wholeNumber(total - 3)} more.` : '';
  throw new ApiError(
    'validation_failed',
    `The file has ${count(total, 'problem')}; nothing was imported. ${first.map(describeProblem).join(' ')}${more}`,
    { problems: list },
  );
}
