import fs from 'node:fs';
import path from 'node:path';
import type { BackupDiff, BackupInfo, RowDiff } from '@shared/api/backups';
import { ApiError } from '@shared/api/envelope';
import { backupCourse, listBackupFiles } from '../db/backup';
import { openCourseReadOnly, type Db } from '../db/open';
import { countCourse, writeCopy, type Course } from './course';

/**
 * Backups of a course file: listing them with their counts, what differs from now, and
 * restoring one as a new course file (or over the open course, after a backup of it).
 */

/** Runs `fn` on a backup (or any course file) opened read-only, and closes it. */
function onBackup<T>(file: string, fn: (db: Db) => T): T {
  const db = openCourseReadOnly(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The course's backups, newest first, with their counts (or why a backup cannot be opened). */
export function listBackups(courseFile: string): BackupInfo[] {
  return listBackupFiles(courseFile).map((b) => {
    try {
      const counts = onBackup(b.file, countCourse);
      return { ...b, students: counts.students, scores: counts.scores, problem: null };
    } catch (err) {
      return { ...b, students: null, scores: null, problem: (err as Error).message };
    }
  });
}

/** The backup of `courseFile` called `name`, as backup.list names it. */
export function requireBackup(courseFile: string, name: string): string {
  const found = listBackupFiles(courseFile).find((b) => b.name === name);
  if (!found) throw new ApiError('not_found', `There is no backup named ${name} of this course. Choose one from the list of backups.`);
  return found.file;
}

/** Rows of one table by key, as JSON of the columns both files have (times of writing aside). */
function rowsByKey(db: Db, table: string, key: string[], columns: string[]): Map<string, string> {
  const rows = db
    .prepare(`SELECT ${[...key, ...columns].join(', ')} FROM ${table}`)
    .raw()
    .all() as unknown[][];
  return new Map(rows.map((r) => [JSON.stringify(r.slice(0, key.length)), JSON.stringify(r.slice(key.length))]));
}

const columnsOf = (db: Db, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);

const IGNORED = new Set(['created_at', 'updated_at']);

function diffTable(now: Db, then: Db, table: string, key: string[]): RowDiff {
  const thenColumns = new Set(columnsOf(then, table));
  const columns = columnsOf(now, table).filter((c) => thenColumns.has(c) && !key.includes(c) && !IGNORED.has(c));
  const a = rowsByKey(then, table, key, columns);
  const b = rowsByKey(now, table, key, columns);
  let removed = 0;
  let changed = 0;
  for (const [k, row] of a) {
    const current = b.get(k);
    if (current === undefined) removed++;
    else if (current !== row) changed++;
  }
  return { added: b.size - (a.size - removed), removed, changed };
}

const sum = (x: RowDiff, y: RowDiff): RowDiff => ({
  added: x.added + y.added,
  removed: x.removed + y.removed,
  changed: x.changed + y.changed,
});

/** What differs between a backup and the open course: counts, and rows added, removed or changed since. */
export function diffBackup(course: Course, backupFile: string): BackupDiff {
  return onBackup(backupFile, (then) => {
    const counts = (db: Db) => {
      const c = countCourse(db);
      return { students: c.students, items: c.items, scores: c.scores };
    };
    return {
      backup: counts(then),
      now: counts(course.db),
      students: diffTable(course.db, then, 'student', ['id']),
      items: diffTable(course.db, then, 'item', ['id']),
      scores: sum(
        diffTable(course.db, then, 'score', ['student_id', 'item_id']),
        diffTable(course.db, then, 'team_score', ['team_id', 'item_id']),
      ),
    };
  });
}

/** Writes a backup (or any course file) as a new course file; refuses an existing one. Returns the new file. */
export function restoreBackupAs(backupFile: string, target: string): string {
  if (fs.existsSync(target)) {
    throw new ApiError(
      'conflict',
      `${target} already exists. Restore into a new file name; an existing course is never replaced by a restore. Nothing was changed.`,
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  onBackup(backupFile, (db) => writeCopy(db, target));
  return target;
}

/**
 * Restores a backup over the open course's own file: a backup of the current state first, then
 * the course is closed (`close`), replaced, and left for the caller to open again. Answers the
 * backup of the current state.
 */
export function restoreBackupOver(course: Course, backupFile: string, close: () => void): string {
  const current = backupCourse(course.db, course.file, 'before-restore');
  onBackup(backupFile, (db) => {
    close();
    writeCopy(db, course.file);
  });
  return current;
}
