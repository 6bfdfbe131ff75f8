import { ApiError } from '@shared/api/envelope';
import { backupCourse } from '../db/backup';
import { change, type ChangeSet } from '../changes/tracker';
import type { Course } from '../services/course';
import { sheetInfos } from './detect';
import type { Problems } from './problems';
import type { Book } from './sheet';

/** A file handed to an importer: its name (for messages) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** What every import report starts with: the sheets read, the problems found, nothing written yet. */
export const importOutcome = (book: Pick<Book, 'sheets'>, problems: Problems) => ({
  sheets: sheetInfos(book),
  problems: problems.list,
  applied: false,
  backup: null as string | null,
});

/** The course's data version: the newest audit row (every write, undo and redo adds one). */
export function courseVersion(course: Course): number {
  return (course.db.prepare('SELECT coalesce(max(id), 0) AS v FROM audit').get() as { v: number }).v;
}

/**
 * Refuses to write a plan checked against a course that has changed since (a grid edit, an undo
 * or an item deleted while the file was read): its matches and counts may no longer hold.
 */
function refuseIfStale(course: Course, readAt: number): void {
  if (courseVersion(course) !== readAt)
    throw new ApiError('conflict', 'The course changed while the file was read; nothing was changed. Import again.');
}

/**
 * Writes a validated import: a backup copy first, then everything in one transaction that is
 * one undo step with its audit rows. `readAt` is the courseVersion the import read the course
 * at. Returns the backup's path.
 */
export function commitImport(
  course: Course,
  readAt: number,
  label: string,
  file: ImportFile,
  write: (cs: ChangeSet, now: string) => void,
): string {
  refuseIfStale(course, readAt);
  const backup = backupCourse(course.db, course.file, `before-import`);
  const now = new Date().toISOString();
  change(
    course.db,
    label,
    (cs) => {
      refuseIfStale(course, readAt);
      write(cs, now);
    },
    { reason: `Imported from ${file.name || 'a file'}`, now: () => now },
  );
  return backup;
}
