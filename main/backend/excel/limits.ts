import { wholeNumber } from '@shared/text/words';
import { fileError } from './problems';
import { columnLetter } from './sheet';

/**
 * How much of a file every import reader accepts: the file's own size, what its zip parts
 * inflate to, rows, columns, characters in one cell and reading time. A zip bomb, a sheet of
 * 1,048,576 rows or a 1M-row CSV is refused in one plain sentence as soon as a limit is
 * passed, before the reader holds more than a bounded amount of memory.
 */
export interface ReadLimits {
  /** Bytes of the file as given (a CSV's text, an .xlsx's zip). */
  fileBytes: number;
  /** Bytes of the zip parts read (sheet XML, shared strings), once inflated, all together. */
  inflatedBytes: number;
  /** Rows with a value, counted from the top of the sheet. */
  rows: number;
  columns: number;
  /** Characters in one cell (Excel's own limit for sheets people make). */
  cellChars: number;
  /** Milliseconds reading may take. */
  ms: number;
}

const MiB = 1024 * 1024;

/** Class lists, score sheets and Canvas exports: sheets a person or an LMS made. */
export const SHEET_LIMITS: Readonly<ReadLimits> = {
  fileBytes: 64 * MiB,
  inflatedBytes: 128 * MiB,
  rows: 100_000,
  columns: 2_000,
  cellChars: 32_767,
  ms: 60_000,
};

/**
 * The full workbook: its hidden data sheet holds one row per record of the course (a 2,000 x
 * 100 course is about 200,000 rows and 120 MB of XML) and JSON cells longer than Excel's limit.
 */
export const WORKBOOK_LIMITS: Readonly<ReadLimits> = {
  ...SHEET_LIMITS,
  inflatedBytes: 160 * MiB,
  rows: 1_000_000,
  cellChars: 4 * MiB,
  ms: 120_000,
};

const megabytes = (bytes: number) => `${wholeNumber(Math.round(bytes / MiB))} MB`;
const SPLIT = 'split it into smaller files and import them one by one.';

/**
 * One read's allowance: each check throws the refusal (an ApiError, nothing imported) the
 * moment its limit is passed. `startedAt` is when reading began (the time limit counts from it).
 */
export class ReadBudget {
  private inflated = 0;
  private readonly deadline: number;

  constructor(
    readonly limits: Readonly<ReadLimits>,
    startedAt = Date.now(),
  ) {
    this.deadline = startedAt + limits.ms;
  }

  file(bytes: number): void {
    if (bytes > this.limits.fileBytes) throw fileError(`The file is larger than ${megabytes(this.limits.fileBytes)}; ${SPLIT}`);
  }

  /** Reserves the bytes a zip part declares before it is inflated. */
  inflate(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.limits.inflatedBytes)
      throw fileError(`The workbook unpacks to more than ${megabytes(this.limits.inflatedBytes)} of sheet data; ${SPLIT}`);
  }

  /** `row` is 0-based, the row about to be kept. */
  row(sheet: string, row: number): void {
    if (row >= this.limits.rows) throw fileError(`The sheet '${sheet}' is larger than ${wholeNumber(this.limits.rows)} rows; ${SPLIT}`);
    this.time();
  }

  /** `column` is 0-based, a column that holds a value. */
  column(sheet: string, column: number): void {
    if (column >= this.limits.columns)
      throw fileError(
        `The sheet '${sheet}' is wider than ${wholeNumber(this.limits.columns)} columns (it has a value in column ${columnLetter(column)}); delete the columns it does not need, or ${SPLIT}`,
      );
  }

  cell(sheet: string, row: number, column: number, chars: number): void {
    if (chars > this.limits.cellChars)
      throw fileError(
        `Sheet '${sheet}', row ${row + 1}, column ${columnLetter(column)} holds more than ${wholeNumber(this.limits.cellChars)} characters, more than a spreadsheet cell can; shorten it and import again.`,
      );
  }

  time(now = Date.now()): void {
    if (now > this.deadline) throw fileError(`Reading the file took longer than ${wholeNumber(this.limits.ms / 1000)} seconds; ${SPLIT}`);
  }
}
