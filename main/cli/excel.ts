import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/envelope';
import type { ImportProblem, Preflight } from '../../shared/api/excel';
import {
  describeEdits,
  describeProblem,
  exportGradesCsv,
  exportRegistrar,
  exportWorkbook,
  IMPORTERS,
  type ImporterKind,
  type ImportFile,
} from '../backend/excel';
import { exportPresentations } from '../backend/excel/presentations-export';
import type { Course } from '../backend/services/course';
import { onCourse } from './open';

/**
 * Spreadsheet import/export commands over main/backend/excel. Each takes the course file, the
 * other file and the flags, and writes its report with `out`.
 */
type Flags = Record<string, string | string[] | boolean | undefined>;
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
  <K extends ImporterKind>(what: string, kind: K, summary: (r: Report<K>) => string): ExcelCommand =>
  async (courseFile, input, flags, out) => {
    const dryRun = !!flags['dry-run'];
    const run = IMPORTERS[kind] as (c: Course, f: ImportFile, opts: { dryRun: boolean }) => Promise<Report<K>>;
    const result = await onCourse(courseFile, (c) => run(c, readInput(input), { dryRun })).catch(withProblems);
    report(out, what, result, summary(result), dryRun);
  };

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
  },
  export: {
    workbook: async (courseFile, target, _flags, out) => write(target, (await onCourse(courseFile, (c) => exportWorkbook(c))).bytes, out),
    csv: async (courseFile, target, _flags, out) => write(target, (await onCourse(courseFile, exportGradesCsv)).bytes, out),
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
