import { ApiError } from '@shared/api/envelope';
import type { WorkbookReport } from '@shared/api/excel';
import { z } from 'zod';
import { runOffThread } from '../jobs/off-thread';
import { keyOf, NEVER_ERASED, TRACKED_TABLES } from '../changes/tables';
import { IDLE, ROWS_PER_STEP, type Steps } from '../jobs/steps';
import type { Course } from '../services/course';
import { commitImport, courseVersion, importOutcome, type ImportFile } from './apply';
import { findGradesSheetEdits, type GradesRecord } from './grades-sheet-edits';
import { fileError, Problems, refuseIfErrors } from './problems';
import { isZip, readSpreadsheetOffThread } from './read';
import { checkCourseRows, type DataRows, type Row } from './workbook-check';
import { cellText, type CellValue } from './sheet';
import {
  DATA_SHEET,
  DATA_TABLES,
  FORMAT_TAG,
  FORMAT_VERSION,
  GRADES_COLUMNS,
  GRADES_ROW,
  GRADES_SHEET,
  type DataTable,
} from './workbook-format';
import { plural } from '@shared/grading';

/** The data sheet's record of the Grades sheet (see GRADES_COLUMNS), as the export wrote it. */
const GradesColumns = z.object({ header: z.array(z.string()), items: z.array(z.number().int().nullable()) });
const GradesRow = z.tuple([z.number().int()], z.unknown());
const DAMAGED_GRADES_RECORD =
  'The record of the Grades sheet is damaged, so edits made there cannot be found. The data sheet was edited; export the workbook again.';

const notOurs = () =>
  fileError(
    `This is not a full workbook exported by the gradebook (it has no '${DATA_SHEET}' sheet). Import it as a class list or as scores instead.`,
  );

/**
 * Imports our own full workbook (CLI: `gradebook import workbook`): the course's name, policy,
 * categories, roster, teams, items, scores, attendance, overrides and presentations are replaced
 * by the workbook's, as one undo step after a backup. The hidden data sheet is the source, so
 * final grades come out identical; scores typed over on the visible Grades sheet are applied on
 * top (see findGradesSheetEdits). Only those two sheets are read.
 */
export async function importWorkbook(
  course: Course,
  file: ImportFile,
  opts: { dryRun?: boolean } = {},
  work: Steps = IDLE,
): Promise<WorkbookReport> {
  await work.step(0, 'Reading the workbook');
  if (!isZip(file.bytes)) {
    await readSpreadsheetOffThread(file, work); // refuses empty, encrypted and non-spreadsheet files in its words
    throw notOurs();
  }
  const read = await runOffThread('readWorkbookSheets', { bytes: file.bytes, names: [DATA_SHEET, GRADES_SHEET] }, work);
  const sheets = new Map(read.map((s) => [s.name, s]));
  const data = sheets.get(DATA_SHEET);
  if (!data || cellText(data.rows[0]?.[0]) !== FORMAT_TAG) throw notOurs();
  const version = Number(data.rows[0]?.[1]);
  if (version > FORMAT_VERSION)
    throw fileError('This workbook was written by a newer version of the gradebook. Update the app to import it.');
  await work.step(0.35, 'Checking the course data');

  const readAt = courseVersion(course);
  const problems = new Problems();
  const columns = new Map(
    DATA_TABLES.map((t) => [t, new Set((course.db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name))]),
  );
  const parsed: DataRows = { rows: new Map(DATA_TABLES.map((t) => [t, []])), at: new Map() };
  const { rows } = parsed;
  let record: GradesRecord | null = null;
  const recordRows: z.infer<typeof GradesRow>[] = [];
  for (let r = 1; r < data.rows.length; r++) {
    if (r % ROWS_PER_STEP === 0) await work.step(0.35 + (0.45 * r) / data.rows.length, 'Checking the course data');
    const tag = cellText(data.rows[r]?.[0]);
    let row: unknown;
    try {
      row = JSON.parse(cellText(data.rows[r]?.[1]));
    } catch {
      problems.error(DATA_SHEET, r, 1, 'This row is damaged (not readable data). The data sheet was edited; export the workbook again.');
      continue;
    }
    if (tag === GRADES_COLUMNS) {
      const read = GradesColumns.safeParse(row);
      if (read.success) record = { ...read.data, rows: new Map() };
      else problems.error(DATA_SHEET, r, 1, DAMAGED_GRADES_RECORD);
      continue;
    }
    if (tag === GRADES_ROW) {
      const read = GradesRow.safeParse(row);
      if (read.success) recordRows.push(read.data);
      else problems.error(DATA_SHEET, r, 1, DAMAGED_GRADES_RECORD);
      continue;
    }
    const known = columns.get(tag as DataTable);
    if (!known) {
      problems.error(DATA_SHEET, r, 0, `'${tag}' is not a part of a course. The data sheet was edited; export the workbook again.`);
      continue;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.error(DATA_SHEET, r, 1, `This ${tag} row holds no fields. The data sheet was edited; export the workbook again.`);
      continue;
    }
    const unknown = Object.keys(row).filter((k) => !known.has(k));
    if (unknown.length) {
      problems.error(DATA_SHEET, r, 1, `This ${tag} row has fields a course does not have (${unknown.join(', ')}).`);
      continue;
    }
    rows.get(tag as DataTable)!.push(row as Row);
    parsed.at.set(row as Row, r);
  }
  checkCourseRows(parsed, problems);
  const courseRow = rows.get('course')![0];
  if (record) for (const [studentId, ...cells] of recordRows) record.rows.set(cellText(cells[0] as CellValue), { studentId, cells });

  await work.step(0.8, 'Comparing the Grades sheet');
  const edits = findGradesSheetEdits(sheets.get(GRADES_SHEET), record, names(rows), problems);
  const counts = Object.fromEntries(DATA_TABLES.map((t) => [t, rows.get(t)!.length]));
  const report: WorkbookReport = {
    ...importOutcome({ sheets: [...sheets.values()] }, problems),
    courseName: courseRow ? String(courseRow.name) : null,
    counts,
    gradesSheetEdits: edits.map((e) => e.shown),
  };
  if (opts.dryRun) return report;
  refuseIfErrors(problems);
  await work.step(0.9, 'Writing the course');
  const label = `Import workbook (${report.courseName})${edits.length ? `, ${plural(edits.length, 'score')} edited on the Grades sheet` : ''}`;
  try {
    report.backup = commitImport(course, readAt, label, file, (cs, now) => {
      applyEdits(rows.get('score')!, edits, now);
      // Empty the course (children first), then write the workbook's rows with their own ids,
      // so references inside stored JSON (draw candidates, presenters) stay valid.
      for (const t of [...DATA_TABLES].reverse()) {
        if (t === 'course') continue;
        const key = TRACKED_TABLES[t];
        for (const old of course.db.prepare(`SELECT ${key.map((k) => `"${k}"`).join(', ')} FROM "${t}"`).all() as Record<string, number>[])
          cs.put(t, old, null);
      }
      for (const t of DATA_TABLES) {
        for (const row of rows.get(t)!) {
          if (t === 'course') cs.put('course', { id: 1 }, row);
          // A draw emptying the course only withdrew: the workbook's row takes its place.
          else if (NEVER_ERASED[t]) cs.put(t, keyOf(t, row), row);
          else cs.insert(t, row);
        }
      }
    });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw fileError(
      `The workbook's data does not fit together (${(err as Error).message}); the course was not changed. Export the workbook again from the gradebook.`,
    );
  }
  report.applied = true;
  return report;
}

/** Names for the preview, from the workbook's own rows. */
function names(rows: Map<DataTable, Row[]>): Parameters<typeof findGradesSheetEdits>[2] {
  const students = new Map(rows.get('student')!.map((s) => [s.id as number, s]));
  const items = new Map(rows.get('item')!.map((i) => [i.id as number, i]));
  const scores = new Map(rows.get('score')!.map((s) => [`${String(s.student_id)}:${String(s.item_id)}`, s]));
  const orNull = <T>(v: unknown) => (v ?? null) as T | null;
  return {
    student: (id) => {
      const s = students.get(id);
      return s ? `${String(s.last_name)}, ${String(s.first_name)} (${String(s.registrar_id)})` : `student ${id}`;
    },
    item: (id) => {
      const i = items.get(id);
      return i && { name: String(i.name), points: Number(i.points_possible), team: !!i.team_graded };
    },
    score: (studentId, itemId) => {
      const s = scores.get(`${studentId}:${itemId}`);
      return (
        s && {
          value: orNull<number>(s.value),
          status: orNull<string>(s.status),
          integrityDate: orNull<string>(s.integrity_date),
          adjusted: s.adjust_mode != null,
        }
      );
    },
  };
}

/** Puts the Grades sheet's edits into the workbook's score rows before they are written. */
function applyEdits(scores: Row[], edits: ReturnType<typeof findGradesSheetEdits>, now: string): void {
  if (edits.length === 0) return;
  const byKey = new Map(scores.map((s) => [`${String(s.student_id)}:${String(s.item_id)}`, s]));
  for (const e of edits) {
    const row = byKey.get(`${e.studentId}:${e.itemId}`);
    if (row) Object.assign(row, e.patch, { updated_at: now });
    else if (e.patch.value !== null || e.patch.status !== null)
      scores.push({ student_id: e.studentId, item_id: e.itemId, ...e.patch, updated_at: now });
  }
}
