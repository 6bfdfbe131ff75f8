import type { WorkbookReport } from '@shared/api/excel';
import type { ScoreStatus } from '@shared/model';
import { plural } from '@shared/text/words';
import type { Problems } from './problems';
import { checkScoreRange, readScoreCell } from './score-cells';
import { cellNumber, cellText, columnLetter, type CellValue, type Sheet } from './sheet';
import { GRADES_FOOTER, GRADES_FOOTER_TITLE, GRADES_HEADER_ROW, GRADES_SHEET } from './workbook-format';

/** The Grades sheet as the export wrote it (from the hidden data sheet). */
export interface GradesRecord {
  header: string[];
  /** The item each column holds a score of (null: another column). */
  items: (number | null)[];
  /** Cells per student, by registrar ID (the first column). */
  rows: Map<string, { studentId: number; cells: unknown[] }>;
}

export interface GradesEdit {
  studentId: number;
  itemId: number;
  patch: { value: number | null; status: ScoreStatus | null };
  shown: WorkbookReport['gradesSheetEdits'][number];
}

interface Names {
  student: (id: number) => string;
  item: (id: number) => { name: string; points: number; team: boolean } | undefined;
  /** The workbook's score row of a cell (its raw value and what changes it), if any. */
  score: (studentId: number, itemId: number) => RawScore | undefined;
}

/** What decides whether a score cell shows its raw value. */
export interface RawScore {
  value: number | null;
  status: string | null;
  integrityDate: string | null;
  adjusted: boolean;
}

/**
 * Why a Grades cell shows other than its raw score, or null when it shows the raw score. The
 * sheet shows the score that counts (after a late penalty, an adjustment or an integrity
 * finding), but an edit is saved as the raw score; typing over such a cell would apply the
 * penalty again (or, under an integrity finding, change nothing visible), so such cells are
 * refused with the raw value and changed in the app instead.
 */
function shownAfter(exported: unknown, raw: RawScore | undefined): string | null {
  if (typeof exported !== 'number' || !raw) return null;
  if (raw.value === null ? raw.status === 'missing' && exported === 0 : Math.abs(raw.value - exported) < 1e-9) return null;
  return raw.integrityDate !== null ? 'an integrity finding' : raw.adjusted ? 'an adjustment' : 'a late penalty';
}

/**
 * Each recorded column's place on the visible sheet. Columns are found by header, so moving them
 * in Excel is fine; columns with the same header (two items named "Week 1" in different
 * categories) are matched in order, the k-th recorded to the k-th visible, so they must keep
 * their order relative to each other.
 */
function placeColumns(recorded: string[], visible: string[]): { recorded: number; at: number }[] {
  const places = new Map<string, number[]>();
  visible.forEach((h, at) => places.set(h, [...(places.get(h) ?? []), at]));
  const used = new Map<string, number>();
  return recorded.flatMap((h, index) => {
    const k = used.get(h) ?? 0;
    used.set(h, k + 1);
    const at = places.get(h)?.[k];
    return at === undefined ? [] : [{ recorded: index, at }];
  });
}

/** A cell still shows what the export wrote (numbers compared as numbers, text ignoring case). */
function unchanged(exported: unknown, now: CellValue | undefined): boolean {
  if (typeof exported === 'number') {
    const n = cellNumber(now, false);
    return n !== null && Math.abs(n - exported) < 1e-9;
  }
  return cellText(exported as CellValue).toLowerCase() === cellText(now).toLowerCase();
}

/** The statistics rows' labels: rows for reading, never imported. */
const FOOTER_LABELS = new Set<string>([GRADES_FOOTER_TITLE, ...GRADES_FOOTER.map(([label]) => label)]);

const idOf = (v: CellValue | undefined) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : cellText(v));

/**
 * Scores the instructor typed over on the visible Grades sheet after exporting: every score
 * cell that no longer shows what the export wrote. Columns and rows are found by header and
 * student ID, so sorting or moving them in Excel is fine. An unreadable edit is an error with
 * its place; edits to names, percentages or letters are not imported and a warning says so.
 */
export function findGradesSheetEdits(
  sheet: Sheet | undefined,
  record: GradesRecord | null,
  names: Names,
  problems: Problems,
): GradesEdit[] {
  if (!sheet) {
    if (record)
      problems.warning(
        null,
        null,
        null,
        `The '${GRADES_SHEET}' sheet is missing or was renamed; edits made on it are not read. Name it '${GRADES_SHEET}' again to import them.`,
      );
    return [];
  }
  if (!record) {
    problems.warning(
      GRADES_SHEET,
      null,
      null,
      'This workbook was exported by an earlier version of the gradebook, so changes made on the Grades sheet are not read.',
    );
    return [];
  }
  const visible = (sheet.rows[GRADES_HEADER_ROW] ?? []).map((h) => cellText(h));
  const columns = placeColumns(record.header, visible);
  const idColumn = visible.indexOf(record.header[0] ?? '');
  if (idColumn < 0) {
    problems.warning(
      GRADES_SHEET,
      GRADES_HEADER_ROW,
      null,
      `The Grades sheet has no '${record.header[0]}' column, so its changes are not read.`,
    );
    return [];
  }
  const ignored = new Map<string, { count: number; reason: string }>();
  const ignore = (header: string, reason: string) => {
    const seen = ignored.get(header) ?? { count: 0, reason };
    seen.count++;
    ignored.set(header, seen);
  };
  const edits: GradesEdit[] = [];
  const seenRows = new Map<string, number>();
  // Rows below the last student's (statistics, notes) are not about one student: not read.
  let end = sheet.rows.length - 1;
  while (end > GRADES_HEADER_ROW && !record.rows.has(idOf(sheet.rows[end]?.[idColumn]))) end--;
  for (let r = GRADES_HEADER_ROW + 1; r <= end; r++) {
    const cells = sheet.rows[r] ?? [];
    const id = idOf(cells[idColumn]);
    if (id === '') continue;
    const exported = record.rows.get(id);
    if (!exported && FOOTER_LABELS.has(id)) continue;
    if (!exported) {
      problems.warning(
        GRADES_SHEET,
        r,
        idColumn,
        `Student ID ${id} is not in the workbook's data, so this row is not read. Add new students in the gradebook.`,
      );
      continue;
    }
    const twice = seenRows.get(id);
    if (twice !== undefined)
      problems.error(GRADES_SHEET, r, idColumn, `Student ${id} appears twice on the Grades sheet (also on row ${twice + 1}).`);
    seenRows.set(id, r);
    for (const { recorded, at } of columns) {
      const before = exported.cells[recorded];
      const now = cells[at];
      if (at === idColumn || unchanged(before, now)) continue;
      const header = record.header[recorded]!;
      const itemId = record.items[recorded] ?? null;
      const item = itemId === null ? undefined : names.item(itemId);
      if (itemId === null || !item) {
        ignore(header, 'only scores are read from the Grades sheet; change the rest in the gradebook');
        continue;
      }
      if (item.team) {
        ignore(header, 'it is graded per team; enter team scores in the gradebook');
        continue;
      }
      const raw = names.score(exported.studentId, itemId);
      const penalised = shownAfter(before, raw);
      if (penalised) {
        problems.error(
          GRADES_SHEET,
          r,
          at,
          `This score is shown after ${penalised}${raw?.value == null ? '' : ` (raw ${raw.value})`}; change it in the app's cell menu, not in the sheet.`,
        );
        continue;
      }
      const cell = readScoreCell(now, false);
      if (cell.kind === 'invalid' || cell.kind === 'not-assigned') {
        problems.error(
          GRADES_SHEET,
          r,
          at,
          `'${cellText(now)}' is not a score. Type a number, EX (excused) or MI (missing), or clear the cell.`,
        );
        continue;
      }
      const outOfRange = cell.kind === 'value' ? checkScoreRange(cell.value, item.points, item.name) : null;
      if (outOfRange) {
        problems.error(GRADES_SHEET, r, at, outOfRange);
        continue;
      }
      edits.push({
        studentId: exported.studentId,
        itemId,
        patch:
          cell.kind === 'value'
            ? { value: cell.value, status: null }
            : cell.kind === 'status'
              ? { value: null, status: cell.status }
              : { value: null, status: null },
        shown: {
          row: r + 1,
          column: columnLetter(at),
          student: names.student(exported.studentId),
          item: item.name,
          from: cellText(before as CellValue),
          to: cellText(now),
        },
      });
    }
  }
  for (const [header, { count, reason }] of ignored)
    problems.warning(
      GRADES_SHEET,
      null,
      visible.indexOf(header),
      `${plural(count, 'change')} in '${header}' ${count === 1 ? 'was' : 'were'} not imported: ${reason}.`,
    );
  return edits;
}

/** "3 scores changed on the Grades sheet: row 5, column H: 8 → 9; …" */
export function describeEdits(edits: WorkbookReport['gradesSheetEdits']): string {
  if (edits.length === 0) return 'No scores were changed on the Grades sheet.';
  const shown = edits
    .slice(0, 5)
    .map((e) => `row ${e.row}, column ${e.column}: ${e.from || '(empty)'} → ${e.to || '(empty)'}`)
    .join('; ');
  return `${plural(edits.length, 'score')} changed on the Grades sheet: ${shown}${edits.length > 5 ? '; …' : ''}.`;
}
