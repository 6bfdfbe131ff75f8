import { ApiError } from '@shared/api/envelope';
import type { WorkbookReport } from '@shared/api/excel';
import { plural } from '@shared/text/words';
import { runOffThread } from '../jobs/off-thread';
import { keyOf, NEVER_ERASED, TRACKED_TABLES, type Key } from '../changes/tables';
import { writesNothing, type ChangeSet } from '../changes/tracker';
import { IDLE, ROWS_PER_STEP, type Steps } from '../jobs/steps';
import type { Course } from '../services/course';
import { commitImport, courseVersion, importOutcome, type ImportFile } from './apply';
import { findGradesSheetEdits } from './grades-sheet-edits';
import { fileError, refuseIfErrors } from './problems';
import { isZip, readSpreadsheetOffThread } from './read';
import type { Row } from '../changes/tables';
import { checkCourseRows } from './workbook-check';
import { DataSheetRows } from './workbook-rows';
import { cellText, RowGrid } from './sheet';
import type { RowsPart } from '../jobs/worker';
import { DATA_SHEET, DATA_TABLES, FORMAT_TAG, FORMAT_VERSION, GRADES_SHEET, type DataTable } from './workbook-format';

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
  const columns = new Map(
    DATA_TABLES.map((t) => [t, new Set((course.db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name))]),
  );
  // The data sheet's rows are checked as the worker reads them, and its grid built beside.
  let [sheet, check, grid] = [0, new DataSheetRows(columns), new RowGrid()];
  const read = await runOffThread(
    'readWorkbookSheets',
    { bytes: file.bytes, names: [DATA_SHEET, GRADES_SHEET], streamed: DATA_SHEET },
    work,
    (part: RowsPart) => {
      if (part.sheet !== sheet) [sheet, check, grid] = [part.sheet, new DataSheetRows(columns), new RowGrid()];
      const { at, cells } = part;
      for (let i = 0; i < at.length; i++) {
        grid.set(at[i]!, cells[i]!);
        check.add(at[i]!, cells[i]!);
      }
    },
  );
  const sheets = new Map(read.map((s) => [s.name, s.name === DATA_SHEET ? { ...s, rows: grid.done() } : s]));
  const data = sheets.get(DATA_SHEET);
  if (!data || cellText(data.rows[0]?.[0]) !== FORMAT_TAG) throw notOurs();
  const version = Number(data.rows[0]?.[1]);
  if (version > FORMAT_VERSION)
    throw fileError('This workbook was written by a newer version of the gradebook. Update the app to import it.');
  await work.step(0.35, 'Checking the course data');

  const readAt = courseVersion(course);
  if (!check.inOrder) {
    check = new DataSheetRows(columns);
    for (let r = 0; r < data.rows.length; r++) {
      if (r % ROWS_PER_STEP === 0) await work.step(0.35 + (0.45 * r) / data.rows.length, 'Checking the course data');
      check.add(r, data.rows[r]!);
    }
  }
  const { problems, parsed } = check;
  const { rows } = parsed;
  checkCourseRows(parsed, problems);
  const courseRow = rows.get('course')![0];
  const record = check.gradesRecord();

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
      try {
        // A savepoint: a unique value moved between rows can refuse the in-place writes; then
        // the course is replaced whole instead.
        course.db.transaction(() => writeDifferences(course, cs, rows))();
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
        replaceAll(course, cs, rows);
      }
    });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw fileError(
      `The workbook's data does not fit together (${(err as Error).message}); the course was not changed. Export the workbook again from the gradebook.`,
    );
  }
  // A workbook that matches the course writes nothing and leaves no undo step.
  report.applied = courseVersion(course) !== readAt;
  return report;
}

type WorkbookRows = Map<DataTable, Row[]>;

const keyText = (t: DataTable, row: Row) => TRACKED_TABLES[t].map((k) => String(row[k])).join('|');

/**
 * Makes the course the workbook's, writing only what differs: rows the workbook has are put in
 * place with their own ids (so references inside stored JSON, draw candidates and presenters,
 * stay valid), parents first, and a row equal to the stored one writes nothing; then rows it no
 * longer has are removed, children first, so no removal cascades onto a row the workbook keeps.
 * A workbook exported from this course and imported back costs an undo step, an audit and a
 * file growth the size of its edits, not of the whole course.
 */
function writeDifferences(course: Course, cs: ChangeSet, rows: WorkbookRows): void {
  const left = new Map<DataTable, Key[]>();
  for (const t of DATA_TABLES) {
    const given = rows.get(t)!;
    if (t === 'course') {
      for (const row of given) cs.put('course', { id: 1 }, row);
      continue;
    }
    // The stored rows are compared as they are read, one at a time: only the workbook's are held.
    const byKey = new Map(given.map((row) => [keyText(t, row), row]));
    const changed = new Set<Row>();
    const same = new Set<Row>();
    const gone: Key[] = [];
    for (const old of course.db.prepare(`SELECT * FROM "${t}"`).iterate() as IterableIterator<Row>) {
      const row = byKey.get(keyText(t, old));
      if (row === undefined) gone.push(keyOf(t, old));
      else (writesNothing(old, row) ? same : changed).add(row);
    }
    for (const row of given) {
      if (same.has(row)) continue;
      // A draw is never erased (removing one withdraws it): the workbook's row takes its place.
      if (changed.has(row) || NEVER_ERASED[t]) cs.put(t, keyOf(t, row), row);
      else cs.insert(t, row);
    }
    left.set(t, gone);
  }
  for (const t of [...DATA_TABLES].reverse()) for (const key of left.get(t) ?? []) cs.put(t, key, null);
}

/** Empties the course (children first), then writes the workbook's rows into it. */
function replaceAll(course: Course, cs: ChangeSet, rows: WorkbookRows): void {
  for (const t of [...DATA_TABLES].reverse()) {
    if (t === 'course') continue;
    const key = TRACKED_TABLES[t];
    for (const old of course.db.prepare(`SELECT ${key.map((k) => `"${k}"`).join(', ')} FROM "${t}"`).all() as Key[]) cs.put(t, old, null);
  }
  writeDifferences(course, cs, rows);
}

/** Names for the preview, from the workbook's own rows. */
function names(rows: WorkbookRows): Parameters<typeof findGradesSheetEdits>[2] {
  const students = new Map(rows.get('student')!.map((s) => [s.id as number, s]));
  const items = new Map(rows.get('item')!.map((i) => [i.id as number, i]));
  // Only a cell edited on the Grades sheet asks for its score: the 200,000 of a large course are indexed on the first ask.
  let scores: Map<string, Row> | undefined;
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
      scores ??= new Map(rows.get('score')!.map((s) => [`${String(s.student_id)}:${String(s.item_id)}`, s]));
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
