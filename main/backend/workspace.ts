import fs from 'node:fs';
import path from 'node:path';
import { IE7374_COURSE } from '@shared/model';
import { stopJobsOf } from './jobs/runner';
import type { Preset } from '@shared/api/course';
import { closeCourse, createCourse, openCourse, type Course } from './services/course';
import { loadDemoClass } from './services/demo';

const RECENT_MAX = 10;

/**
 * The backend's state for one window: the data folder, the open course (at most one) and the
 * recent-files list. Both transports and the CLI drive the same services through it.
 */
export class Workspace {
  private current: Course | null = null;

  constructor(readonly dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
  }

  get course(): Course | null {
    return this.current;
  }

  /** A bare name means a file in the data folder; '.gradebook' is added when missing. */
  resolve(file: string): string {
    const withExt = file.endsWith('.gradebook') ? file : `${file}.gradebook`;
    return path.isAbsolute(withExt) ? withExt : path.join(this.dataDir, withExt);
  }

  open(file: string): Course {
    const target = this.resolve(file);
    const next = openCourse(target, { scheduledBackup: true });
    this.replace(next);
    return next;
  }

  create(file: string, preset: Preset, opts: { name?: string; demo?: boolean } = {}): Course {
    const target = this.resolve(file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const next = createCourse(target, preset, opts.name);
    if (opts.demo) loadDemoClass(next);
    this.replace(next);
    return next;
  }

  close(): void {
    if (this.current) this.shut(this.current);
    this.current = null;
  }

  /**
   * First start: reopen the most recent course, else open (or create) the default
   * IE 7374 course in the data folder.
   */
  openDefault(): Course {
    for (const file of this.recent()) {
      if (!fs.existsSync(file)) continue;
      try {
        return this.open(file);
      } catch {
        // A recent file that no longer opens is skipped; the user still gets a course.
      }
    }
    const file = this.resolve(IE7374_COURSE.name);
    return fs.existsSync(file) ? this.open(file) : this.create(file, 'ie7374');
  }

  recent(): string[] {
    try {
      const list: unknown = JSON.parse(fs.readFileSync(this.recentFile(), 'utf8'));
      return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
    } catch {
      return [];
    }
  }

  private recentFile(): string {
    return path.join(this.dataDir, 'recent.json');
  }

  private shut(course: Course): void {
    stopJobsOf(course);
    closeCourse(course);
  }

  private replace(next: Course): void {
    if (this.current && this.current !== next) this.shut(this.current);
    this.current = next;
    const list = [next.file, ...this.recent().filter((f) => f !== next.file)].slice(0, RECENT_MAX);
    fs.writeFileSync(this.recentFile(), JSON.stringify(list, null, 2));
  }
}
