import { fmtPoints } from '@shared/grading';
import type { Db } from '../db/open';
import { readCourseRow } from '../db/rows';
import type { Course } from '../services/course';
import { listPresentations, presentationReview } from '../services/presentations';
import { type CsvCell, toCsv } from './csv-export';
import { fileStemOf } from './grades-table';
import { XLSX_MIME, type ExportedBytes } from './registrar-export';
import { formatInstant } from '@shared/time/format';

export const PRESENTATION_HEADER = [
  'Week',
  'Date',
  'Team',
  'Readings',
  'Presenters',
  'Score',
  'Points possible',
  'Rubric',
  'Duration (min)',
  'Feedback',
  'Draw',
  'Drawn at',
  'Seed',
  'Verified',
];

/**
 * One row per recorded presentation, then one per draw without a record (withdrawn ones say
 * why), each with its seed and whether it verifies: the Presentations sheet and the CSV.
 */
export function presentationRows(db: Db): CsvCell[][] {
  const review = presentationReview(db);
  const { policy } = readCourseRow(db);
  const cells = new Map(review.cells.map((c) => [c.presentationId, c]));
  const draws = new Map(review.draws.map((d) => [d.id, d]));
  const drawCells = (id: number | null): CsvCell[] => {
    const d = id === null ? undefined : draws.get(id);
    return d ? [d.id, formatInstant(d.drawnAt, policy.timeZone), d.seed, d.verification.ok ? 'yes' : 'NO'] : [null, null, null, null];
  };
  const records = listPresentations(db);
  const rows: CsvCell[][] = records.map((p) => {
    const cell = cells.get(p.id)!;
    return [
      p.week,
      p.date,
      p.teamName,
      cell.readings.join('; '),
      cell.presenters.join('; '),
      p.score,
      p.pointsPossible,
      p.rubric.map((r) => `${r.criterion} ${fmtPoints(r.points)}`).join('; ') || null,
      p.durationMinutes,
      p.feedback,
      ...drawCells(p.drawId),
    ];
  });
  const recorded = new Set(records.map((p) => p.drawId));
  for (const d of review.draws) {
    if (recorded.has(d.id)) continue;
    const status = d.withdrawnAt ? `(draw withdrawn: ${d.withdrawReason ?? 'no reason given'})` : '(drawn, not recorded yet)';
    rows.push([
      d.week,
      d.sessionDate,
      d.teams.map((t) => t.name).join('; '),
      status,
      null,
      null,
      null,
      null,
      null,
      null,
      ...drawCells(d.id),
    ]);
  }
  return rows;
}

/** Every presentation as CSV, or as a workbook with one Presentations sheet (CLI: `gradebook export presentations`). */
export async function exportPresentations(course: Course, format: 'csv' | 'xlsx', now = new Date()): Promise<ExportedBytes> {
  const rows = presentationRows(course.db);
  const { info } = readCourseRow(course.db);
  const name = `${fileStemOf(info)}-presentations-${now.toISOString().slice(0, 10)}.${format}`;
  if (format === 'csv') return { name, mime: 'text/csv', bytes: toCsv([PRESENTATION_HEADER, ...rows]) };
  // Loaded here, not with the module: the full workbook's export (on the worker) uses presentationRows only.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gradebook';
  wb.created = now;
  const sheet = wb.addWorksheet('Presentations', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(PRESENTATION_HEADER).font = { bold: true };
  sheet.addRows(rows);
  return { name, mime: XLSX_MIME, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}
