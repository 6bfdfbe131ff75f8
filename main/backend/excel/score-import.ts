import type { ScoreImportInput, ScoreReport } from '@shared/api/excel';
import { ScoreImportInput as ScoreImportSchema } from '@shared/api/excel';
import type { Course } from '../services/course';
import { IDLE, ROWS_PER_STEP, type Steps } from '../jobs/steps';
import { commitImport, courseVersion, importOutcome, type ImportFile } from './apply';
import { detectHeaderRow, headerRowIndex, normalizeHeader, pickSheet, sheetChoice } from './detect';
import { EFFECTIVE_SUFFIX } from './grades-table';
import { Problems, refuseIfErrors } from './problems';
import { readSpreadsheetOffThread } from './read';
import { checkScoreRange, existingScores, readScoreCell, scorePatch } from './score-cells';
import { cellText, columnLetter, type CellValue } from './sheet';
import { plural } from '@shared/text/words';

export type ScoreOptions = Omit<ScoreImportInput, 'file'>;

const KEY_HEADERS = {
  registrarId: /^(student ?id|id|sis user id|sis id|banner id|nuid|emplid|student number|registrar id)$/,
  email: /^(e-?mail|e-?mail address|sis login id|login)$/,
};

interface ItemRow {
  id: number;
  name: string;
  points_possible: number;
  external_id: string | null;
  team_graded: number;
}

/**
 * Imports scores for one or more items (CLI: `gradebook import scores`). Students are matched
 * by registrar ID or email; columns by item name (or "Title (id)"), or as the caller maps them,
 * creating items where asked. EX/excused/MI/missing become statuses; blank cells leave scores
 * untouched unless `blankClears`. All rows are validated first; one transaction.
 */
export async function importScores(course: Course, file: ImportFile, options: ScoreOptions = {}, work: Steps = IDLE): Promise<ScoreReport> {
  const opts = ScoreImportSchema.omit({ file: true }).parse(options);
  await work.step(0, 'Reading the file');
  const book = await readSpreadsheetOffThread(file, work);
  await work.step(0.3, 'Checking rows');
  const sheet = pickSheet(book, opts.sheet);
  const keyPattern = KEY_HEADERS[opts.matchBy];
  const headerRow = headerRowIndex(sheet, opts.headerRow, () =>
    detectHeaderRow(sheet, (row) => (row.some((h) => keyPattern.test(normalizeHeader(h))) ? 2 : 0)),
  );
  const header = sheet.rows[headerRow] ?? [];
  const headers = header.map((h) => cellText(h));
  const problems = new Problems();
  const keyColumn = opts.keyColumn ?? header.findIndex((h) => keyPattern.test(normalizeHeader(h)));

  const readAt = courseVersion(course);
  const items = course.db.prepare('SELECT id, name, points_possible, external_id, team_graded FROM item').all() as ItemRow[];
  const itemById = new Map(items.map((i) => [i.id, i]));
  const targets = new Map<number, { item: ItemRow | null; create: { name: string; categoryId: number; pointsPossible: number } | null }>();
  if (opts.columns) {
    for (const t of opts.columns) {
      if ('itemId' in t) {
        const item = itemById.get(t.itemId);
        if (!item) problems.error(sheet.name, headerRow, t.column, `Item ${t.itemId} does not exist in this course.`);
        else targets.set(t.column, { item, create: null });
      } else {
        const category = course.db.prepare("SELECT id FROM category WHERE id = ? AND kind = 'items'").get(t.create.categoryId);
        if (!category)
          problems.error(sheet.name, headerRow, t.column, `Category ${t.create.categoryId} does not exist or does not hold items.`);
        targets.set(t.column, { item: null, create: t.create });
      }
    }
  } else {
    headers.forEach((h, c) => {
      // The grades CSV's effective scores (late penalty applied): read back as scores, the penalty would apply twice.
      if (c === keyColumn || h === '' || h.endsWith(EFFECTIVE_SUFFIX)) return;
      const item = matchItem(items, h);
      if (item) targets.set(c, { item, create: null });
    });
  }
  const columnOfItem = new Map<number, number>();
  for (const [c, t] of targets) {
    if (!t.item) continue;
    if (t.item.team_graded)
      problems.error(sheet.name, headerRow, c, `'${t.item.name}' is graded per team; enter team scores in the gradebook instead.`);
    // Both columns would write the same cells and the last would win unseen.
    const first = columnOfItem.get(t.item.id);
    if (first === undefined) columnOfItem.set(t.item.id, c);
    else
      problems.error(
        sheet.name,
        headerRow,
        c,
        `Columns ${columnLetter(first)} ('${headers[first] ?? ''}') and ${columnLetter(c)} ('${headers[c] ?? ''}') both hold scores for '${t.item.name}'. Map only one of them to it.`,
      );
  }
  if (keyColumn < 0 || keyColumn >= Math.max(header.length, 1)) {
    problems.error(
      sheet.name,
      headerRow,
      null,
      `No column holds the students' ${opts.matchBy === 'email' ? 'emails' : 'registrar IDs'}. Choose the column to match students by.`,
    );
  }
  if (targets.size === 0)
    problems.error(
      sheet.name,
      headerRow,
      null,
      'No column matches an item of the course. Map the columns to items, or create items for them.',
    );

  const students = new Map(
    (
      course.db.prepare(`SELECT id, ${opts.matchBy === 'email' ? 'lower(email)' : 'registrar_id'} AS k FROM student`).all() as {
        id: number;
        k: string | null;
      }[]
    )
      .filter((s) => s.k)
      .map((s) => [s.k!, s.id]),
  );
  const existing = existingScores(course.db);

  const unmatchedRows: ScoreReport['unmatchedRows'] = [];
  const writes: { studentId: number; column: number; patch: { value: number | null; status: string | null } }[] = [];
  const counts = { set: 0, cleared: 0, unchanged: 0, statuses: 0, itemsCreated: [...targets.values()].filter((t) => t.create).length };
  const seen = new Map<number, number>();
  if (problems.errorCount === 0) {
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      if (r % ROWS_PER_STEP === 0) await work.step(0.3 + (0.6 * r) / sheet.rows.length, 'Checking rows');
      const cells = sheet.rows[r] ?? [];
      if (cells.every((c) => cellText(c) === '')) continue;
      const key = keyText(cells[keyColumn], opts.matchBy);
      const studentId = students.get(key);
      if (studentId === undefined) {
        unmatchedRows.push({ row: r + 1, key });
        const message = key
          ? `No student in the course has ${opts.matchBy === 'email' ? 'email' : 'ID'} ${key}.`
          : 'The student key is empty.';
        if (opts.skipUnknownStudents) problems.warning(sheet.name, r, keyColumn, `${message} The row is skipped.`);
        else problems.error(sheet.name, r, keyColumn, `${message} Add the student first, or choose to skip unknown students.`);
        continue;
      }
      const dup = seen.get(studentId);
      if (dup !== undefined) problems.error(sheet.name, r, keyColumn, `Student ${key} appears twice (also on row ${dup + 1}).`);
      seen.set(studentId, r);
      for (const [c, t] of targets) {
        const cell = readScoreCell(cells[c], book.decimalComma);
        const possible = t.item?.points_possible ?? t.create!.pointsPossible;
        if (cell.kind === 'invalid') {
          problems.error(
            sheet.name,
            r,
            c,
            `'${cell.text}' is not a score. Enter a number, EX (excused) or MI (missing), or leave it empty.`,
          );
          continue;
        }
        const outOfRange = cell.kind === 'value' ? checkScoreRange(cell.value, possible) : null;
        if (outOfRange) {
          problems.error(sheet.name, r, c, outOfRange);
          continue;
        }
        const old = t.item ? existing.get(`${studentId}:${t.item.id}`) : undefined;
        const patch = scorePatch(cell, old, opts.blankClears ?? false);
        if (!patch) {
          if (cell.kind !== 'blank') counts.unchanged++;
          continue;
        }
        if (patch.status) counts.statuses++;
        else if (patch.value === null) counts.cleared++;
        else counts.set++;
        writes.push({ studentId, column: c, patch });
      }
    }
  }
  const columns: ScoreReport['columns'] = headers.map((header, column) => {
    const t = targets.get(column);
    if (column === keyColumn) return { column, header, itemId: null, itemName: null, action: 'key' };
    if (!t) return { column, header, itemId: null, itemName: null, action: 'unmatched' };
    return t.item
      ? { column, header, itemId: t.item.id, itemName: t.item.name, action: 'matched' }
      : { column, header, itemId: null, itemName: t.create!.name, action: 'create' };
  });
  const report: ScoreReport = {
    ...importOutcome(book, problems),
    ...sheetChoice(sheet, headerRow),
    keyColumn: keyColumn >= 0 ? keyColumn : null,
    columns,
    unmatchedRows,
    counts,
  };
  if (opts.dryRun) return report;
  refuseIfErrors(problems);
  if (writes.length === 0 && counts.itemsCreated === 0) return report;
  await work.step(0.9, 'Writing');
  report.backup = commitImport(course, readAt, `Import scores (${plural(writes.length, 'cell')})`, file, (cs, now) => {
    const itemOf = new Map<number, number>();
    let position = (course.db.prepare('SELECT coalesce(max(position), 0) AS p FROM item').get() as { p: number }).p;
    for (const [c, t] of targets) {
      itemOf.set(
        c,
        t.item?.id ??
          cs.insert('item', {
            category_id: t.create!.categoryId,
            name: t.create!.name,
            points_possible: t.create!.pointsPossible,
            position: ++position,
            created_at: now,
          }),
      );
    }
    for (const w of writes) cs.put('score', { student_id: w.studentId, item_id: itemOf.get(w.column)! }, { ...w.patch, updated_at: now });
  });
  report.applied = true;
  return report;
}

/** A column header names an item by its name, or as "Name (external id)" like an LMS export. */
function matchItem(items: ItemRow[], header: string): ItemRow | undefined {
  const h = header.trim().toLowerCase();
  const withId = /^(.*)\s\(([^()]+)\)$/.exec(header.trim());
  return (
    (withId && items.find((i) => i.external_id === withId[2])) ||
    items.find((i) => i.name.trim().toLowerCase() === h) ||
    (withId ? items.find((i) => i.name.trim().toLowerCase() === withId[1]!.trim().toLowerCase()) : undefined)
  );
}

function keyText(value: CellValue | undefined, matchBy: 'registrarId' | 'email'): string {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  const t = cellText(value);
  return matchBy === 'email' ? t.toLowerCase() : t;
}
