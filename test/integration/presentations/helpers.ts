import type { AttendanceMark } from '@shared/model';
import { db, type TestCourse } from '../workspace/helpers';

export interface Class {
  teams: { id: number; name: string; members: number[] }[];
  sessions: number[];
  /** Marks a student in a session (the attendance register's table, written as it would). */
  mark(sessionId: number, studentId: number, mark: AttendanceMark): void;
}

/**
 * Teams Falcons, Hawks and Owls of three students each (the first has an email and an
 * accommodation note), and weekly sessions from Tue 8 Sep 2026 with no roll taken.
 */
export async function setUpClass(c: TestCourse, sessions = 3): Promise<Class> {
  const teams: Class['teams'] = [];
  let n = 0;
  for (const name of ['Falcons', 'Hawks', 'Owls']) {
    const team = await c.call('team.create', { name });
    const members: number[] = [];
    for (let i = 0; i < 3; i++) {
      n++;
      const s = await c.call('student.add', {
        registrarId: `00${n}7374`,
        firstName: `First${n}`,
        lastName: `Last${n}`,
        email: `s${n}@example.edu`,
        accommodationNote: n === 1 ? 'Extra time on exams (DRC letter)' : null,
      });
      await c.call('team.assign', { studentId: s.id, teamId: team.id, from: '2026-09-01T00:00:00-04:00' });
      members.push(s.id);
    }
    teams.push({ id: team.id, name, members });
  }
  const insert = db(c).prepare("INSERT INTO attendance_session (date, title, created_at) VALUES (?, ?, '2026-09-01T00:00:00Z')");
  const ids: number[] = [];
  for (let w = 0; w < sessions; w++) {
    const date = new Date(Date.UTC(2026, 8, 8 + 7 * w)).toISOString().slice(0, 10);
    ids.push(Number(insert.run(date, `Class ${w + 1}`).lastInsertRowid));
  }
  const mark = db(c).prepare(
    "INSERT OR REPLACE INTO attendance_mark (session_id, student_id, mark, updated_at) VALUES (?, ?, ?, '2026-09-08T12:00:00Z')",
  );
  return { teams, sessions: ids, mark: (sessionId, studentId, m) => mark.run(sessionId, studentId, m) };
}
