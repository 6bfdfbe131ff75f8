import fs from 'node:fs';
import path from 'node:path';
import type { CourseSummary } from '@shared/api';
import { courseMethods } from '@shared/api/course';
import { readCourseRow, toCategory } from '../db/rows';
import { countCourse, readPackedSnapshot, requireCourse, saveCourseCopy, type Course } from '../services/course';
import { loadDemoClass } from '../services/demo';
import { backupCourse } from '../db/backup';
import type { Handlers } from './context';

export function summarize(course: Course): CourseSummary {
  const { info, policy } = readCourseRow(course.db);
  const categories = (course.db.prepare('SELECT * FROM category ORDER BY position, id').all() as Record<string, unknown>[]).map(toCategory);
  return { file: course.file, info, policy, categories, counts: countCourse(course.db) };
}

export const courseHandlers: Handlers<keyof typeof courseMethods> = {
  'app.state': (_, { workspace }) => ({
    course: workspace.course ? summarize(workspace.course) : null,
    dataDir: workspace.dataDir,
    recent: workspace.recent(),
  }),
  'course.list': (_, { workspace }) =>
    fs
      .readdirSync(workspace.dataDir)
      .filter((f) => f.endsWith('.gradebook'))
      .map((name) => {
        const file = path.join(workspace.dataDir, name);
        const st = fs.statSync(file);
        return { file, name: name.replace(/\.gradebook$/, ''), modifiedAt: st.mtime.toISOString(), size: st.size };
      })
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)),
  'course.create': ({ file, preset, name, demo }, { workspace }) => summarize(workspace.create(file, preset, { name, demo })),
  'course.open': ({ file }, { workspace }) => summarize(workspace.open(file)),
  'course.close': (_, { workspace }) => {
    workspace.close();
    return null;
  },
  'course.saveCopy': ({ file, overwrite }, { workspace }) =>
    saveCourseCopy(requireCourse(workspace.course), workspace.resolve(file), overwrite),
  'course.loadDemo': (_, { workspace }) => {
    const course = requireCourse(workspace.course);
    backupCourse(course.db, course.file, 'before-demo');
    loadDemoClass(course);
    return summarize(course);
  },
  'course.summary': (_, { workspace }) => summarize(requireCourse(workspace.course)),
  'course.snapshot': (_, { workspace }) => readPackedSnapshot(requireCourse(workspace.course).db),
};
