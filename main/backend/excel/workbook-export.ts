import ExcelJS from 'exceljs';
import type { Course } from '../services/course';
import { describeAttendanceRule } from '@shared/grading/attendance';
import { attendanceTable } from './attendance-export';
import { buildGradesTable, type ColumnKind } from './grades-table';
import { PRESENTATION_HEADER, presentationRows } from './presentations-export';
import type { ExportedBytes } from './registrar-export';
import { XLSX_MIME } from './registrar-export';
import type { Row } from '../changes/tables';
import { IDLE, ROWS_PER_STEP, type Steps } from '../jobs/steps';
import {
  DATA_SHEET,
  DATA_TABLES,
  FORMAT_TAG,
  FORMAT_VERSION,
  GRADES_COLUMNS,
  GRADES_HEADER_ROW,
  GRADES_ROW,
  GRADES_SHEET,
} from './workbook-format';

const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = { id: '@', text: undefined, points: 'General', percent: '0.00' };
const TITLE_ROWS = GRADES_HEADER_ROW;

/**
 * The full workbook (CLI: `gradebook export workbook`): Grades, Attendance, Presentations and
 * Policy for people, with frozen headers and number formats, plus a hidden data sheet that
 * `importWorkbook` reads to rebuild the course with identical final grades.
 */
export async function exportWorkbook(course: Course, now = new Date(), work: Steps = IDLE): Promise<ExportedBytes> {
  await work.step(0, 'Computing grades');
  const table = buildGradesTable(course, now);
  await work.step(0.1, 'Writing the sheets');
  const { snapshot } = table;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gradebook';
  wb.created = now;
  const title = `${snapshot.course.name}${snapshot.course.term ? ` · ${snapshot.course.term}` : ''}`;
  const stamp = `Exported ${now.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

  const grades = sheet(wb, GRADES_SHEET, title, stamp, table.header, 3);
  table.kinds.forEach((kind, c) => {
    const column = grades.getColumn(c + 1);
    if (NUMBER_FORMAT[kind]) column.numFmt = NUMBER_FORMAT[kind];
    column.width = kind === 'text' ? 18 : kind === 'id' ? 13 : Math.min(16, Math.max(9, (table.header[c]?.length ?? 0) * 0.6));
  });
  for (const r of table.rows) grades.addRow(r.cells);

  // The register as `gradebook export attendance` writes it: sessions with time, title, topic and cancelled.
  const register = attendanceTable(course.db, now.getTime());
  const attendance = sheet(wb, 'Attendance', title, stamp, register.header, 2);
  for (const r of register.rows) attendance.addRow(r);
  attendance.getColumn(1).numFmt = '@';
  attendance.getColumn(register.header.length).numFmt = '0.00';

  sheet(wb, 'Presentations', title, stamp, PRESENTATION_HEADER, 3).addRows(presentationRows(course.db));

  const policy = sheet(wb, 'Policy', title, stamp, ['Category', 'Weight %', 'Drop lowest', 'Drop highest', 'Kind'], 1);
  for (const c of snapshot.categories) policy.addRow([c.name, c.weight, c.dropLowest, c.dropHighest, c.kind]);
  const p = snapshot.policy;
  policy.addRow([]);
  policy.addRow(['Letter', 'From %']).font = { bold: true };
  for (const b of p.bands) policy.addRow([b.letter, b.min]);
  policy.addRow([]);
  policy.addRow(['Rule', 'Setting']).font = { bold: true };
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
    policy.addRow([rule, setting]);
  policy.getColumn(1).width = 28;
  policy.getColumn(2).width = 40;

  const data = wb.addWorksheet(DATA_SHEET, { state: 'hidden' });
  data.addRow([FORMAT_TAG, FORMAT_VERSION, now.toISOString()]);
  const total = (
    course.db.prepare(DATA_TABLES.map((t) => `SELECT count(*) AS n FROM "${t}"`).join(' UNION ALL ')).all() as { n: number }[]
  ).reduce((sum, r) => sum + r.n, 0);
  let written = 0;
  for (const t of DATA_TABLES) {
    for (const row of course.db.prepare(`SELECT * FROM "${t}"`).all() as Row[]) {
      data.addRow([t, JSON.stringify(row)]);
      if (++written % ROWS_PER_STEP === 0) await work.step(0.2 + (0.4 * written) / total, 'Writing the course data');
    }
  }
  data.addRow([GRADES_COLUMNS, JSON.stringify({ header: table.header, items: table.columnItems })]);
  for (const r of table.rows) data.addRow([GRADES_ROW, JSON.stringify([r.studentId, ...r.cells])]);
  await work.step(0.6, 'Compressing the workbook');
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { name: `${table.fileStem}-workbook-${now.toISOString().slice(0, 10)}.xlsx`, mime: XLSX_MIME, bytes };
}

/** A sheet with the course name and export time above a bold, frozen header row. */
function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  stamp: string,
  header: string[],
  frozenColumns: number,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1, xSplit: frozenColumns }] });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([stamp]).font = { italic: true, color: { argb: 'FF555555' } };
  ws.addRow([]);
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.alignment = { wrapText: true, vertical: 'bottom' };
  return ws;
}

/** Rows above the header on every visible sheet (for readers of the workbook). */
export const WORKBOOK_HEADER_ROW = TITLE_ROWS + 1;
