import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/envelope';
import { plural } from '../../shared/grading';
import type { ImportProblem, Preflight } from '../../shared/api/excel';
import {
  describeEdits,
  describeProblem,
  exportAttendance,
  exportGradesCsv,
  exportRegistrar,
  exportWorkbook,
  IMPORTERS,
  type ImporterKind,
  type ImportFile,
} from '../backend/excel';
import { exportPresentations } from '../backend/excel/presentations-export';
import type { Course } from '../backend/services/course';
import { onCourse, type Flags } from './open';

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

const readInput = (file: string): ImportFile => {
  if (!fs.existsSync(file)) throw new ApiError('not_found', `${file} does not exist.`);
  return { name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) };
};

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
    const run = IMPORTERS[kind] as (c: Course, f: ImportFile, opts: { dryRun: boolean }) => Promise<Report<K>>;
    const result = await onCourse(courseFile, (c) => run(c, readInput(input), { ...options(flags), dryRun })).catch(withProblems);
    report(out, what, result, summary(result), dryRun);
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
    roster: importer(
      'Class list',
      'roster',
      (r) => `${r.counts.new} new, ${r.counts.updated} updated, ${r.counts.unchanged} unchanged, ${r.counts.error} with errors`,
    ),
    scores: importer(
      'Scores',
      'scores',
      (r) =>
        `${r.counts.set} set, ${r.counts.cleared} cleared, ${r.counts.statuses} statuses, ${r.counts.unchanged} unchanged, ${r.unmatchedRows.length} unmatched rows`,
    ),
    canvas: importer(
      'Canvas export',
      'canvas',
      (r) =>
        `${r.students.new} new students, ${r.items.filter((i) => i.action === 'create').length} new items, ${r.scores.set} scores set, ${r.scores.statuses} statuses`,
    ),
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
