import type { RosterField, RosterImportInput, RosterReport } from '@shared/api/excel';
import { StudentFields } from '@shared/api/roster';
import type { Course } from '../services/course';
import { IDLE, ROWS_PER_STEP, type Steps } from '../jobs/steps';
import { commitImport, courseVersion, importOutcome, type ImportFile } from './apply';
import { detectHeaderRow, detectRosterMapping, enrolmentStatus, headerRowIndex, pickSheet, sheetChoice, splitName } from './detect';
import { Problems, refuseIfErrors } from './problems';
import { readSpreadsheetOffThread } from './read';
import { cellText, type CellValue } from './sheet';

export type RosterOptions = Omit<RosterImportInput, 'file'>;

interface StudentRow {
  id: number;
  registrar_id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  email: string | null;
  section: string | null;
  status: 'enrolled' | 'withdrawn';
}

type Draft = {
  registrarId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  email: string | null;
  section: string | null;
  /** null: the file gives no status (a new student is enrolled, an existing one keeps theirs). */
  status: 'enrolled' | 'withdrawn' | null;
};

const COMPARED: [keyof Draft, keyof StudentRow, string][] = [
  ['firstName', 'first_name', 'first name'],
  ['lastName', 'last_name', 'last name'],
  ['preferredName', 'preferred_name', 'preferred name'],
  ['email', 'email', 'email'],
  ['section', 'section', 'section'],
  ['status', 'status', 'status'],
];

/**
 * Imports a class list (CLI: `gradebook import roster`). Students are matched by registrar ID:
 * new ones are added, existing ones updated from the non-empty cells. The whole file is
 * validated first; any error refuses it (nothing written). `dryRun` answers the preview only.
 */
export async function importRoster(course: Course, file: ImportFile, opts: RosterOptions = {}, work: Steps = IDLE): Promise<RosterReport> {
  await work.step(0, 'Reading the file');
  const book = await readSpreadsheetOffThread(file, work);
  await work.step(0.3, 'Checking rows');
  const sheet = pickSheet(book, opts.sheet);
  const headerRow = headerRowIndex(sheet, opts.headerRow, () => detectHeaderRow(sheet));
  const header = sheet.rows[headerRow] ?? [];
  const mapping = opts.mapping ?? detectRosterMapping(header);
  const problems = new Problems();
  const col = (f: RosterField) => mapping.indexOf(f);
  if (col('registrarId') < 0)
    problems.error(sheet.name, headerRow, null, 'No column holds the student ID. Choose which column has the registrar ID.');
  if (col('name') < 0 && col('lastName') < 0 && col('firstName') < 0)
    problems.error(
      sheet.name,
      headerRow,
      null,
      'No column holds the names. Choose a "Last, First" name column or first and last name columns.',
    );

  const readAt = courseVersion(course);
  const existing = new Map(
    (
      course.db
        .prepare('SELECT id, registrar_id, first_name, last_name, preferred_name, email, section, status FROM student')
        .all() as StudentRow[]
    ).map((s) => [s.registrar_id, s]),
  );
  const seen = new Map<string, number>();
  const rows: RosterReport['rows'] = [];
  const writes: { registrarId: string; existing: StudentRow | undefined; fields: Partial<StudentRow> }[] = [];

  if (problems.errorCount === 0) {
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      if (r % ROWS_PER_STEP === 0) await work.step(0.3 + (0.6 * r) / sheet.rows.length, 'Checking rows');
      const cells = sheet.rows[r] ?? [];
      if (cells.every((c) => cellText(c) === '')) continue;
      const text = (f: RosterField) => (col(f) >= 0 ? cellText(cells[col(f)]) : '');
      const named = col('name') >= 0 ? splitName(text('name')) : { firstName: '', lastName: '' };
      const draft: Draft = {
        registrarId: idText(cells[col('registrarId')]),
        firstName: text('firstName') || named.firstName,
        lastName: text('lastName') || named.lastName,
        preferredName: text('preferredName') || null,
        email: text('email') || null,
        section: text('section') || null,
        status: enrolmentStatus(text('status')) ?? null,
      };
      const before = problems.errorCount;
      if (enrolmentStatus(text('status')) === undefined)
        problems.error(
          sheet.name,
          r,
          col('status'),
          `'${text('status')}' is not an enrolment status. Use Registered, Enrolled, Audit, Dropped or Withdrawn, or leave it empty.`,
        );
      validateRow(draft, r, seen, problems, sheet.name, mapping);
      const old = existing.get(draft.registrarId);
      const { action, changes, fields } = decide(old, draft);
      const failed = problems.errorCount > before;
      rows.push({
        row: r + 1,
        action: failed ? 'error' : action,
        registrarId: draft.registrarId,
        firstName: draft.firstName,
        lastName: draft.lastName,
        email: draft.email,
        section: draft.section,
        status: draft.status,
        changes,
      });
      if (!failed && action !== 'unchanged') writes.push({ registrarId: draft.registrarId, existing: old, fields });
    }
    if (rows.length === 0) problems.error(sheet.name, headerRow, null, 'There are no students below the header row.');
  }

  const counts = { new: 0, updated: 0, unchanged: 0, error: 0, withdrawn: 0 };
  for (const r of rows) {
    counts[r.action]++;
    if (r.action !== 'error' && r.status === 'withdrawn') counts.withdrawn++;
  }
  const report: RosterReport = {
    ...importOutcome(book, problems),
    ...sheetChoice(sheet, headerRow),
    mapping,
    rows,
    counts,
  };
  if (opts.dryRun) return report;
  refuseIfErrors(problems);
  if (counts.new + counts.updated === 0) return report;
  await work.step(0.9, 'Writing');
  report.backup = commitImport(course, readAt, `Import class list (${counts.new} new, ${counts.updated} updated)`, file, (cs, now) => {
    for (const { registrarId, existing: old, fields } of writes) {
      if (old) cs.put('student', { id: old.id }, fields);
      else cs.insert('student', { registrar_id: registrarId, status: 'enrolled', ...fields, extension_days: 0, created_at: now });
    }
  });
  report.applied = true;
  return report;
}

/** IDs are text: a number cell is written without exponent or decimals (leading zeros are the sheet's to keep). */
function idText(value: CellValue | undefined): string {
  if (typeof value === 'number' && Number.isInteger(value))
    return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  return cellText(value);
}

function validateRow(
  d: Draft,
  r: number,
  seen: Map<string, number>,
  problems: Problems,
  sheet: string,
  mapping: (RosterField | null)[],
): void {
  const at = (f: RosterField) => {
    const c = mapping.indexOf(f);
    return c >= 0 ? c : null;
  };
  if (!d.registrarId) {
    problems.error(sheet, r, at('registrarId'), 'The student ID is empty. Every student needs the registrar ID.');
    return;
  }
  const first = seen.get(d.registrarId);
  if (first !== undefined)
    problems.error(sheet, r, at('registrarId'), `Duplicate student ID ${d.registrarId}: it is also on row ${first + 1}.`);
  else seen.set(d.registrarId, r);
  if (!d.firstName && !d.lastName) problems.error(sheet, r, at('name') ?? at('lastName'), `Student ${d.registrarId} has no name.`);
  if (d.email !== null && !/^[^\s@]+@[^\s@]+$/.test(d.email))
    problems.error(sheet, r, at('email'), `'${d.email}' is not an email address.`);
  const checked = StudentFields.safeParse(d);
  if (!checked.success) {
    for (const issue of checked.error.issues) problems.error(sheet, r, null, `${String(issue.path[0] ?? 'value')}: ${issue.message}.`);
  }
}

/**
 * What a row does to the student on file, decided once for the preview and the write: only
 * non-empty cells count, so an empty cell never erases a name or an email, and the fields
 * written are exactly the changes listed.
 */
function decide(
  old: StudentRow | undefined,
  d: Draft,
): { action: 'new' | 'updated' | 'unchanged'; changes: string[]; fields: Partial<StudentRow> } {
  const changes: string[] = [];
  const fields: Partial<StudentRow> = {};
  for (const [field, column, label] of COMPARED) {
    const next = d[field];
    if (next === null || next === '' || next === old?.[column]) continue;
    Object.assign(fields, { [column]: next });
    if (old) changes.push(`${label}: ${old[column] ?? '(none)'} → ${next}`);
  }
  return { action: !old ? 'new' : changes.length ? 'updated' : 'unchanged', changes, fields };
}
