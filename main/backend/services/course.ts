import { ApiError } from '../../../shared/api/envelope';
import {
  BLANK_CATEGORIES,
  IE7374_CATEGORIES,
  IE7374_COURSE,
  IE7374_MILESTONES,
  IE7374_POLICY,
  type CourseInfo,
  type CourseSnapshot,
  type Policy,
} from '../../../shared/model';
import { backupIfStale } from '../db/backup';
import { createCourseDb, openCourseDb, type Db } from '../db/open';
import {
  fromCategory,
  readCourseRow,
  toAttendance,
  toCategory,
  toItem,
  toMembership,
  toOverride,
  toScore,
  toSession,
  toStudent,
  toTeam,
  toTeamScore,
} from '../db/rows';

/** An open course file. */
export interface Course {
  readonly db: Db;
  readonly file: string;
}

export type Preset = 'ie7374' | 'blank';

/** Opens a course file; `scheduledBackup` also keeps a recent backup of it (the app does, the CLI doesn't). */
export function openCourse(file: string, opts: { scheduledBackup?: boolean } = {}): Course {
  const db = openCourseDb(file);
  if (opts.scheduledBackup) backupIfStale(db, file);
  return { db, file };
}

export function closeCourse(course: Course): void {
  // Fold the WAL back into the file so a closed course is one self-contained file.
  course.db.pragma('wal_checkpoint(TRUNCATE)');
  course.db.close();
}

/** Creates a course file preset from the syllabus (or blank) and opens it. */
export function createCourse(file: string, preset: Preset, name?: string): Course {
  const db = createCourseDb(file);
  const now = new Date().toISOString();
  const info: CourseInfo = preset === 'ie7374' ? IE7374_COURSE : { name: 'New course', code: null, term: null };
  const categories = preset === 'ie7374' ? IE7374_CATEGORIES : BLANK_CATEGORIES;
  db.transaction(() => {
    db.prepare('INSERT INTO course (id, name, code, term, policy_json, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
      name ?? info.name,
      info.code,
      info.term,
      JSON.stringify(IE7374_POLICY satisfies Policy),
      now,
    );
    const insertCategory = db.prepare(
      `INSERT INTO category (name, weight, drop_lowest, drop_highest, equal_weight_items, kind, position)
       VALUES (@name, @weight, @drop_lowest, @drop_highest, @equal_weight_items, @kind, @position)`,
    );
    categories.forEach((c, position) => insertCategory.run(fromCategory({ ...c, position })));
    if (preset === 'ie7374') {
      const project = db.prepare("SELECT id FROM category WHERE name = 'Final project'").get() as { id: number };
      const insertItem = db.prepare(
        `INSERT INTO item (category_id, name, points_possible, team_graded, milestone, position, created_at)
         VALUES (?, ?, 100, 1, ?, ?, ?)`,
      );
      IE7374_MILESTONES.forEach((m, i) => insertItem.run(project.id, m, i < 5 ? i + 1 : null, 1000 + i, now));
    }
  })();
  return { db, file };
}

/** The whole course as the grading engine reads it. */
export function readSnapshot(db: Db): CourseSnapshot {
  const { info, policy } = readCourseRow(db);
  const all = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[];
  return {
    course: info,
    policy,
    categories: all('SELECT * FROM category ORDER BY position, id').map(toCategory),
    students: all('SELECT * FROM student ORDER BY last_name, first_name, id').map(toStudent),
    teams: all('SELECT * FROM team ORDER BY name').map(toTeam),
    memberships: all('SELECT * FROM team_member ORDER BY id').map(toMembership),
    items: all('SELECT * FROM item ORDER BY position, id').map(toItem),
    scores: all('SELECT * FROM score').map(toScore),
    teamScores: all('SELECT * FROM team_score').map(toTeamScore),
    attendanceSessions: all('SELECT * FROM attendance_session ORDER BY date, id').map(toSession),
    attendance: all('SELECT * FROM attendance_mark').map(toAttendance),
    overrides: all('SELECT * FROM grade_override').map(toOverride),
  };
}

export interface CourseCounts {
  students: number;
  teams: number;
  items: number;
  scores: number;
  attendanceSessions: number;
}

export function countCourse(db: Db): CourseCounts {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    students: n('student'),
    teams: n('team'),
    items: n('item'),
    scores: n('score') + n('team_score'),
    attendanceSessions: n('attendance_session'),
  };
}

export function requireCourse(course: Course | null): Course {
  if (!course) throw new ApiError('no_course', 'No course is open. Create a course or open a course file first.');
  return course;
}
