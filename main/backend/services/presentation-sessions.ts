import { ApiError } from '@shared/api/envelope';
import type { DrawSession } from '@shared/api/presentations';
import { presentationWeek } from '@shared/draw';
import { deadlineInstant } from '@shared/grading';
import { LocalDate, studentName, type AttendanceMark } from '@shared/model';
import type { Row } from '../changes/tables';
import type { Db } from '../db/open';
import { readCourseRow, toStudent } from '../db/rows';

/*
 * Class sessions as presentations see them: the attendance register (./sessions) owns sessions
 * and marks, this module only reads them. A cancelled session holds no draw.
 */

/** Every session, oldest first, with its presentation week and what a draw needs to know. */
export function listSessions(db: Db): DrawSession[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.date, s.title,
         EXISTS (SELECT 1 FROM attendance_mark m WHERE m.session_id = s.id) AS roll,
         (SELECT count(*) FROM attendance_mark m WHERE m.session_id = s.id AND m.mark IN ('present', 'late')) AS present,
         (SELECT count(*) FROM presentation_draw d WHERE d.session_id = s.id AND d.withdrawn_at IS NULL) AS draws
       FROM attendance_session s WHERE s.cancelled = 0 ORDER BY s.date, s.id`,
    )
    .all() as { id: number; date: string; title: string | null; roll: number; present: number; draws: number }[];
  const first = rows[0]?.date;
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    title: r.title,
    week: presentationWeek(r.date, first!),
    rollTaken: r.roll === 1,
    presentCount: r.present,
    drawCount: r.draws,
  }));
}

export function requireSession(db: Db, id: number): DrawSession {
  const session = listSessions(db).find((s) => s.id === id);
  if (!session)
    throw new ApiError('not_found', `There is no class session with id ${id} in this course. Choose one of the sessions listed.`);
  return session;
}

/** A session named by its id or its date (the CLI's --session). */
export function findSession(db: Db, idOrDate: string): DrawSession {
  if (/^\d+$/.test(idOrDate)) return requireSession(db, Number(idOrDate));
  if (!LocalDate.safeParse(idOrDate).success) {
    throw new ApiError('invalid_input', `"${idOrDate}" is neither a session id nor a date (YYYY-MM-DD).`);
  }
  const onDate = listSessions(db).filter((s) => s.date === idOrDate);
  if (onDate.length === 0) throw new ApiError('not_found', `There is no class session on ${idOrDate}. Add it in Attendance first.`);
  if (onDate.length > 1) {
    throw new ApiError(
      'conflict',
      `There are ${onDate.length} sessions on ${idOrDate} (ids ${onDate.map((s) => s.id).join(', ')}); name one by its id.`,
    );
  }
  return onDate[0]!;
}

export const sessionLabel = (s: Pick<DrawSession, 'date' | 'week' | 'title'>) =>
  `week ${s.week}, ${s.title ? `${s.title}, ` : ''}${s.date}`;

export interface Member {
  studentId: number;
  name: string;
  mark: AttendanceMark | null;
}

/** Enrolled members of each team on the day of the session (at its due time), with their marks. */
export function membersAt(db: Db, session: Pick<DrawSession, 'id' | 'date'>): Map<number, Member[]> {
  const { policy } = readCourseRow(db);
  const at = deadlineInstant(session.date, policy.defaultDueTime, policy.timeZone);
  const rows = db
    .prepare(
      `SELECT tm.team_id, tm.from_at, tm.to_at, s.*, m.mark
       FROM team_member tm JOIN student s ON s.id = tm.student_id
       LEFT JOIN attendance_mark m ON m.session_id = ? AND m.student_id = s.id
       WHERE s.status = 'enrolled'`,
    )
    .all(session.id) as Row[];
  const teams = new Map<number, Member[]>();
  for (const r of rows) {
    if (Date.parse(String(r.from_at)) > at || (r.to_at !== null && Date.parse(String(r.to_at)) <= at)) continue;
    const members = teams.get(r.team_id as number) ?? [];
    members.push({ studentId: r.id as number, name: studentName(toStudent(r)), mark: (r.mark as AttendanceMark | null) ?? null });
    teams.set(r.team_id as number, members);
  }
  for (const m of teams.values()) m.sort((a, b) => a.name.localeCompare(b.name));
  return teams;
}

export const isPresent = (m: Member) => m.mark === 'present' || m.mark === 'late';
