import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '@shared/api/envelope';
import { computeCourse } from '@shared/grading';
import { readCourseRow } from '../backend/db/rows';
import type { Preset } from '@shared/api/course';
import { closeCourse, countCourse, createCourse, openCourse, readSnapshot } from '../backend/services/course';
import { listBackups, restoreBackupAs } from '../backend/services/backups';
import { loadDemoClass } from '../backend/services/demo';
import { backupRow } from '@shared/screens/backups';
import { plural } from '@shared/text/words';
import { exportPortable, importPortable, loadSnapshot, parsePortable } from '../backend/services/portable';
import { formatCounts, formatGrades, formatPolicy } from './format';
import { onCourse, type Flags } from './open';
import { formatSessions, markCommand } from './attendance';
import { drawCommand } from './draw';
import { reportCommand } from './report';
import { EXCEL_COMMANDS, UsageError } from './excel';

/**
 * The `gradebook` command line: the same backend services as the app, never its own SQL.
 * Errors go to stderr with exit code 1 (2 for usage errors).
 */

interface Command {
  usage: string;
  summary: string;
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; description: string }>;
  run(args: string[], flags: Flags): void | Promise<void>;
}

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : text + '\n');

const need = (args: string[], n: number, usage: string) => {
  if (args.length !== n) throw new UsageError(`expected ${plural(n, 'argument')}. Usage: gradebook ${usage}`);
};

export const COMMANDS: Record<string, Command> = {
  new: {
    usage: 'new <file.gradebook> [--preset ie7374|blank] [--demo] [--name <course name>]',
    summary: 'Create a course file (from the IE 7374 syllabus preset by default).',
    options: {
      preset: { type: 'string', description: 'ie7374 (default) or blank' },
      demo: { type: 'boolean', description: 'fill it with the synthetic demo class' },
      name: { type: 'string', description: 'the course name' },
    },
    run(args, flags) {
      need(args, 1, COMMANDS.new!.usage);
      const preset = (flags.preset ?? 'ie7374') as string;
      if (preset !== 'ie7374' && preset !== 'blank') throw new UsageError(`unknown preset "${preset}": use ie7374 or blank`);
      const file = path.resolve(args[0]!);
      const course = createCourse(file, preset as Preset, flags.name as string | undefined);
      try {
        if (flags.demo) loadDemoClass(course);
        out(`Created ${file}\n${formatCounts(countCourse(course.db))}`);
      } finally {
        closeCourse(course);
      }
    },
  },
  info: {
    usage: 'info <file.gradebook>',
    summary: 'Print the course name, counts of students/items/scores and the policy.',
    run(args) {
      need(args, 1, COMMANDS.info!.usage);
      return onCourse(args[0]!, (course) => {
        const { info, policy } = readCourseRow(course.db);
        const categories = readSnapshot(course.db).categories;
        out(
          `${info.name}${info.code ? ` (${info.code})` : ''}${info.term ? `, ${info.term}` : ''}\nFile: ${course.file}\n${formatCounts(countCourse(course.db))}\n\n${formatPolicy(policy, categories)}`,
        );
      });
    },
  },
  compute: {
    usage: 'compute <file.gradebook | course.json> [--json] [--as-of <date-time>]',
    summary: "Print every student's category percentages, final percentage and letter.",
    options: {
      json: { type: 'boolean', description: 'print the engine results as JSON (see README, "compute --json")' },
      'as-of': { type: 'string', description: 'compute as of this ISO date-time (default: now)' },
    },
    run(args, flags) {
      need(args, 1, COMMANDS.compute!.usage);
      const asOf = flags['as-of'] as string | undefined;
      if (asOf !== undefined && Number.isNaN(Date.parse(asOf)))
        throw new UsageError(`--as-of "${asOf}" is not a date-time (try 2026-12-15T12:00:00-05:00)`);
      const snapshot = loadSnapshot(path.resolve(args[0]!), openCourse);
      const result = computeCourse(snapshot, asOf ? { asOf: new Date(asOf).toISOString() } : {});
      if (flags.json) {
        out(
          JSON.stringify(
            {
              course: snapshot.course,
              asOf: asOf ?? null,
              policyProblems: result.policyProblems,
              students: result.students.map((r, i) => ({ registrarId: snapshot.students[i]!.registrarId, ...r })),
            },
            null,
            2,
          ),
        );
        return;
      }
      if (result.policyProblems.length) out(`Policy problems:\n${result.policyProblems.map((p) => `  - ${p.message}`).join('\n')}\n`);
      out(formatGrades(snapshot, result));
    },
  },
  export: {
    usage: 'export json|registrar|workbook|csv|attendance|presentations <file.gradebook> <out>',
    summary:
      'Write the course as course JSON, final letters for the registrar, a full workbook, a grades CSV, the attendance register or its presentations (.csv or .xlsx).',
    options: {
      profile: { type: 'string', description: 'registrar profile: banner (default), peoplesoft, id-grade or custom:<id>' },
      term: { type: 'string', description: 'term code (registrar)' },
      crn: { type: 'string', description: 'course reference number (Banner)' },
      'class-number': { type: 'string', description: 'class number (PeopleSoft)' },
      yes: { type: 'boolean', description: 'write even when the pre-flight check has findings' },
    },
    async run(args, flags) {
      need(args, 3, COMMANDS.export!.usage);
      const [kind, file, target] = args as [string, string, string];
      if (kind === 'json') {
        await onCourse(file, (course) => fs.writeFileSync(target, JSON.stringify(exportPortable(course), null, 2)));
        out(`Wrote ${path.resolve(target)}`);
        return;
      }
      const fn = EXCEL_COMMANDS.export[kind];
      if (!fn) throw new UsageError(`unknown export "${kind}": use json, registrar, workbook, csv, attendance or presentations`);
      await fn(file, target, flags, out);
    },
  },
  draw: {
    usage:
      'draw <file.gradebook> --session <date|id> [--teams N] [--seed S] [--exclude TEAM[=reason] ...] [--redraw <reason>] [--lift <reason>] | draw verify <file.gradebook> <draw-id>|--all',
    summary: 'Draw the teams that present in a class session (fewest turns first) and record it, or verify stored draws.',
    options: {
      session: { type: 'string', description: 'the class session: its date (YYYY-MM-DD) or id' },
      teams: { type: 'string', description: 'how many teams to draw (default 1)' },
      seed: { type: 'string', description: 'the seed (default: a random one, printed and stored)' },
      exclude: { type: 'string', multiple: true, description: 'a team excused this week, by name or id, with =reason' },
      redraw: { type: 'string', description: 'why the session is drawn again (withdraws its earlier draw)' },
      lift: { type: 'string', description: 'lift the fairness rule for this draw, saying why' },
      all: { type: 'boolean', description: 'verify: every draw (exit 1 when one does not verify)' },
    },
    run: (args, flags) => drawCommand(args, flags, out, (why) => new UsageError(`${why}. Usage: gradebook ${COMMANDS.draw!.usage}`)),
  },
  report: {
    usage: 'report student|class <file.gradebook> <out.pdf> [--student <registrar id>] [--view current|final] [--comments] [--each]',
    summary: "Print a student's grade report with its working (every student's without --student), or the class summary, as PDF.",
    options: {
      student: { type: 'string', description: "the student's registrar ID (default: every enrolled student)" },
      view: { type: 'string', description: 'current (graded work so far) or final (ungraded work counts 0; default)' },
      comments: { type: 'boolean', description: "include the instructor's comments on items" },
      each: { type: 'boolean', description: 'every student: one PDF each, written as a zip file' },
    },
    run(args, flags) {
      need(args, 3, COMMANDS.report!.usage);
      return reportCommand(args, flags, out, (why) => new UsageError(`${why}. Usage: gradebook ${COMMANDS.report!.usage}`));
    },
  },
  import: {
    usage:
      'import json <in.json> <new.gradebook> | import roster|scores|canvas|workbook|attendance <file.gradebook> <in.xlsx|in.csv> [options]',
    summary:
      'Create a course from course JSON, or import a class list, scores, a Canvas export, a workbook, or attendance (a sign-in sheet or a Zoom/Teams participant report).',
    options: {
      'dry-run': { type: 'boolean', description: 'print the validation report, change nothing; exit 1 if the import would be refused' },
      sheet: { type: 'string', description: 'the sheet to read (default: the first with data)' },
      'header-row': { type: 'string', description: 'the 1-based row holding the headers (default: detected)' },
      map: {
        type: 'string',
        description: 'columns by header: "Matrikelnummer=id,Nachname=lastName,Vorname=firstName" (scores: "Header=id|email")',
      },
      encoding: { type: 'string', description: "the CSV file's encoding, e.g. windows-1252 (default: UTF-8, else Windows-1252)" },
      match: { type: 'string', description: 'scores: match students by id (default) or email' },
      uncertain: {
        type: 'string',
        description: 'canvas: rows without SIS ID matched by name only are the same student (match) or new (create)',
      },
      session: { type: 'string', description: 'attendance from a meeting report: the session id (default: the session on its date)' },
      'late-after': { type: 'string', description: 'attendance from a meeting report: minutes after the start that count as late (10)' },
      'min-minutes': {
        type: 'string',
        description: 'attendance from a meeting report: minutes in the meeting below which a student is absent (30)',
      },
    },
    async run(args, flags) {
      need(args, 3, COMMANDS.import!.usage);
      const [kind, a, b] = args as [string, string, string];
      if (kind === 'json') {
        const data = parsePortable(fs.readFileSync(a, 'utf8'));
        const course = importPortable(data, path.resolve(b));
        closeCourse(course);
        out(`Created ${path.resolve(b)} from ${a}: ${data.students.length} students, ${data.items.length} items`);
        return;
      }
      const fn = EXCEL_COMMANDS.import[kind];
      if (!fn) throw new UsageError(`unknown import "${kind}": use json, roster, scores, canvas, workbook or attendance`);
      await fn(a, b, flags, out);
    },
  },
  backups: {
    usage: 'backups <file.gradebook>',
    summary: "List a course's backups, newest first: when, why, size, students and scores, and the file.",
    run(args) {
      need(args, 1, COMMANDS.backups!.usage);
      return onCourse(args[0]!, (course) => {
        const { timeZone } = readCourseRow(course.db).policy;
        const list = listBackups(course.file);
        if (list.length === 0) {
          out(`${course.file} has no backups yet (they are taken before imports and migrations, and twice a day when opened in the app).`);
          return;
        }
        out(
          list
            .map((b) => {
              const row = backupRow(b, timeZone);
              return `${row.when}  ${row.reason}  ${row.size}  ${row.holds}\n  ${b.file}`;
            })
            .join('\n'),
        );
      });
    },
  },
  restore: {
    usage: 'restore <backup.gradebook> <new.gradebook>',
    summary: 'Restore a backup as a new course file (an existing file is never replaced).',
    run(args) {
      need(args, 2, COMMANDS.restore!.usage);
      const target = restoreBackupAs(path.resolve(args[0]!), path.resolve(args[1]!));
      return onCourse(target, (course) => {
        out(`Restored ${path.resolve(args[0]!)} as ${target}\n${formatCounts(countCourse(course.db))}`);
      });
    },
  },
};

COMMANDS.attendance = {
  usage:
    'attendance sessions <file.gradebook> | attendance mark <file.gradebook> --session <date|id> --student <registrar id> P|L|A|E [--reason <text>]',
  summary: "List the course's sessions with their mark counts, or set one student's mark in one session.",
  options: {
    session: { type: 'string', description: 'mark: the session, by date (YYYY-MM-DD) or id' },
    student: { type: 'string', description: "mark: the student's registrar ID" },
    reason: { type: 'string', description: 'mark: why the student is excused (with E)' },
  },
  async run(args, flags) {
    const [verb, file, code] = args;
    if (verb === 'sessions') {
      need(args, 2, COMMANDS.attendance!.usage);
      await onCourse(file!, (course) => out(formatSessions(course)));
    } else if (verb === 'mark') {
      need(args, 3, COMMANDS.attendance!.usage);
      await markCommand(file!, code!, flags, out);
    } else throw new UsageError(`unknown attendance command "${verb ?? ''}": use sessions or mark`);
  },
};

function helpFor(name: string, cmd: Command): string {
  const opts = Object.entries(cmd.options ?? {}).map(([k, o]) => `  --${k.padEnd(10)} ${o.description}`);
  return [
    `Usage: gradebook ${cmd.usage}`,
    '',
    cmd.summary,
    ...(opts.length ? ['', 'Options:', ...opts, '  --help       show this help'] : ['', '  --help       show this help']),
  ].join('\n');
}

export function mainHelp(): string {
  return [
    'Usage: gradebook <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(8)} ${c.summary}`),
    '',
    'Run gradebook <command> --help for the options of a command.',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(mainHelp());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`gradebook: unknown command "${name}"\n\n${mainHelp()}\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(Object.entries(cmd.options ?? {}).map(([k, o]) => [k, { type: o.type, multiple: !!o.multiple }])),
      },
    });
    if (values.help) {
      out(helpFor(name, cmd));
      return 0;
    }
    await cmd.run(positionals, values as Record<string, string | string[] | boolean | undefined>);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gradebook ${name}: ${(err as Error).message}\n${helpFor(name, cmd)}\n`);
      return 2;
    }
    const message = err instanceof ApiError ? err.message : `${(err as Error).message}`;
    process.stderr.write(`gradebook ${name}: ${message}\n`);
    return 1;
  }
}

if (require.main === module || process.argv[1]?.endsWith('gradebook.cjs') || process.argv[1]?.endsWith('gradebook')) {
  // exitCode, not exit(): a large output to a pipe must be flushed first.
  void runCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
