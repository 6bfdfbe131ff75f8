import { backupCourse } from '../db/backup';
import { change, type ChangeSet } from '../changes/tracker';
import type { Course } from '../services/course';

/** A file handed to an importer: its name (for messages) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes a validated import: a backup copy first, then everything in one transaction that is
 * one undo step with its audit rows. Returns the backup's path.
 */
export function commitImport(course: Course, label: string, file: ImportFile, write: (cs: ChangeSet, now: string) => void): string {
  const backup = backupCourse(course.db, course.file, `before-import`);
  const now = new Date().toISOString();
  change(course.db, label, (cs) => write(cs, now), { reason: `Imported from ${file.name || 'a file'}`, now: () => now });
  return backup;
}
