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
