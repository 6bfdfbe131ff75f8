import fs from 'node:fs';
import { ApiError, describeZodError } from '@shared/api/envelope';
import { PORTABLE_FORMAT, PORTABLE_VERSION, PortableCourse, type CourseSnapshot } from '@shared/model';
import { change } from '../changes/tracker';
import { fromCategory, fromItem, fromScore, fromSession, fromStudent, fromTeamScore } from '../db/rows';
import { createCourseDb } from '../db/open';
import { readSnapshot, type Course } from './course';

export function exportPortable(course: Course, now = new Date().toISOString()): PortableCourse {
  return { format: PORTABLE_FORMAT, version: PORTABLE_VERSION, exportedAt: now, ...readSnapshot(course.db) };
}

/** Parses course JSON text; every problem is reported with its path. */
export function parsePortable(text: string): PortableCourse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ApiError('invalid_input', `The file is not valid JSON (${(err as Error).message}).`);
  }
  const parsed = PortableCourse.safeParse(data);
  if (!parsed.success)
    throw new ApiError(
      'validation_failed',
      `The course JSON is not valid: ${describeZodError(parsed.error)}. Nothing was imported.`,
      parsed.error.issues,
    );
  return parsed.data;
}

/** Reads a course from a .gradebook file or a course JSON file, without changing either. */
export function loadSnapshot(file: string, open: (f: string) => Course): CourseSnapshot {
  if (file.endsWith('.json')) return parsePortable(fs.readFileSync(file, 'utf8'));
  const course = open(file);
  try {
    return readSnapshot(course.db);
  } finally {
    course.db.close();
  }
}

/** Creates a new course file from course JSON, as one transaction (and one undo step). */
export function importPortable(data: PortableCourse, file: string): Course {
  const db = createCourseDb(file);
  const now = new Date().toISOString();
  try {
    db.prepare('INSERT INTO course (id, name, code, term, policy_json, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
      data.course.name,
      data.course.code,
      data.course.term,
      JSON.stringify(data.policy),
      now,
    );
    change(db, 'Import course JSON', (cs) => {
      for (const c of data.categories) cs.insert('category', { id: c.id, ...fromCategory(c) });
      for (const s of data.students) cs.insert('student', { id: s.id, ...fromStudent(s), created_at: now });
      for (const t of data.teams) cs.insert('team', { id: t.id, name: t.name, created_at: now });
      for (const m of data.memberships)
        cs.insert('team_member', { team_id: m.teamId, student_id: m.studentId, from_at: m.from, to_at: m.to });
      for (const i of data.items) cs.insert('item', { id: i.id, ...fromItem(i), created_at: now });
      for (const s of data.scores) cs.insert('score', { student_id: s.studentId, item_id: s.itemId, ...fromScore(s), updated_at: now });
      for (const s of data.teamScores)
        cs.insert('team_score', { team_id: s.teamId, item_id: s.itemId, ...fromTeamScore(s), updated_at: now });
      for (const s of data.attendanceSessions) cs.insert('attendance_session', { id: s.id, ...fromSession(s), created_at: now });
      for (const a of data.attendance)
        cs.insert('attendance_mark', { session_id: a.sessionId, student_id: a.studentId, mark: a.mark, updated_at: now });
      for (const o of data.overrides)
        cs.insert('grade_override', { student_id: o.studentId, letter: o.letter, percent: o.percent, reason: o.reason, updated_at: now });
    });
    return { db, file };
  } catch (err) {
    db.close();
    fs.rmSync(file, { force: true });
    for (const ext of ['-wal', '-shm']) fs.rmSync(file + ext, { force: true });
    if (err instanceof ApiError) throw err;
    throw new ApiError(
      'validation_failed',
      `The course JSON does not hold together (${(err as Error).message}). No course file was created.`,
    );
  }
}
