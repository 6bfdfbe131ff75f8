import { z } from 'zod';
import { Category, CourseInfo, PackedSnapshot, Policy } from '../model';
import { method } from './define';

export const CourseCounts = z.object({
  students: z.number().int(),
  teams: z.number().int(),
  items: z.number().int(),
  scores: z.number().int(),
  attendanceSessions: z.number().int(),
});
export type CourseCounts = z.infer<typeof CourseCounts>;

/** What the app shell shows about the open course. */
export const CourseSummary = z.object({
  file: z.string(),
  info: CourseInfo,
  policy: Policy,
  categories: z.array(Category),
  counts: CourseCounts,
});
export type CourseSummary = z.infer<typeof CourseSummary>;

export const CourseFile = z.object({ file: z.string(), name: z.string(), modifiedAt: z.string(), size: z.number() });
export type CourseFile = z.infer<typeof CourseFile>;

export const AppState = z.object({
  course: CourseSummary.nullable(),
  dataDir: z.string(),
  recent: z.array(z.string()),
});
export type AppState = z.infer<typeof AppState>;

/** File systems refuse names over 255 bytes (UTF-8), and SQLite adds '-wal' and '-shm' beside a course. */
const NAME_BYTES = 250;
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/**
 * A course file path: refused here, with the field named, when no file system would take it
 * (a NUL byte, a name over 250 bytes once '.gradebook' is added), rather than failing deep in
 * SQLite.
 */
export const FilePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((f) => !f.includes('\0'), 'the path contains a NUL character; remove it')
  .refine(
    (f) =>
      f
        .split(/[\\/]/)
        .every(
          (name, i, all) => utf8Length(i === all.length - 1 && !name.endsWith('.gradebook') ? `${name}.gradebook` : name) <= NAME_BYTES,
        ),
    `a file or folder name is longer than ${NAME_BYTES} bytes (with '.gradebook'); choose a shorter name`,
  );
export const Preset = z.enum(['ie7374', 'blank']);
export type Preset = z.infer<typeof Preset>;

export const courseMethods = {
  /** The open course (if any), the data folder and recent files. */
  'app.state': method(z.object({}).strict(), AppState),
  /** Course files in the data folder. */
  'course.list': method(z.object({}).strict(), z.array(CourseFile)),
  /**
   * Creates a course and opens it. `file`: a path, or a bare name created in the data folder
   * ('.gradebook' is appended when missing).
   */
  'course.create': method(
    z.object({ file: FilePath, preset: Preset, name: z.string().min(1).max(200).optional(), demo: z.boolean().optional() }).strict(),
    CourseSummary,
    true,
  ),
  'course.open': method(z.object({ file: FilePath }).strict(), CourseSummary),
  'course.close': method(z.object({}).strict(), z.null()),
  /**
   * Writes a consistent copy of the open course to `file` (File > Save As copy). An existing
   * course file there is refused (conflict, details `{ exists: true, file }`) unless `overwrite`, and
   * then it is backed up first.
   */
  'course.saveCopy': method(
    z.object({ file: FilePath, overwrite: z.boolean().optional() }).strict(),
    z.object({ file: z.string(), replacedBackup: z.string().nullable() }),
  ),
  'course.rename': method(CourseInfo.strict(), CourseSummary, true),
  /** Adds the synthetic demo class to the open course, as one undoable step. */
  'course.loadDemo': method(z.object({}).strict(), CourseSummary, true),
  'course.summary': method(z.object({}).strict(), CourseSummary),
  /**
   * Everything the grading engine reads: policy, roster, teams, items, scores, attendance,
   * overrides. Cells come as columns (see shared/model/packed.ts); `unpackSnapshot` gives the
   * CourseSnapshot.
   */
  'course.snapshot': method(z.object({}).strict(), PackedSnapshot),
};
