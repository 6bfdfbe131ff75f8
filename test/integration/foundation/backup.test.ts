import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCourse, backupDir, backupIfStale } from '../../../main/backend/db/backup';
import { closeCourse, createCourse, openCourse, readSnapshot } from '../../../main/backend/services/course';
import { loadDemoClass } from '../../../main/backend/services/demo';
import { tmpDir } from '../../helpers/tmp';

describe('backups', () => {
  it('are consistent copies that open as the same course', () => {
    const file = path.join(tmpDir(), 'b.gradebook');
    const course = createCourse(file, 'ie7374');
    loadDemoClass(course);
    const copy = backupCourse(course.db, file, 'before-import');
    const restored = openCourse(copy);
    expect(readSnapshot(restored.db)).toEqual(readSnapshot(course.db));
    closeCourse(restored);
    closeCourse(course);
  });

  it('rotate per reason, so many imports never remove the migration backup', () => {
    const file = path.join(tmpDir(), 'r.gradebook');
    const course = createCourse(file, 'blank');
    backupCourse(course.db, file, 'before-migration-v1');
    for (let i = 0; i < 25; i++) backupCourse(course.db, file, 'before-import');
    const names = fs.readdirSync(backupDir(file));
    expect(names.filter((n) => n.endsWith('-before-import.gradebook'))).toHaveLength(20);
    expect(names.filter((n) => n.endsWith('-before-migration-v1.gradebook'))).toHaveLength(1);
    closeCourse(course);
  });

  it('are taken on open when the newest is older than the schedule', () => {
    const file = path.join(tmpDir(), 's.gradebook');
    const course = createCourse(file, 'blank');
    expect(backupIfStale(course.db, file)).toMatch(/scheduled\.gradebook$/);
    expect(backupIfStale(course.db, file)).toBeNull();
    expect(backupIfStale(course.db, file, 12 * 3600_000, Date.now() + 13 * 3600_000)).toMatch(/scheduled/);
    closeCourse(course);
  });
});
