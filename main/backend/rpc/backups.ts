import { backupMethods } from '@shared/api/backups';
import { diffBackup, listBackups, requireBackup, restoreBackupAs, restoreBackupOver } from '../services/backups';
import { summarizeCourse } from '../services/course';
import { courseOf, type Handlers } from './context';

export const backupHandlers: Handlers<keyof typeof backupMethods> = {
  'backup.list': (_, ctx) => listBackups(courseOf(ctx).file),
  'backup.diff': ({ backup }, ctx) => diffBackup(courseOf(ctx), requireBackup(courseOf(ctx).file, backup)),
  'backup.restore': ({ backup, file }, ctx) => {
    const course = courseOf(ctx);
    const source = requireBackup(course.file, backup);
    const { workspace } = ctx;
    if (file !== undefined)
      return { course: summarizeCourse(workspace.open(restoreBackupAs(source, workspace.resolve(file)))), backupOfCurrent: null };
    try {
      const backupOfCurrent = restoreBackupOver(course, source, () => workspace.close());
      return { course: summarizeCourse(workspace.open(course.file)), backupOfCurrent };
    } finally {
      // Whatever failed, the course (restored or as it was) is open again.
      if (!workspace.course) workspace.open(course.file);
    }
  },
};
