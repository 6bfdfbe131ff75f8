import { z } from 'zod';
import { CourseSnapshot } from './course';

/**
 * The portable course JSON (docs in README.md, "Course JSON"): a whole course as plain data.
 * Ids are kept so references (scores -> students, items -> categories) stay intact.
 * Versioned: readers refuse a version newer than they know.
 */
export const PORTABLE_FORMAT = 'gradebook.course';
export const PORTABLE_VERSION = 1;

export const PortableCourse = CourseSnapshot.extend({
  format: z.literal(PORTABLE_FORMAT),
  version: z.number().int().min(1).max(PORTABLE_VERSION, `this app reads course JSON up to version ${PORTABLE_VERSION}`),
  exportedAt: z.string(),
});
export type PortableCourse = z.infer<typeof PortableCourse>;
