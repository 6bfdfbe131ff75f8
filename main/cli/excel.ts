import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '@shared/api/envelope';
import type { ImportProblem, Preflight, RosterField } from '@shared/api/excel';
import { canvasSummary, rosterSummary, rowsWithErrors } from '@shared/screens/importSummary';
import {
  columnsByHeader,
  describeEdits,
  describeProblem,
  exportAttendance,
  exportGradesCsv,
  exportRegistrar,
  exportWorkbook,
  importCanvas,
  IMPORTERS,
  type ImporterKind,
  type ImportFile,
  pickSheet,
  readSpreadsheet,
} from '../backend/excel';
import { exportPresentations } from '../backend/excel/presentations-export';
import { isZip } from '../backend/excel/read';
import type { Course } from '../backend/services/course';
import { onCourse, type Flags } from './open';
import { plural } from '@shared/text/words';

/**
 * Spreadsheet import/export commands over main/backend/excel. Each takes the course file, the
 * other file and the flags, and writes its report with `out`.
 */
type ExcelCommand = (courseFile: string, other: string, flags: Flags, out: (s: string) => void) => Promise<void>;

interface Outcome {
  problems: ImportProblem[];
  applied: boolean;
  backup: string | null;
}

/** A mistake in the command line itself (exit code 2). */
export class UsageError extends Error {}

/** The file, re-encoded as UTF-8 when --encoding names the CSV's encoding (e.g. windows-1252). */
const readInput = (file: string, encoding: string | undefined): ImportFile => {
  if (!fs.existsSync(file)) throw new ApiError('not_found', `${file} does not exist.`);
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (encoding === undefined) return { name: path.basename(file), bytes };
  if (isZip(bytes)) throw new UsageError(`--encoding applies to CSV files; ${file} is a workbook (.xlsx), which names its own encoding`);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new UsageError(`--encoding "${encoding}" is not an encoding (try utf-8, windows-1252, iso-8859-1 or utf-16le)`);
  }
  return { name: path.basename(file), bytes: new TextEncoder().encode(decoder.decode(bytes)) };
};

const FIELD_ALIASES: Record<string, RosterField> = { id: 'registrarId', studentid: 'registrarId', registrarid: 'registrarId' };
const ROSTER_FIELDS: readonly RosterField[] = [
  'registrarId',
  'name',
  'firstName',
  'lastName',
  'preferredName',
  'email',
  'section',
  'status',
];

/** --map "Matrikelnummer=id,Nachname=lastName": [header, field] pairs, in order. */
function parseMap(map: string): [string, string][] {
  return map.split(',').map((pair) => {
    const eq = pair.lastIndexOf('=');
    const header = pair.slice(0, eq).trim();
    const field = pair.slice(eq + 1).trim();
    if (eq < 0 || !header || !field) throw new UsageError(`--map: "${pair.trim()}" is not Header=field (e.g. "Matrikelnummer=id")`);
    return [header, field];
  });
}

function rosterField(field: string): RosterField {
  const f = FIELD_ALIASES[field.toLowerCase()] ?? ROSTER_FIELDS.find((x) => x.toLowerCase() === field.toLowerCase());
  if (!f) throw new UsageError(`--map: "${field}" is not a class-list field; use id, ${ROSTER_FIELDS.slice(1).join(', ')}`);
  return f;
}

const positiveInt = (v: Flags[string], flag: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} "${String(v)}" must be a whole number, 1 or more`);
  return n;
};

/**
 * The importer's options from the flags, so every choice the wizard offers has a flag:
 * --sheet, --header-row, --map (roster: columns by header; scores: the column to match by),
 * --match id|email (scores); --uncertain match|create (Canvas rows matched by name only).
 */
async function importOptions(kind: ImporterKind, file: ImportFile, flags: Flags): Promise<Record<string, unknown>> {
  const opts: Record<string, unknown> = { dryRun: !!flags['dry-run'] };
  const sheet = flags.sheet as string | undefined;
  const headerRow = positiveInt(flags['header-row'], 'header-row');
  if (sheet !== undefined) opts.sheet = sheet;
  if (headerRow !== undefined) opts.headerRow = headerRow;
  const match = flags.match as string | undefined;
  if (match !== undefined) {
    if (kind !== 'scores') throw new UsageError('--match applies to score imports (class lists and Canvas exports match by student ID)');
    if (match !== 'id' && match !== 'email') throw new UsageError(`--match "${match}": use id or email`);
    opts.matchBy = match === 'id' ? 'registrarId' : 'email';
  }
  const map = flags.map as string | undefined;
  if (map === undefined) return opts;
  if (kind !== 'roster' && kind !== 'scores') throw new UsageError('--map applies to class-list and score imports');
  const pairs = parseMap(map);
  const target = pickSheet(await readSpreadsheet(file.bytes, file.name), sheet);
  const found = columnsByHeader(
    target,
    pairs.map(([h]) => h),
    headerRow === undefined ? undefined : headerRow - 1,
  );
  opts.headerRow = found.headerRow + 1;
  if (kind === 'roster') {
    const mapping: (RosterField | null)[] = [];
    pairs.forEach(([, field], i) => (mapping[found.columns[i]!] = rosterField(field)));
    opts.mapping = Array.from(mapping, (f) => f ?? null);
    return opts;
  }
  const key = pairs.findIndex(([, f]) => f === 'id' || f === 'email');
  if (key < 0 || pairs.length > 1)
    throw new UsageError('--map for scores names the column to match students by: "Header=id" or "Header=email"');
  opts.keyColumn = found.columns[key];
  opts.matchBy ??= pairs[key]![1] === 'email' ? 'email' : 'registrarId';
  return opts;
}

/** A refused import lists every problem with its place; the ApiError's own message comes last. */
function withProblems(err: unknown): never {
  const details = err instanceof ApiError ? (err.details as { problems?: ImportProblem[]; preflight?: Preflight } | undefined) : undefined;
  const lines = [
    ...(details?.problems ?? []).map((p) => `  ${p.severity === 'error' ? 'error' : 'warning'}: ${describeProblem(p)}`),
    ...(details?.preflight?.issues ?? []).map((i) => `  ${i.message}`),
  ];
  const message = (err as ApiError).message;
  const more = lines.filter((l) => !message.includes(l.replace(/^ {2}(error: |warning: )?/, '')));
  if (more.length) throw new ApiError((err as ApiError).code, `${message}\n${more.join('\n')}`);
  throw err;
}

function report(out: (s: string) => void, what: string, outcome: Outcome, summary: string, dryRun: boolean): void {
  for (const p of outcome.problems) out(`  ${p.severity}: ${describeProblem(p)}`);
  const verdict = dryRun
    ? 'Dry run: nothing was changed.'
    : outcome.applied
      ? `Imported. Backup: ${outcome.backup ?? 'none'}`
      : 'Nothing to change.';
  out(`${what}: ${summary}\n${verdict}`);
}

type Report<K extends ImporterKind> = Awaited<ReturnType<(typeof IMPORTERS)[K]>>;

const importer =
  <K extends ImporterKind>(
    what: string,
    kind: K,
    summary: (r: Report<K>) => string,
    options: (flags: Flags) => object = () => ({}),
  ): ExcelCommand =>
  async (courseFile, input, flags, out) => {
    const dryRun = !!flags['dry-run'];
    const file = readInput(input, flags.encoding as string | undefined);
    const opts = { ...(await importOptions(kind, file, flags).catch(withProblems)), ...options(flags) };
    const run = IMPORTERS[kind] as (c: Course, f: ImportFile, opts: Record<string, unknown>) => Promise<Report<K>>;
    const result = await onCourse(courseFile, async (c) => {
      const uncertain = flags.uncertain as string | undefined;
      if (uncertain !== undefined) {
        if (kind !== 'canvas') throw new UsageError('--uncertain applies to Canvas imports');
        if (uncertain !== 'match' && uncertain !== 'create') throw new UsageError(`--uncertain "${uncertain}": use match or create`);
        // The same answer for every row matched by name only, as the wizard asks row by row.
        const found = await importCanvas(c, file, { ...opts, dryRun: true });
        opts.decisions = found.uncertain.map((u) => ({ row: u.row, studentId: uncertain === 'match' ? u.studentId : null }));
      }
      return run(c, file, opts);
    }).catch(withProblems);
    report(out, what, result, summary(result), dryRun);
    // A dry run answers for the real run: it fails exactly when the real import would be refused.
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (dryRun && errors.length > 0) {
      const rows = rowsWithErrors(errors);
      throw new ApiError(
        'validation_failed',
        `The import would be refused: ${plural(errors.length, 'error')}${rows ? ` in ${plural(rows, 'row')}` : ''}. Nothing was changed.`,
      );
    }
  };

/** The marks an attendance import sets, then (for a meeting report) who was not in it and who was not matched. */
function attendanceSummary(r: Report<'attendance'>): string {
  const lines = [
    `${plural(r.counts.set, 'mark')} set, ${r.counts.unchanged} unchanged (${r.kind === 'meeting' ? 'meeting report' : 'sign-in sheet'})`,
  ];
  for (const m of r.marks) lines.push(`  ${m.date}  ${m.name}: ${m.from ?? 'no mark'} → ${m.to ?? 'no mark'}${m.why ? ` (${m.why})` : ''}`);
  if (r.meeting) {
    if (r.meeting.unmatched.length)
      lines.push(
        `  Not imported (no enrolled student): ${r.meeting.unmatched.map((u) => `${u.name}${u.email ? ` <${u.email}>` : ''}`).join(', ')}`,
      );
  }
  return lines.join('\n');
}

/** A whole number of minutes (or a session id) from a flag; absent: the importer's default. */
function count(flags: Flags, name: string): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new ApiError('invalid_input', `--${name} "${String(v)}" is not a whole number.`);
  return Number(v);
}

/** A meeting report's options: which session, when a join is late, how long a stay must last. */
function meetingOptions(flags: Flags): object {
  const opts = {
    sessionId: count(flags, 'session'),
    lateAfterMinutes: count(flags, 'late-after'),
    minMinutes: count(flags, 'min-minutes'),
  };
  return Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
}

const write = (target: string, bytes: Uint8Array, out: (s: string) => void) => {
  fs.writeFileSync(target, bytes);
  out(`Wrote ${path.resolve(target)}`);
};

export const EXCEL_COMMANDS: { import: Record<string, ExcelCommand>; export: Record<string, ExcelCommand> } = {
  import: {
    roster: importer('Class list', 'roster', rosterSummary),
    scores: importer(
      'Scores',
      'scores',
      (r) =>
        `${r.counts.set} set, ${r.counts.cleared} cleared, ${r.counts.statuses} statuses, ${r.counts.unchanged} unchanged, ${r.unmatchedRows.length} unmatched rows`,
    ),
    canvas: importer('Canvas export', 'canvas', canvasSummary),
    workbook: importer(
      'Workbook',
      'workbook',
      (r) =>
        `${Object.entries(r.counts)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}. ${describeEdits(r.gradesSheetEdits)}`,
    ),
    attendance: importer('Attendance', 'attendance', attendanceSummary, meetingOptions),
  },
  export: {
    workbook: async (courseFile, target, _flags, out) => write(target, (await onCourse(courseFile, (c) => exportWorkbook(c))).bytes, out),
    csv: async (courseFile, target, _flags, out) => write(target, (await onCourse(courseFile, exportGradesCsv)).bytes, out),
    attendance: async (courseFile, target, _flags, out) => {
      const format = target.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      write(target, (await onCourse(courseFile, (c) => exportAttendance(c.db, format, Date.now()))).bytes, out);
    },
    presentations: async (courseFile, target, _flags, out) => {
      const format = path.extname(target).toLowerCase().slice(1);
      if (format !== 'csv' && format !== 'xlsx')
        throw new ApiError('invalid_input', `${target}: write presentations to a .csv or an .xlsx file.`);
      write(target, (await onCourse(courseFile, (c) => exportPresentations(c, format))).bytes, out);
    },
    registrar: async (courseFile, target, flags, out) => {
      const opts = {
        termCode: flags.term as string | undefined,
        crn: flags.crn as string | undefined,
        classNumber: flags['class-number'] as string | undefined,
        confirm: !!flags.yes,
      };
      const result = await onCourse(courseFile, (c) => exportRegistrar(c, (flags.profile as string | undefined) ?? 'banner', opts)).catch(
        withProblems,
      );
      for (const issue of result.preflight.issues) out(`  confirmed: ${issue.message}`);
      write(target, result.file.bytes, out);
      out(`${result.record.letters.length} letters sent (${result.preflight.profile.config.name}), sha256 ${result.record.sha256}`);
    },
  },
};
