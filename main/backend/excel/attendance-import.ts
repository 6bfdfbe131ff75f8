/**
 * Attendance import (CLI: `gradebook import attendance`), on the importers' path: read, validate
 * the whole file (every problem with its row and column), then a backup and one transaction
 * that is one undo step. `dryRun` answers the preview only.
 *
 * - A sign-in sheet (.xlsx or .csv): a student ID or email column and one column per session
 *   date; P/L/A/E (or present/late/absent/excused), 1/0, x/blank. Blank leaves a mark alone.
 * - A Zoom or Teams participant report, for the session on the meeting's date: late when the
 *   first join is more than `lateAfterMinutes` after the session's start, absent below
 *   `minMinutes` in the meeting, and every enrolled student the report does not list absent.
 *   An excused mark is kept when the report would make it an absence.
 */
import type { AttendanceImportInput, AttendanceImportReport } from '@shared/api/attendance';
import { sessionStart } from '@shared/grading/attendance';
import { fold } from '@shared/grid/view';
import { markOfCode } from '@shared/screens/attendance';
import { studentName, type AttendanceMark, type AttendanceSession, type Student } from '@shared/model';
import { toStudent, readCourseRow } from '../db/rows';
import { IDLE, type Steps } from '../jobs/steps';
import type { Course } from '../services/course';
import { readSessions } from '../services/sessions';
import { commitImport, courseVersion, type ImportFile } from './apply';
import { pickSheet } from './detect';
import { decodeReport, isMeetingReport, readMeetingReport } from './meeting-report';
import { Problems, refuseIfErrors } from './problems';
import { isZip, readSpreadsheet } from './read';
import { cellDate, cellText, type CellValue, type Sheet } from './sheet';
import type { Row } from '../changes/tables';
import { plural } from '@shared/text/words';

export type AttendanceOptions = Omit<AttendanceImportInput, 'file'>;
type Planned = AttendanceImportReport['marks'][number];

interface Known {
  students: Student[];
  sessions: AttendanceSession[];
  /** Current marks by "sessionId:studentId". */
  marks: Map<string, AttendanceMark>;
  timeZone: string;
}

function known(course: Course): Known {
  const db = course.db;
  const students = (db.prepare("SELECT * FROM student WHERE status = 'enrolled' ORDER BY last_name, first_name, id").all() as Row[]).map(
    toStudent,
  );
  const marks = new Map(
    (
      db.prepare('SELECT session_id, student_id, mark FROM attendance_mark').all() as {
        session_id: number;
        student_id: number;
        mark: AttendanceMark;
      }[]
    ).map((m) => [`${m.session_id}:${m.student_id}`, m.mark]),
  );
  return { students, sessions: readSessions(db), marks, timeZone: readCourseRow(db).policy.timeZone };
}

export async function importAttendance(
  course: Course,
  file: ImportFile,
  input: AttendanceOptions = {},
  work: Steps = IDLE,
): Promise<AttendanceImportReport> {
  const opts = { lateAfterMinutes: 10, minMinutes: 30, ...input };
  await work.step(0, 'Reading the file');
  const readAt = courseVersion(course);
  const k = known(course);
  const problems = new Problems();
  const text = isZip(file.bytes) ? null : decodeReport(file.bytes);
  const kind = opts.kind ?? (text !== null && isMeetingReport(text) ? 'meeting' : 'sign-in');
  await work.step(0.3, 'Checking rows');
  const partial =
    kind === 'meeting'
      ? meetingPlan(readMeetingReport(text ?? decodeReport(file.bytes), k.timeZone, file.name), k, opts, problems)
      : signInPlan(pickSheet(await readSpreadsheet(file.bytes, file.name), undefined), k, problems);
  const changes = partial.marks.filter((m) => m.from !== m.to);
  const report: AttendanceImportReport = {
    kind,
    problems: problems.list,
    applied: false,
    backup: null,
    marks: changes,
    counts: {
      set: changes.filter((m) => m.to !== null).length,
      cleared: changes.filter((m) => m.to === null).length,
      unchanged: partial.marks.length - changes.length,
    },
    meeting: partial.meeting,
  };
  if (opts.dryRun) return report;
  refuseIfErrors(problems);
  if (changes.length === 0) return report;
  await work.step(0.9, 'Writing');
  const what = kind === 'meeting' ? 'meeting report' : 'sign-in sheet';
  report.backup = commitImport(course, readAt, `Import attendance from a ${what} (${plural(changes.length, 'mark')})`, file, (cs, now) => {
    for (const m of changes) {
      const key = { session_id: m.sessionId, student_id: m.studentId };
      cs.put('attendance_mark', key, m.to === null ? null : { mark: m.to, note: null, updated_at: now });
    }
  });
  report.applied = true;
  return report;
}

interface Plan {
  marks: Planned[];
  meeting: AttendanceImportReport['meeting'];
}

const KEY_HEADER = /^(student id|id|sis user id|sis id|registrar id|student number|e-?mail|email address|student email)$/i;

/** A header cell as a session date: a date cell, ISO text or M/D/YYYY. */
function headerDate(v: CellValue | undefined): string | null {
  const iso = cellDate(v);
  if (iso) return iso;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cellText(v));
  return m ? `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
}

function signInPlan(sheet: Sheet, k: Known, problems: Problems): Plan {
  const headerRow = sheet.rows.findIndex((r) => r.some((c) => KEY_HEADER.test(cellText(c))));
  const marks: Planned[] = [];
  if (headerRow < 0) {
    problems.error(sheet.name, 0, null, 'No column holds the student ID or email. Put "Student ID" or "Email" above that column.');
    return { marks, meeting: null };
  }
  const header = sheet.rows[headerRow]!;
  const keyCol = header.findIndex((c) => KEY_HEADER.test(cellText(c)));
  const byDate = new Map<string, AttendanceSession[]>();
  for (const s of k.sessions) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  const term =
    k.sessions.length > 0 ? `the sessions run from ${k.sessions[0]!.date} to ${k.sessions.at(-1)!.date}` : 'the course has no sessions yet';
  const columns: { col: number; session: AttendanceSession }[] = [];
  // A cancelled session's column (as the register export writes it) must stay empty.
  const cancelled: { col: number; session: AttendanceSession }[] = [];
  header.forEach((cell, col) => {
    const date = headerDate(cell);
    if (date === null) return;
    const all = byDate.get(date) ?? [];
    const on = all.filter((s) => !s.cancelled);
    if (on.length === 1) columns.push({ col, session: on[0]! });
    else if (on.length === 0 && all.length > 0) cancelled.push({ col, session: all[0]! });
    else if (on.length === 0)
      problems.error(sheet.name, headerRow, col, `There is no session on ${date} (${term}). Add that session or remove the column.`);
    else
      problems.error(
        sheet.name,
        headerRow,
        col,
        `There are ${on.length} sessions on ${date}; import that day's marks in the register instead.`,
      );
  });
  if (columns.length === 0 && problems.errorCount === 0)
    problems.error(
      sheet.name,
      headerRow,
      null,
      "No column is headed by a session date (e.g. 2026-09-08). Put each session's date above its column.",
    );
  const byId = new Map(k.students.map((s) => [s.registrarId, s]));
  // A spreadsheet that typed the ID column as numbers dropped its leading zeros.
  const byNumber = new Map(k.students.filter((s) => /^\d+$/.test(s.registrarId)).map((s) => [String(Number(s.registrarId)), s]));
  const byEmail = new Map(k.students.filter((s) => s.email).map((s) => [s.email!.toLowerCase(), s]));
  const seen = new Map<number, number>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (cells.every((c) => cellText(c) === '')) continue;
    const raw = cells[keyCol];
    const key = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : cellText(raw);
    if (!key) {
      problems.error(sheet.name, r, keyCol, 'The student ID or email is empty. Fill it in or delete the row.');
      continue;
    }
    const student = key.includes('@')
      ? byEmail.get(key.toLowerCase())
      : (byId.get(key) ?? (/^\d+$/.test(key) ? byNumber.get(String(Number(key))) : undefined));
    if (!student) {
      problems.error(
        sheet.name,
        r,
        keyCol,
        `No enrolled student has the ${key.includes('@') ? 'email' : 'ID'} ${key}. Add the student or remove the row.`,
      );
      continue;
    }
    const twice = seen.get(student.id);
    if (twice !== undefined)
      problems.error(sheet.name, r, keyCol, `${studentName(student)} is also on row ${twice + 1}. Keep one row per student.`);
    seen.set(student.id, r);
    for (const { col, session } of cancelled) {
      if (cellText(cells[col]) !== '')
        problems.error(
          sheet.name,
          r,
          col,
          `The session on ${session.date} is cancelled; uncancel it before importing its marks, or clear the cell.`,
        );
    }
    for (const { col, session } of columns) {
      const t = cellText(cells[col]).toLowerCase();
      if (t === '') continue;
      const mark = markOfCode(t);
      if (!mark) {
        problems.error(sheet.name, r, col, `'${cellText(cells[col])}' is not an attendance code. Use P, L, A or E (or 1/0, x/blank).`);
        continue;
      }
      marks.push(planned(k, r + 1, session, student, mark, null));
    }
  }
  return { marks, meeting: null };
}

function planned(
  k: Known,
  row: number | null,
  session: AttendanceSession,
  student: Student,
  to: AttendanceMark,
  why: string | null,
): Planned {
  return {
    row,
    sessionId: session.id,
    date: session.date,
    studentId: student.id,
    name: studentName(student),
    from: k.marks.get(`${session.id}:${student.id}`) ?? null,
    to,
    why,
  };
}

/** "Ana María López": folded words, for matching names written either way round. */
const nameKey = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');

function meetingPlan(
  report: ReturnType<typeof readMeetingReport>,
  k: Known,
  opts: { sessionId?: number | undefined; lateAfterMinutes: number; minMinutes: number },
  problems: Problems,
): Plan {
  const marks: Planned[] = [];
  const session =
    opts.sessionId !== undefined
      ? k.sessions.find((s) => s.id === opts.sessionId)
      : k.sessions
          .filter((s) => s.date === report.date && !s.cancelled)
          .sort((a, b) => Math.abs(sessionStart(a, k.timeZone) - report.start) - Math.abs(sessionStart(b, k.timeZone) - report.start))[0];
  if (!session) {
    const which = opts.sessionId !== undefined ? `with id ${opts.sessionId}` : `on the meeting's date, ${report.date}`;
    problems.error(null, null, null, `There is no session ${which}. Add the session (or choose one) and import again.`);
    return { marks, meeting: null };
  }
  if (session.cancelled)
    problems.error(null, null, null, `The session on ${session.date} is cancelled; uncancel it before importing its roll.`);
  const start = session.start === null ? report.start : sessionStart(session, k.timeZone);
  const byEmail = new Map(k.students.filter((s) => s.email).map((s) => [s.email!.toLowerCase(), s]));
  const byName = new Map<string, Student | null>();
  for (const s of k.students) {
    for (const n of [`${s.firstName} ${s.lastName}`, `${s.preferredName ?? ''} ${s.lastName}`]) {
      const key = nameKey(n);
      if (!key) continue;
      // Two students with one name cannot be told apart by name.
      byName.set(key, byName.has(key) && byName.get(key)?.id !== s.id ? null : s);
    }
  }
  const listed = new Set<number>();
  const unmatched: NonNullable<AttendanceImportReport['meeting']>['unmatched'] = [];
  for (const p of report.participants) {
    const inParens = /\(([^)]+)\)\s*$/.exec(p.name)?.[1];
    const student =
      (p.email ? byEmail.get(p.email) : undefined) ??
      byName.get(nameKey(p.name)) ??
      (inParens ? byName.get(nameKey(inParens)) : undefined) ??
      byName.get(nameKey(p.name.replace(/\([^)]*\)\s*$/, '')));
    if (!student) {
      unmatched.push({ row: p.row + 1, name: p.name, email: p.email });
      continue;
    }
    if (listed.has(student.id)) continue;
    listed.add(student.id);
    const late = Math.floor((p.joined - start) / 60_000);
    const minutes = Math.floor(p.minutes);
    const [mark, why]: [AttendanceMark, string] =
      minutes < opts.minMinutes
        ? ['absent', `in the meeting ${minutes} min (minimum ${opts.minMinutes})`]
        : late > opts.lateAfterMinutes
          ? ['late', `joined ${late} min late`]
          : ['present', `in the meeting ${minutes} min`];
    marks.push(keepExcused(planned(k, p.row + 1, session, student, mark, why)));
  }
  const notInReport = k.students.filter((s) => !listed.has(s.id));
  for (const s of notInReport) marks.push(keepExcused(planned(k, null, session, s, 'absent', 'not in the report')));
  return {
    marks,
    meeting: {
      date: report.date,
      sessionId: session.id,
      notInReport: notInReport.map((s) => ({ studentId: s.id, name: studentName(s) })),
      unmatched,
    },
  };
}

/** A report cannot overrule an excuse: an excused student it finds absent stays excused. */
function keepExcused(p: Planned): Planned {
  return p.from === 'excused' && p.to === 'absent' ? { ...p, to: 'excused', why: `${p.why}; stays excused` } : p;
}
