import { courseMethods } from '@shared/api/course';
import { backupCourse } from '../db/backup';
import { listCourseFiles, readPackedSnapshot, renameCourse, saveCourseCopy, summarizeCourse } from '../services/course';
import { loadDemoClass } from '../services/demo';
import { courseOf, dbOf, type Handlers } from './context';

export const courseHandlers: Handlers<keyof typeof courseMethods> = {
  'app.state': (_, { workspace }) => ({
    course: workspace.course ? summarizeCourse(workspace.course) : null,
    dataDir: workspace.dataDir,
    recent: workspace.recent(),
  }),
  'course.list': (_, { workspace }) => listCourseFiles(workspace.dataDir),
  'course.create': ({ file, preset, name, demo }, { workspace }) => summarizeCourse(workspace.create(file, preset, { name, demo })),
  'course.open': ({ file }, { workspace }) => summarizeCourse(workspace.open(file)),
  'course.close': (_, { workspace }) => {
    workspace.close();
    return null;
  },
  'course.saveCopy': ({ file, overwrite }, ctx) => saveCourseCopy(courseOf(ctx), ctx.workspace.resolve(file), overwrite),
  'course.rename': (info, ctx) => {
    renameCourse(dbOf(ctx), info);
    return summarizeCourse(courseOf(ctx));
  },
  'course.loadDemo': (_, ctx) => {
    const course = courseOf(ctx);
    backupCourse(course.db, course.file, 'before-demo');
    loadDemoClass(course);
    return summarizeCourse(course);
  },
  'course.summary': (_, ctx) => summarizeCourse(courseOf(ctx)),
  'course.snapshot': (_, ctx) => readPackedSnapshot(dbOf(ctx)),
};
