/** Records with nothing entered, without the schemas (see pack.ts for why). */
import type { AttendanceSession, Score, TeamScore } from './course';

// Written out in full, not spread from a shared blank: unpacking 200,000 cells is then several times faster,
// and every cell shares one shape (fast in V8).
/** A student's cell with nothing entered but (maybe) its value. */
export function blankScore(studentId: number, itemId: number, value: number | null = null): Score {
  return {
    studentId,
    itemId,
    value,
    status: null,
    submittedAt: null,
    daysLate: null,
    extensionDays: null,
    waiverReason: null,
    comment: null,
    integrity: null,
    adjustment: null,
  };
}

/** A team's cell with nothing entered but (maybe) its value. */
export function blankTeamScore(teamId: number, itemId: number, value: number | null = null): TeamScore {
  return { teamId, itemId, value, status: null, submittedAt: null, daysLate: null, extensionDays: null, waiverReason: null, comment: null };
}

/** A session on `date` with nothing else set (no time, title or topic; not cancelled). */
export function blankSession(id: number, date: string): AttendanceSession {
  return { id, date, title: null, start: null, end: null, topic: null, note: null, cancelled: false };
}
