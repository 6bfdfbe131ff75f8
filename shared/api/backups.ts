import { z } from 'zod';
import { CourseSummary, FilePath } from './course';
import { method } from './define';

/** A backup as `backup.list` names it (a file name in the course's backup folder, never a path). */
export const BackupName = z
  .string()
  .max(255)
  .regex(/^[\w-]+\.gradebook$/, 'not a backup name; use one that backup.list answers');

export const BackupInfo = z.object({
  name: BackupName,
  file: z.string(),
  /** ISO instant the backup was taken. */
  at: z.string(),
  /** Why it was taken: before-import, before-migration-v1, scheduled, before-restore… */
  reason: z.string(),
  size: z.number().int(),
  /** Null when the backup cannot be opened; `problem` says why. */
  students: z.number().int().nullable(),
  scores: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** Rows keyed the same in both files, compared whole (times of writing aside). */
export const RowDiff = z.object({
  /** In the open course, not in the backup: restoring would take them away. */
  added: z.number().int(),
  /** In the backup, not in the open course: restoring would bring them back. */
  removed: z.number().int(),
  changed: z.number().int(),
});
export type RowDiff = z.infer<typeof RowDiff>;

const Counts = z.object({ students: z.number().int(), items: z.number().int(), scores: z.number().int() });

/** What differs between a backup and the open course now. */
export const BackupDiff = z.object({
  backup: Counts,
  now: Counts,
  students: RowDiff,
  items: RowDiff,
  scores: RowDiff,
});
export type BackupDiff = z.infer<typeof BackupDiff>;

export const RestoreInput = z
  .object({
    backup: BackupName,
    /** A new course file to restore into (a path, or a bare name in the data folder). */
    file: FilePath.optional(),
    /** Restore over the open course instead, after a backup of it. */
    replaceOpen: z.literal(true).optional(),
  })
  .strict()
  .refine((r) => (r.file === undefined) !== (r.replaceOpen === undefined), {
    message: 'give either a new course file to restore into, or replaceOpen: true (not both)',
    path: ['file'],
  });

export const backupMethods = {
  /** The open course's backups, newest first. */
  'backup.list': method(z.object({}).strict(), z.array(BackupInfo)),
  /** Counts and students, items and scores added, removed or changed since a backup. */
  'backup.diff': method(z.object({ backup: BackupName }).strict(), BackupDiff),
  /**
   * Restores a backup as a new course file and opens it; with `replaceOpen`, over the open course
   * after a backup of its current state (`backupOfCurrent`).
   */
  'backup.restore': method(RestoreInput, z.object({ course: CourseSummary, backupOfCurrent: z.string().nullable() }), true),
};
