import path from 'node:path';
import { closeCourse, openCourse, type Course } from '../backend/services/course';

/** Runs `fn` on a course file opened for one command and always closes it (folding the WAL back in). */
export async function onCourse<T>(file: string, fn: (course: Course) => T | Promise<T>): Promise<T> {
  const course = openCourse(path.resolve(file));
  try {
    return await fn(course);
  } finally {
    closeCourse(course);
  }
}

/** A command's parsed options (node:util parseArgs values; `multiple` options give arrays). */
export type Flags = Record<string, string | string[] | boolean | undefined>;
