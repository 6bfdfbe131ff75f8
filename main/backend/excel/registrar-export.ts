import { createHash } from 'node:crypto';
import { ApiError } from '@shared/api/envelope';
import type { ExportProfile, Preflight, PreflightIssue, RegistrarExportRecord, RegistrarField, RegistrarParams } from '@shared/api/excel';
import { lastAttendedDates } from '@shared/grading/attendance';
import { legalName, unpackAttendance, type CourseInfo, type PackedSnapshot } from '@shared/model';
import { change } from '../changes/tracker';
import type { Course } from '../services/course';
import { finalLetters, type FinalLetter } from '../services/grades';
import { toCsv } from './csv-export';
import { findProfile } from './profiles';
import { streamedWorkbook } from './xlsx-writer';
import { plural } from '@shared/text/words';

export type RegistrarOptions = Omit<RegistrarParams, 'profile'>;

const PARAMETER_LABEL: Partial<Record<RegistrarField, [keyof RegistrarOptions, string]>> = {
  termCode: ['termCode', 'term code'],
  crn: ['crn', 'CRN'],
  classNumber: ['classNumber', 'class number'],
};

/**
 * The pre-flight check before a registrar file is written (CLI: shown by `gradebook export
 * registrar`): every enrolled student without exactly one allowed letter, every override
 * and every withdrawn student, plus missing term/CRN parameters the profile needs.
 */
export function registrarPreflight(course: Course, profileKey: string, opts: RegistrarOptions, now = new Date()): Preflight {
  return preflightOn(finalLetters(course.db, now.toISOString()), course, profileKey, opts, now);
}

function preflightOn(
  { packed, letters }: { packed: PackedSnapshot; letters: FinalLetter[] },
  course: Course,
  profileKey: string,
  opts: RegistrarOptions,
  now: Date,
): Preflight {
  const profile = findProfile(course, profileKey);
  const { config } = profile;
  const issues: PreflightIssue[] = [];
  for (const column of config.columns) {
    const param = PARAMETER_LABEL[column.field];
    if (param && !opts[param[0]]) {
      issues.push({
        kind: 'missing-parameter',
        studentId: null,
        registrarId: null,
        name: null,
        message: `The profile needs the ${param[1]}; enter it before exporting.`,
      });
    }
  }
  const allowed = new Set(config.allowedLetters);
  const lastAttended = lastAttendedDates({ ...packed, attendance: unpackAttendance(packed.attendance) }, now.getTime());
  const rows: Preflight['rows'] = [];
  let enrolled = 0;
  packed.students.forEach((s, index) => {
    const r = letters[index]!;
    const who = { studentId: s.id, registrarId: s.registrarId, name: legalName(s) };
    if (s.status === 'withdrawn') {
      issues.push({ kind: 'withdrawn', ...who, message: `${who.name} (${s.registrarId}) is withdrawn and is left out of the file.` });
      return;
    }
    enrolled++;
    if (r.override) {
      issues.push({
        kind: 'override',
        ...who,
        message: `${who.name} has a manual override (${r.override.letter ?? r.override.percent ?? ''}): ${r.override.reason}. Check it before submitting.`,
      });
    }
    if (!r.letter) {
      issues.push({
        kind: 'no-letter',
        ...who,
        message: `${who.name} (${s.registrarId}) has no final letter: nothing is graded yet. Enter scores or an override.`,
      });
      return;
    }
    if (!allowed.has(r.letter)) {
      issues.push({
        kind: 'letter-not-allowed',
        ...who,
        message: `${who.name} (${s.registrarId}) has ${r.letter}, which the profile does not allow (${config.allowedLetters.join(', ')}).`,
      });
      return;
    }
    const carriesDate = config.lastAttendLetters.includes(r.letter) && config.columns.some((c) => c.field === 'lastAttendDate');
    rows.push({ ...who, letter: r.letter, lastAttendDate: carriesDate ? (lastAttended.get(s.id) ?? null) : null });
  });
  return { profile, passes: issues.length === 0, issues, rows, enrolled };
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
function formatDate(iso: string, format: ExportProfile['config']['dateFormat']): string {
  const [y, m, d] = iso.split('-');
  if (format === 'MM/DD/YYYY') return `${m}/${d}/${y}`;
  if (format === 'DD-MON-YYYY') return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
  return iso;
}

export interface ExportedBytes {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/**
 * Writes the registrar file by profile (CLI: `gradebook export registrar`). Refused while the
 * pre-flight has issues unless `confirm`; never without the term/CRN the profile needs. Only
 * allowed letters are written, IDs always as text. The export is recorded in the course.
 */
export async function exportRegistrar(
  course: Course,
  profileKey: string,
  opts: RegistrarOptions & { confirm?: boolean },
  now = new Date(),
): Promise<{ file: ExportedBytes; preflight: Preflight; record: RegistrarExportRecord }> {
  // One read of the course for the check and the file (a 2,000-student course takes most of the time to read).
  const graded = finalLetters(course.db, now.toISOString());
  const { packed } = graded;
  const preflight = preflightOn(graded, course, profileKey, opts, now);
  const missing = preflight.issues.filter((i) => i.kind === 'missing-parameter');
  if (missing.length) throw new ApiError('validation_failed', missing.map((i) => i.message).join(' '), { preflight });
  if (!preflight.passes && !opts.confirm) {
    throw new ApiError(
      'validation_failed',
      `The pre-flight check found ${plural(preflight.issues.length, 'issue')}; nothing was written. ${preflight.issues[0]!.message} Review them and confirm to export anyway.`,
      { preflight },
    );
  }
  const { config } = preflight.profile;
  const students = new Map(packed.students.map((s) => [s.id, s]));
  const value = (field: RegistrarField, row: Preflight['rows'][number]): string => {
    const s = students.get(row.studentId)!;
    switch (field) {
      case 'termCode':
        return opts.termCode ?? '';
      case 'crn':
        return opts.crn ?? '';
      case 'classNumber':
        return opts.classNumber ?? '';
      case 'studentId':
        return s.registrarId;
      case 'grade':
        return row.letter;
      case 'lastAttendDate':
        return row.lastAttendDate ? formatDate(row.lastAttendDate, config.dateFormat) : '';
      case 'lastName':
        return s.lastName;
      case 'firstName':
        return s.firstName;
      case 'fullName':
        return legalName(s);
      case 'email':
        return s.email ?? '';
      case 'section':
        return s.section ?? '';
      case 'blank':
        return '';
    }
  };
  const table = [
    ...(config.header ? [config.columns.map((c) => c.header)] : []),
    ...preflight.rows.map((r) => config.columns.map((c) => value(c.field, r))),
  ];
  const bytes = config.format === 'csv' ? toCsv(table) : await registrarXlsx(table, config.header, now);
  const name = `${fileName(config.fileNamePattern, packed.course, opts, now)}.${config.format}`;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const letters = preflight.rows.map((r) => ({ registrarId: r.registrarId, letter: r.letter }));
  const at = now.toISOString();
  const id = change(
    course.db,
    `Registrar export (${config.name})`,
    (cs) =>
      cs.insert('registrar_export', {
        at,
        profile_json: JSON.stringify({ key: preflight.profile.key, ...config, ...opts }),
        file_name: name,
        sha256,
        letters_json: JSON.stringify(letters),
      }),
    // A record of what was sent, not an edit: it is in the history but undo skips it and the redo stack stays.
    {
      reason: preflight.passes ? null : `Exported after confirming ${plural(preflight.issues.length, 'pre-flight issue')}`,
      undoable: false,
    },
  );
  return {
    file: { name, mime: config.format === 'csv' ? 'text/csv' : XLSX_MIME, bytes },
    preflight,
    record: { id, at, profileName: config.name, fileName: name, sha256, letters },
  };
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every cell is text (format '@'), so IDs keep leading zeros and long IDs stay exact in Excel. */
async function registrarXlsx(table: string[][], header: boolean, now: Date): Promise<Uint8Array> {
  const wb = streamedWorkbook(now);
  const width = table[0]?.length ?? 0;
  const columns = Array.from({ length: width }, (_, c) => {
    let longest = 0;
    for (const r of table) longest = Math.max(longest, (r[c] ?? '').length);
    return { numFmt: '@', width: Math.min(40, Math.max(10, longest + 2)) };
  });
  const ws = wb.addSheet('Grades', { columns, ...(header ? { frozen: { rows: 1 } } : {}) });
  const bold = { font: { bold: true } };
  table.forEach((r, n) => ws.add(r, n === 0 && header ? bold : undefined));
  ws.done();
  return wb.finish();
}

function fileName(pattern: string, info: CourseInfo, opts: RegistrarOptions, now: Date): string {
  const tokens: Record<string, string> = {
    code: info.code ?? '',
    course: info.name,
    term: info.term ?? '',
    termCode: opts.termCode ?? '',
    crn: opts.crn ?? '',
    classNumber: opts.classNumber ?? '',
    date: now.toISOString().slice(0, 10),
  };
  const filled = pattern.replace(/\{(\w+)\}/g, (_, t: string) => tokens[t] ?? '');
  return (
    filled
      .replace(/[\\/:*?"<>|\s]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '') || 'final-grades'
  );
}

/** "What did we submit?": every registrar export recorded in the course, newest first. */
export function listRegistrarExports(course: Course): RegistrarExportRecord[] {
  const rows = course.db.prepare('SELECT * FROM registrar_export ORDER BY id DESC').all() as {
    id: number;
    at: string;
    profile_json: string;
    file_name: string;
    sha256: string;
    letters_json: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    profileName: (JSON.parse(r.profile_json) as { name?: string }).name ?? '',
    fileName: r.file_name,
    sha256: r.sha256,
    letters: JSON.parse(r.letters_json) as RegistrarExportRecord['letters'],
  }));
}
