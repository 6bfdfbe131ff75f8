import fs from 'node:fs';
import path from 'node:path';
import type { CourseCounts, CourseFile, CourseSummary, Preset } from '@shared/api/course';
import { ApiError } from '@shared/api/envelope';
import {
  BLANK_CATEGORIES,
  IE7374_CATEGORIES,
  IE7374_COURSE,
  IE7374_MILESTONES,
  IE7374_POLICY,
  packAttendance,
  scoreExtras,
  teamScoreExtras,
  unpackSnapshot,
  type CourseInfo,
  type CourseSnapshot,
  type PackedSnapshot,
  type Policy,
} from '@shared/model';
import { change } from '../changes/tracker';
import { backupCourse, backupIfStale } from '../db/backup';
import { createCourseDb, openCourseDb, openCourseReadOnly, type Db } from '../db/open';
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
import type { Row } from '../changes/tables';

/** An open course file. */
export interface Course {
  readonly db: Db;
  readonly file: string;
}

/** Opens a course file; `scheduledBackup` also keeps a recent backup of it (the app does, the CLI doesn't). */
export function openCourse(file: string, opts: { scheduledBackup?: boolean } = {}): Course {
  const db = openCourseDb(file);
  if (opts.scheduledBackup) backupIfStale(db, file);
  return { db, file };
}

/**
 * File > Save As copy: a consistent copy (VACUUM INTO) written beside the target and renamed
 * into place, so an existing file is replaced only by a complete copy. The open course's own
 * file is refused: replacing it under the live connection would lose every later change. Another
 * course at the target is replaced only when `overwrite` says so, after a backup of it (returned).
 */
export function saveCourseCopy(course: Course, target: string, overwrite = false): { file: string; replacedBackup: string | null } {
  if (path.resolve(target) === path.resolve(course.file)) {
    throw new ApiError('conflict', 'That is the open course itself; choose another file name for the copy. Nothing was changed.');
  }
  const replacedBackup = fs.existsSync(target) ? backupReplacedCourse(target, overwrite) : null;
  writeCopy(course.db, target);
  return { file: target, replacedBackup };
}

/**
 * Writes a consistent copy of `db` to `target`: beside it first, then renamed into place, so
 * whatever was at `target` is replaced only by a complete copy (its WAL, which would be replayed
 * onto the copy, goes too).
 */
export function writeCopy(db: Db, target: string): void {
  // A short name of its own: the target's name plus a suffix may be longer than the file system allows.
  const partial = path.join(path.dirname(target), `.gradebook-copy-${process.pid}.partial`);
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new ApiError('io_error', `The copy could not be written to ${target} (${(err as Error).message}). Nothing was changed.`);
  }
}

/** Refuses to replace `target` unless asked and it is a course file; then backs it up. Returns the backup. */
function backupReplacedCourse(target: string, overwrite: boolean): string {
  if (fs.statSync(target).isDirectory()) {
    throw new ApiError('invalid_input', `file: ${target} is a folder, not a course file. Choose a file name. Nothing was changed.`, {
      field: 'file',
    });
  }
  let old: Db;
  try {
    old = openCourseReadOnly(target);
  } catch {
    throw new ApiError(
      'conflict',
      `${target} already exists and is not a course file this app can open, so it is not replaced. Choose another file name. Nothing was changed.`,
    );
  }
  if (!overwrite) {
    old.close();
    throw new ApiError(
      'conflict',
      `${target} already exists and holds another course. Replace it (a backup of it is kept first), or choose another file name. Nothing was changed.`,
      { exists: true, file: target },
    );
  }
  try {
    return backupCourse(old, target, 'before-overwrite');
  } finally {
    old.close();
  }
}

/** Free pages beyond this share of the file (and at least FREE_PAGES_MIN of them) are given back on close. */
const FREE_SHARE_MAX = 0.25;
const FREE_PAGES_MIN = 256;

export function closeCourse(course: Course): void {
  compactIfSparse(course.db);
  // Fold the WAL back into the file so a closed course is one self-contained file.
  course.db.pragma('wal_checkpoint(TRUNCATE)');
  course.db.close();
}

/**
 * VACUUM when much of the file is free pages (left by large deletions, such as undoing an
 * import). It rewrites the same rows, the audit trail included, into fewer pages; the existing
 * files have auto_vacuum off, which cannot be switched on without a VACUUM anyway.
 */
export function compactIfSparse(db: Db): boolean {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  if (free < FREE_PAGES_MIN || free <= pages * FREE_SHARE_MAX) return false;
  db.exec('VACUUM');
  return true;
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

/**
 * The whole course with its cells as columns (the wire form of `course.snapshot`). Cells are read
 * as bare rows of id, id, value; only the few cells with more than a value become objects.
 */
export function readPackedSnapshot(db: Db): PackedSnapshot {
  const { info, policy } = readCourseRow(db);
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  return {
    course: info,
    policy,
    categories: all('SELECT * FROM category ORDER BY position, id').map(toCategory),
    students: all('SELECT * FROM student ORDER BY last_name, first_name, id').map(toStudent),
    teams: all('SELECT * FROM team ORDER BY name').map(toTeam),
    memberships: all('SELECT * FROM team_member ORDER BY id').map(toMembership),
    items: all('SELECT * FROM item ORDER BY position, id').map(toItem),
    scores: rename(
      readCells(db, 'score', 'student_id', SCORE_EXTRA_COLUMNS, SCORE_EXTRA_READ, (r) => scoreExtras(toScore(r))),
      'studentIds',
    ),
    teamScores: rename(
      readCells(db, 'team_score', 'team_id', CELL_EXTRA_COLUMNS, CELL_EXTRA_COLUMNS, (r) => teamScoreExtras(toTeamScore(r))),
      'teamIds',
    ),
    attendanceSessions: all('SELECT * FROM attendance_session ORDER BY date, id').map(toSession),
    attendance: packAttendance(all('SELECT * FROM attendance_mark').map(toAttendance)),
    overrides: all('SELECT * FROM grade_override').map(toOverride),
  };
}

/** The whole course as the grading engine reads it. */
export const readSnapshot = (db: Db): CourseSnapshot => unpackSnapshot(readPackedSnapshot(db));

/** The columns that give a cell more than a value, and the ones read with them (the note's date and the adjustment's value). */
const CELL_EXTRA_COLUMNS = ['status', 'submitted_at', 'days_late', 'extension_days', 'waiver_reason', 'comment'];
const SCORE_EXTRA_COLUMNS = [...CELL_EXTRA_COLUMNS, 'integrity_note', 'adjust_mode'];
const SCORE_EXTRA_READ = [...SCORE_EXTRA_COLUMNS, 'integrity_date', 'adjust_value'];

interface Cells<E> {
  owners: number[];
  itemIds: number[];
  values: (number | null)[];
  extras: [number, E][];
}

/**
 * A cell table as columns in key order, from one scan. SQLite builds the columns as JSON arrays
 * (a JS object per cell is most of the cost at 200,000 cells), and the few cells with more than
 * a value as JSON objects of their columns, in key order too, found by binary search. Whole
 * values come as integers: SQLite stores them so anyway, and writes and JSON parses them faster
 * than reals, which it writes with all 17 digits. The aggregates take the subquery's rows in its
 * ORDER BY (SQLite's behaviour, not a guarantee of SQL): the binary search below relies on it,
 * and preparePacked puts the extras back in cell order should they ever come otherwise.
 */
function readCells<E>(
  db: Db,
  table: 'score' | 'team_score',
  owner: string,
  extraColumns: string[],
  readColumns: string[],
  extrasOf: (row: Record<string, unknown>) => E | undefined,
): Cells<E> {
  const fields = [owner, 'item_id', ...readColumns].map((c) => `'${c}', ${c}`).join(', ');
  const [owners, itemIds, values, rows] = (
    db
      .prepare(
        `SELECT json_group_array(${owner}), json_group_array(item_id),
           json_group_array(CASE WHEN value = CAST(value AS INTEGER) THEN CAST(value AS INTEGER) ELSE value END),
           json_group_array(json(extra)) FILTER (WHERE extra IS NOT NULL)
         FROM (SELECT ${owner}, item_id, value,
                 CASE WHEN coalesce(${extraColumns.join(', ')}) IS NOT NULL THEN json_object(${fields}) END AS extra
               FROM ${table} ORDER BY ${owner}, item_id)`,
      )
      .raw()
      .get() as string[]
  ).map((json) => JSON.parse(json) as unknown[]) as [number[], number[], (number | null)[], Record<string, number>[]];
  const find = (o: number, item: number): number => {
    let lo = 0;
    let hi = owners.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = owners[mid]! - o || itemIds[mid]! - item;
      if (d === 0) return mid;
      if (d < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    throw new Error(`${table} (${o}, ${item}) is not where key order puts it`);
  };
  const extras: [number, E][] = [];
  for (const row of rows) {
    const found = extrasOf(row);
    if (found) extras.push([find(row[owner]!, row.item_id!), found]);
  }
  return { owners, itemIds, values, extras };
}

function rename<E, K extends string>({ owners, ...rest }: Cells<E>, key: K): Omit<Cells<E>, 'owners'> & Record<K, number[]> {
  return { ...rest, [key]: owners } as Omit<Cells<E>, 'owners'> & Record<K, number[]>;
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

/** What the app shell shows about the open course. */
export function summarizeCourse(course: Course): CourseSummary {
  const { info, policy } = readCourseRow(course.db);
  const categories = (course.db.prepare('SELECT * FROM category ORDER BY position, id').all() as Row[]).map(toCategory);
  return { file: course.file, info, policy, categories, counts: countCourse(course.db) };
}

/** The course files in the data folder, most recently changed first. */
export function listCourseFiles(dataDir: string): CourseFile[] {
  return fs
    .readdirSync(dataDir)
    .filter((f) => f.endsWith('.gradebook'))
    .map((name) => {
      const file = path.join(dataDir, name);
      const st = fs.statSync(file);
      return { file, name: name.replace(/\.gradebook$/, ''), modifiedAt: st.mtime.toISOString(), size: st.size };
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

export function renameCourse(db: Db, info: CourseInfo): void {
  change(db, `Rename course to ${info.name}`, (cs) => cs.put('course', { id: 1 }, { name: info.name, code: info.code, term: info.term }));
}

export function requireCourse(course: Course | null): Course {
  if (!course) throw new ApiError('no_course', 'No course is open. Create a course or open a course file first.');
  return course;
}
