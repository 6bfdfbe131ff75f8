/**
 * The register as a table (CLI: `gradebook export attendance`; the workbook's Attendance sheet):
 * one row per enrolled student, one column per session headed by its date (then time, title,
 * topic, "cancelled"), marks as P/L/A/E, and the totals the grade uses. The session columns
 * read back as a sign-in sheet, so an exported register can be edited and imported again.
 */
import type { SessionRow } from '@shared/api/attendance';
import type { AttendanceMark } from '@shared/model';
import type { Db } from '../db/open';
import { readCourseRow } from '../db/rows';
import { readRegister } from '../services/attendance';
import { toCsv, type CsvCell } from './csv-export';
import { fileStemOf } from './grades-table';
import { type ExportedBytes, XLSX_MIME } from './registrar-export';

export const MARK_CODE: Record<AttendanceMark, string> = { present: 'P', late: 'L', absent: 'A', excused: 'E' };

/** "2026-10-26 10:00–11:15 Session 4 · 2.3 Data Quality and Validation · cancelled" */
export function sessionHeader(s: Pick<SessionRow, 'date' | 'start' | 'end' | 'title' | 'topic' | 'cancelled'>): string {
  const time = s.start ? ` ${s.start}${s.end ? `–${s.end}` : ''}` : '';
  const extra = [s.topic, s.cancelled ? 'cancelled' : null].filter(Boolean).join(' · ');
  return `${s.date}${time}${s.title ? ` ${s.title}` : ''}${extra ? ` · ${extra}` : ''}`;
}

export const TOTAL_HEADERS = ['Present', 'Late', 'Absent', 'Excused', 'Not marked', 'Rate %'];

export function attendanceTable(db: Db, asOf: number): { header: string[]; rows: CsvCell[][] } {
  const register = readRegister(db, asOf);
  const header = ['Student ID', 'Name', 'Section', ...register.sessions.map(sessionHeader), ...TOTAL_HEADERS];
  const rows = register.students.map((s): CsvCell[] => {
    const c = s.totals.counts;
    return [
      s.registrarId,
      s.name,
      s.section,
      ...s.marks.map((m) => (m === null ? null : MARK_CODE[m])),
      c.present,
      c.late,
      c.absent,
      c.excused,
      c.unmarked,
      s.totals.display === null ? null : Number(s.totals.display),
    ];
  });
  return { header, rows };
}

export async function exportAttendance(db: Db, format: 'csv' | 'xlsx', asOf: number): Promise<ExportedBytes> {
  const { header, rows } = attendanceTable(db, asOf);
  let bytes: Uint8Array;
  if (format === 'csv') bytes = toCsv([header, ...rows]);
  else {
    // Loaded here, not with the module: the full workbook's export (on the worker) uses attendanceTable only.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Gradebook';
    const ws = wb.addWorksheet('Attendance', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.getColumn(1).numFmt = '@';
    ws.getColumn(header.length).numFmt = '0.00';
    bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const mime = format === 'csv' ? 'text/csv' : XLSX_MIME;
  return { name: `${fileStemOf(readCourseRow(db).info)}-attendance.${format}`, mime, bytes };
}
