import type { Db } from '../db/open';
import type { Course } from '../services/course';
import { describeAttendanceRule } from '@shared/grading/attendance';
import { attendanceTable } from './attendance-export';
import { gradesFooterRows } from './grades-footer';
import { buildGradesTable, type ColumnKind } from './grades-table';
import { PRESENTATION_HEADER, presentationRows } from './presentations-export';
import type { ExportedBytes } from './registrar-export';
import { XLSX_MIME } from './registrar-export';
import { IDLE, ROWS_PER_STEP, type Steps } from '../jobs/steps';
import { streamedWorkbook, type CellStyle, type ColumnSetup, type SheetWriter, type WorkbookWriter } from './xlsx-writer';
import {
  DATA_SHEET,
  DATA_TABLES,
  FORMAT_TAG,
  FORMAT_VERSION,
  GRADES_COLUMNS,
  GRADES_HEADER_ROW,
  GRADES_ROW,
  GRADES_SHEET,
  type DataTable,
} from './workbook-format';

const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = { id: '@', text: undefined, points: 'General', percent: '0.00' };
const TITLE_ROWS = GRADES_HEADER_ROW;
// One object per look: the writer merges a row style with each column's once per style object.
const TITLE: CellStyle = { font: { bold: true, size: 14 } };
const NOTE: CellStyle = { font: { italic: true, color: 'FF555555' } };
const HEADER: CellStyle = { font: { bold: true }, alignment: { wrapText: true, vertical: 'bottom' } };
const BOLD: CellStyle = { font: { bold: true } };

/**
 * The full workbook (CLI: `gradebook export workbook`): Grades, Attendance, Presentations and
 * Policy for people, with frozen headers and number formats, plus a hidden data sheet that
 * `importWorkbook` reads to rebuild the course with identical final grades. Written as sheet XML
 * into a zip stream (xlsx-writer.ts): the data sheet waits for the compressor when it gets ahead,
 * so memory holds a few MiB of its XML at a time, not the whole workbook.
 */
export async function exportWorkbook(course: Course, now = new Date(), work: Steps = IDLE): Promise<ExportedBytes> {
  await work.step(0, 'Computing grades');
  const wb = streamedWorkbook(now);
  const stamp = `Exported ${now.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
  const { title, fileStem, settings, gradesRecord } = writeGradesSheet(wb, course, now, stamp);
  await work.step(0.1, 'Writing the sheets');

  // The register as `gradebook export attendance` writes it: sessions with time, title, topic and cancelled.
  const register = attendanceTable(course.db, now.getTime());
  const last = register.header.length - 1;
  const attendance = sheet(wb, 'Attendance', title, stamp, register.header, 2, (c) => ({
    numFmt: c === 0 ? '@' : c === last ? '0.00' : undefined,
  }));
  for (const r of register.rows) attendance.add(r);
  attendance.done();

  const presentations = sheet(wb, 'Presentations', title, stamp, PRESENTATION_HEADER, 3);
  for (const r of presentationRows(course.db)) presentations.add(r);
  presentations.done();

  const policy = sheet(wb, 'Policy', title, stamp, ['Category', 'Weight %', 'Drop lowest', 'Drop highest', 'Kind'], 1, (c) => ({
    width: c === 0 ? 28 : c === 1 ? 40 : undefined,
  }));
  for (const c of settings.categories) policy.add([c.name, c.weight, c.dropLowest, c.dropHighest, c.kind]);
  const p = settings.policy;
  policy.add([]);
  policy.add(['Letter', 'From %'], BOLD);
  for (const b of p.bands) policy.add([b.letter, b.min]);
  policy.add([]);
  policy.add(['Rule', 'Setting'], BOLD);
  const lateSteps = p.late.steps
    .map((s) => `up to ${s.upToHours} h: −${s.deduction}% ${s.per === 'flat' ? 'once' : `per ${s.per}`}`)
    .join('; ');
  for (const [rule, setting] of [
    ['Grading', p.grading],
    ['Time zone', p.timeZone],
    ['Default due time', p.defaultDueTime],
    ['Rounding', p.rounding.mode === 'none' ? 'none' : `half-up to ${p.rounding.decimals} decimals`],
    ['Late deduction basis', `% of points ${p.late.basis}`],
    ['Late steps', lateSteps || 'none'],
    ['Late floor %', p.late.floorPercent ?? 'none'],
    ['Not accepted after (hours)', p.late.cutoffHours ?? 'never'],
    ['Attendance rule', describeAttendanceRule(p.attendance)],
    ['Borderline distance', p.borderlineDistance],
  ] as const)
    policy.add([rule, setting]);
  policy.done();

  const data = wb.addSheet(DATA_SHEET, { hidden: true });
  data.add([FORMAT_TAG, FORMAT_VERSION, now.toISOString()]);
  const total = (
    course.db.prepare(DATA_TABLES.map((t) => `SELECT count(*) AS n FROM "${t}"`).join(' UNION ALL ')).all() as { n: number }[]
  ).reduce((sum, r) => sum + r.n, 0);
  let written = 0;
  for (const t of DATA_TABLES) {
    for (const [json] of rowsAsJson(course.db, t)) {
      data.add([t, json]);
      if (++written % ROWS_PER_STEP === 0) {
        await work.step(0.2 + (0.7 * written) / total, 'Writing the course data');
        await data.drained();
      }
    }
  }
  for (const record of gradesRecord) data.add(record);
  data.done();
  await work.step(0.9, 'Compressing the workbook');
  const bytes = await wb.finish();
  return { name: `${fileStem}-workbook-${now.toISOString().slice(0, 10)}.xlsx`, mime: XLSX_MIME, bytes };
}

/**
 * The Grades sheet, and what the rest of the workbook needs from its table: the data sheet's
 * record of the sheet (as rows, already JSON) and the course's settings. The table itself (the
 * whole course with every student's results) is let go here, before the data sheet is written.
 */
function writeGradesSheet(wb: WorkbookWriter, course: Course, now: Date, stamp: string) {
  const table = buildGradesTable(course, now);
  const { course: info, categories, policy } = table.snapshot;
  const title = `${info.name}${info.term ? ` · ${info.term}` : ''}`;
  const grades = sheet(wb, GRADES_SHEET, title, stamp, table.header, 3, (c) => {
    const kind = table.kinds[c]!;
    return {
      numFmt: NUMBER_FORMAT[kind],
      width: kind === 'text' ? 18 : kind === 'id' ? 13 : Math.min(16, Math.max(9, (table.header[c]?.length ?? 0) * 0.6)),
    };
  });
  for (const r of table.rows) grades.add(r.cells);
  // The importer reads no row after the last student, so the statistics can follow them.
  for (const cells of gradesFooterRows(table)) grades.add(cells, NOTE);
  grades.done();
  const gradesRecord = [
    [GRADES_COLUMNS, JSON.stringify({ header: table.header, items: table.columnItems })],
    ...table.rows.map((r) => [GRADES_ROW, JSON.stringify([r.studentId, ...r.cells])]),
  ];
  return { title, fileStem: table.fileStem, settings: { categories, policy }, gradesRecord };
}

/**
 * A table's rows as JSON objects (column: value, in column order), written by SQLite: a few
 * times faster than building row objects and stringifying them, and read back the same.
 */
function rowsAsJson(db: Db, table: DataTable): IterableIterator<[string]> {
  const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => `'${c.name}', "${c.name}"`);
  return db
    .prepare(`SELECT json_object(${columns.join(', ')}) FROM "${table}"`)
    .raw()
    .iterate() as IterableIterator<[string]>;
}

/** A sheet with the course name and export time above a bold, frozen header row, its columns set up first. */
function sheet(
  wb: WorkbookWriter,
  name: string,
  title: string,
  stamp: string,
  header: string[],
  frozenColumns: number,
  column: (index: number) => ColumnSetup = () => ({}),
): SheetWriter {
  const out = wb.addSheet(name, { frozen: { rows: TITLE_ROWS + 1, columns: frozenColumns }, columns: header.map((_, c) => column(c)) });
  out.add([title], TITLE);
  out.add([stamp], NOTE);
  out.add([]);
  out.add(header, HEADER);
  return out;
}

/** Rows above the header on every visible sheet (for readers of the workbook). */
export const WORKBOOK_HEADER_ROW = TITLE_ROWS + 1;
