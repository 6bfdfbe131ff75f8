import { ApiError } from '../../../shared/api/envelope';
import type { WorkbookReport } from '../../../shared/api/excel';
import { Policy } from '../../../shared/model';
import type { Course } from '../services/course';
import { commitImport, type ImportFile } from './apply';
import { sheetInfos } from './detect';
import { fileError, Problems, refuseIfErrors } from './problems';
import { readSpreadsheet } from './read';
import { cellText } from './sheet';
import { DATA_SHEET, DATA_TABLES, FORMAT_TAG, FORMAT_VERSION, type DataTable } from './workbook-format';
import { TRACKED_TABLES } from '../changes/tables';

type Row = Record<string, unknown>;

/**
 * Imports our own full workbook (CLI: `gradebook import workbook`): the course's name, policy,
 * categories, roster, teams, items, scores, attendance, overrides and presentations are replaced
 * by the workbook's, as one undo step after a backup. Edits made to the visible sheets are not
 * read; the hidden data sheet is the source, so final grades come out identical.
 */
export async function importWorkbook(course: Course, file: ImportFile, opts: { dryRun?: boolean } = {}): Promise<WorkbookReport> {
  const book = await readSpreadsheet(file.bytes, file.name);
  const data = book.sheets.find((s) => s.name === DATA_SHEET);
  if (!data || cellText(data.rows[0]?.[0]) !== FORMAT_TAG) {
    throw fileError(
      `This is not a full workbook exported by the gradebook (it has no '${DATA_SHEET}' sheet). Import it as a class list or as scores instead.`,
    );
  }
  const version = Number(data.rows[0]?.[1]);
  if (version > FORMAT_VERSION)
    throw fileError('This workbook was written by a newer version of the gradebook. Update the app to import it.');

  const problems = new Problems();
  const columns = new Map(
    DATA_TABLES.map((t) => [t, new Set((course.db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name))]),
  );
  const rows = new Map<DataTable, Row[]>(DATA_TABLES.map((t) => [t, []]));
  for (let r = 1; r < data.rows.length; r++) {
    const table = cellText(data.rows[r]?.[0]) as DataTable;
    const known = columns.get(table);
    if (!known) {
      problems.error(DATA_SHEET, r, 0, `'${table}' is not a part of a course. The data sheet was edited; export the workbook again.`);
      continue;
    }
    let row: Row;
    try {
      row = JSON.parse(cellText(data.rows[r]?.[1])) as Row;
    } catch {
      problems.error(DATA_SHEET, r, 1, 'This row is damaged (not readable data). The data sheet was edited; export the workbook again.');
      continue;
    }
    const unknown = Object.keys(row).filter((k) => !known.has(k));
    if (unknown.length || typeof row !== 'object' || row === null) {
      problems.error(DATA_SHEET, r, 1, `This ${table} row has fields a course does not have (${unknown.join(', ')}).`);
      continue;
    }
    rows.get(table)!.push(row);
  }
  const courseRow = rows.get('course')![0];
  if (!courseRow) problems.error(DATA_SHEET, null, null, 'The workbook has no course settings row.');
  else if (!Policy.safeParse(JSON.parse(String(courseRow.policy_json))).success)
    problems.error(
      DATA_SHEET,
      null,
      null,
      'The grading policy in the workbook is not valid. Export the workbook again from the gradebook.',
    );

  const counts = Object.fromEntries(DATA_TABLES.map((t) => [t, rows.get(t)!.length]));
  const report: WorkbookReport = {
    sheets: sheetInfos(book),
    problems: problems.list,
    applied: false,
    backup: null,
    courseName: courseRow ? String(courseRow.name) : null,
    counts,
  };
  if (opts.dryRun) return report;
  refuseIfErrors(problems);
  try {
    report.backup = commitImport(course, `Import workbook (${report.courseName})`, file, (cs) => {
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
