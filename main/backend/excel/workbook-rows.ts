import { z } from 'zod';
import type { Row } from '../changes/tables';
import type { GradesRecord } from './grades-sheet-edits';
import { Problems } from './problems';
import { cellText, type CellValue } from './sheet';
import type { DataRows } from './workbook-check';
import { DATA_SHEET, DATA_TABLES, GRADES_COLUMNS, GRADES_ROW, type DataTable } from './workbook-format';

/** The data sheet's record of the Grades sheet (see GRADES_COLUMNS), as the export wrote it. */
const GradesColumns = z.object({ header: z.array(z.string()), items: z.array(z.number().int().nullable()) });
const GradesRow = z.tuple([z.number().int()], z.unknown());
const UNREADABLE = Symbol('unreadable');
const DAMAGED_GRADES_RECORD =
  'The record of the Grades sheet is damaged, so edits made there cannot be found. The data sheet was edited; export the workbook again.';

/**
 * The data sheet's rows after its format row, each parsed and checked against the course's
 * tables (`columns`: each table's column names) as it comes, so the check can run while the
 * rest of the file is read. Rows must come in sheet order, those between them being empty; one
 * that does not (a row given again, or out of order) leaves `inOrder` false, and the importer
 * checks the whole sheet again once it is read.
 */
export class DataSheetRows {
  readonly problems = new Problems();
  readonly parsed: DataRows = { rows: new Map(DATA_TABLES.map((t) => [t, []])), at: new Map() };
  inOrder = true;
  private record: GradesRecord | null = null;
  private readonly recordRows: z.infer<typeof GradesRow>[] = [];
  private next = 1;

  constructor(private readonly columns: ReadonlyMap<DataTable, ReadonlySet<string>>) {}

  /** Row `r` (0-based) of the sheet, with its cells. */
  readonly add = (r: number, cells: CellValue[]): void => {
    if (r === 0 || !this.inOrder) return;
    if (r < this.next) {
      this.inOrder = false;
      return;
    }
    while (this.next < r) this.check(this.next++, []);
    this.check(this.next++, cells);
  };

  /** The Grades sheet as the export recorded it, once every row is in. */
  gradesRecord(): GradesRecord | null {
    const { record } = this;
    if (record) for (const [studentId, ...cells] of this.recordRows) record.rows.set(cellText(cells[0] as CellValue), { studentId, cells });
    return record;
  }

  private check(r: number, cells: CellValue[]): void {
    const { problems } = this;
    const tag = cellText(cells[0]);
    const json = cellText(cells[1]);
    let row: unknown = UNREADABLE;
    // An empty cell is damage without a thrown SyntaxError: a sheet of a million such rows would
    // otherwise leave a million errors (and their stack traces) to the collector.
    if (json !== '')
      try {
        row = JSON.parse(json);
      } catch {
        // reported below
      }
    if (row === UNREADABLE) {
      problems.error(DATA_SHEET, r, 1, 'This row is damaged (not readable data). The data sheet was edited; export the workbook again.');
      return;
    }
    if (tag === GRADES_COLUMNS) {
      const read = GradesColumns.safeParse(row);
      if (read.success) this.record = { ...read.data, rows: new Map() };
      else problems.error(DATA_SHEET, r, 1, DAMAGED_GRADES_RECORD);
      return;
    }
    if (tag === GRADES_ROW) {
      const read = GradesRow.safeParse(row);
      if (read.success) this.recordRows.push(read.data);
      else problems.error(DATA_SHEET, r, 1, DAMAGED_GRADES_RECORD);
      return;
    }
    const known = this.columns.get(tag as DataTable);
    if (!known) {
      problems.error(DATA_SHEET, r, 0, `'${tag}' is not a part of a course. The data sheet was edited; export the workbook again.`);
      return;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.error(DATA_SHEET, r, 1, `This ${tag} row holds no fields. The data sheet was edited; export the workbook again.`);
      return;
    }
    const unknown = Object.keys(row).filter((k) => !known.has(k));
    if (unknown.length) {
      problems.error(DATA_SHEET, r, 1, `This ${tag} row has fields a course does not have (${unknown.join(', ')}).`);
      return;
    }
    this.parsed.rows.get(tag as DataTable)!.push(row as Row);
    this.parsed.at.set(row as Row, r);
  }
}
