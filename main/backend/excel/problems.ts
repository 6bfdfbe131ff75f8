import { ApiError } from '../../../shared/api/envelope';
import type { ImportProblem } from '../../../shared/api/excel';
import { columnLetter } from './sheet';

export type { ImportProblem };

/** Collects every problem of a file before anything is written, each with its place. */
export class Problems {
  readonly list: ImportProblem[] = [];

  add(severity: ImportProblem['severity'], sheet: string | null, row: number | null, column: number | null, message: string): void {
    this.list.push({
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
  get errors(): ImportProblem[] {
    return this.list.filter((p) => p.severity === 'error');
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
  const errors = problems.errors;
  if (errors.length === 0) return;
  const first = errors.slice(0, 3).map(describeProblem).join(' ');
  const more = errors.length > 3 ? ` …and ${errors.length - 3} more.` : '';
  throw new ApiError(
    'validation_failed',
    `The file has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was imported. ${first}${more}`,
    { problems: problems.list },
  );
}
