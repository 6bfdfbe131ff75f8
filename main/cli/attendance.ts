import { ApiError } from '@shared/api/envelope';
import { sessionLabel } from '@shared/grading/attendance';
import type { AttendanceMark } from '@shared/model';
import { readCourseRow } from '../backend/db/rows';
import { MARK_CODE } from '../backend/excel/attendance-export';
import { applyMarks } from '../backend/services/attendance';
import { listSessions } from '../backend/services/sessions';
import type { Course } from '../backend/services/course';
import { onCourse, type Flags } from './open';
import { formatInstant } from '@shared/time/format';
import { plural } from '@shared/text/words';

/** `gradebook attendance sessions|mark`: the register's sessions and one mark, over the same services as the app. */

const CODES: Record<string, AttendanceMark> = { P: 'present', L: 'late', A: 'absent', E: 'excused' };

/** One line per session: id, when (in the course zone), title and topic, state and mark counts. */
export function formatSessions(course: Course): string {
  const { sessions, timeZone } = listSessions(course.db);
  if (sessions.length === 0) return "No sessions yet. Generate them from the meeting pattern on the app's Attendance screen.";
  const lines = sessions.map((s) => {
    const when = s.start ? formatInstant(s.startsAt, timeZone) : s.date;
    const what = [s.title, s.topic].filter(Boolean).join(' · ');
    const c = s.counts;
    const marks =
      s.state === 'cancelled'
        ? 'cancelled'
        : s.state === 'upcoming'
          ? 'upcoming'
          : s.state === 'roll-not-taken'
            ? 'roll not taken'
            : `P ${c.present}  L ${c.late}  A ${c.absent}  E ${c.excused}${c.unmarked ? `  (${c.unmarked} not marked)` : ''}`;
    return `${String(s.id).padStart(4)}  ${s.date}  ${when.padEnd(26)} ${what.padEnd(40)} ${marks}`;
  });
  return [`${plural(sessions.length, 'session')} (times in ${timeZone})`, ...lines].join('\n');
}

/** The session a --session value names: an id, or the date of exactly one session. */
function findSession(course: Course, value: string) {
  const { sessions } = listSessions(course.db);
  const { timeZone } = readCourseRow(course.db).policy;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const on = sessions.filter((s) => s.date === value);
    if (on.length === 1) return on[0]!;
    if (on.length === 0)
      throw new ApiError('not_found', `There is no session on ${value}. List them with: gradebook attendance sessions <course>`);
    throw new ApiError(
      'conflict',
      `There are ${on.length} sessions on ${value}: ${on.map((s) => `${s.id} (${sessionLabel(s, timeZone)})`).join(', ')}. Give the session id instead.`,
    );
  }
  const id = Number(value);
  const found = Number.isInteger(id) ? sessions.find((s) => s.id === id) : undefined;
  if (!found)
    throw new ApiError('not_found', `There is no session with id ${value}. List them with: gradebook attendance sessions <course>`);
  return found;
}

export async function markCommand(file: string, code: string, flags: Flags, out: (s: string) => void): Promise<void> {
  const mark = CODES[code.toUpperCase()];
  if (!mark) throw new ApiError('invalid_input', `"${code}" is not a mark: use P (present), L (late), A (absent) or E (excused).`);
  if (typeof flags.session !== 'string' || typeof flags.student !== 'string')
    throw new ApiError('invalid_input', 'Give the session (--session <date|id>) and the student (--student <registrar id>).');
  const reason = flags.reason as string | undefined;
  if (reason && mark !== 'excused') throw new ApiError('invalid_input', '--reason goes with an excused mark (E) only.');
  await onCourse(file, (course) => {
    const session = findSession(course, flags.session as string);
    const student = course.db.prepare('SELECT id FROM student WHERE registrar_id = ?').get(flags.student) as { id: number } | undefined;
    if (!student) throw new ApiError('not_found', `No student has the registrar ID ${flags.student as string} in this course.`);
    const result = applyMarks(course.db, [{ sessionId: session.id, studentId: student.id, mark, reason: reason ?? undefined }]);
    const t = result.students[0]!.totals;
    const { timeZone } = readCourseRow(course.db).policy;
    out(
      `${result.changed ? 'Marked' : 'Already marked'} ${MARK_CODE[mark]} (${mark}) for ${flags.student as string} in the ${sessionLabel(session, timeZone)}.`,
    );
    out(`Attendance: ${t.display === null ? 'nothing counted yet' : `${t.display}% (${t.earned} of ${plural(t.possible, 'session')})`}`);
  });
}
