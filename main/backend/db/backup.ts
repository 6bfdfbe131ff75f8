import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open';

const KEEP = 20;
let sequence = 0;

export function backupDir(courseFile: string): string {
  return path.join(path.dirname(courseFile), '.gradebook-backups', path.basename(courseFile, '.gradebook'));
}

/**
 * A consistent copy of the open course (VACUUM INTO, never a raw file copy) before risky
 * work; of the backups taken for the same reason, the oldest beyond KEEP are removed.
 * Returns the backup's path.
 */
export function backupCourse(db: Db, courseFile: string, reason: string): string {
  const dir = backupDir(courseFile);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // The sequence number keeps two backups in the same millisecond apart (VACUUM INTO never overwrites).
  const suffix = `-${reason.replace(/[^\w-]+/g, '_')}.gradebook`;
  const target = path.join(dir, `${stamp}-${String(sequence++ % 10_000).padStart(4, '0')}${suffix}`);
  db.prepare('VACUUM INTO ?').run(target);
  // Rotation is per reason, so twenty imports never push out the backup taken before a migration.
  const old = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .slice(0, -KEEP);
  for (const f of old) fs.rmSync(path.join(dir, f), { force: true });
  return target;
}

/** The scheduled backup: one when a course is opened and its newest backup is older than `maxAgeMs`. */
export function backupIfStale(db: Db, courseFile: string, maxAgeMs = 12 * 3600_000, now = Date.now()): string | null {
  const dir = backupDir(courseFile);
  const newest = fs.existsSync(dir)
    ? Math.max(
        0,
        ...fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.gradebook'))
          .map((f) => fs.statSync(path.join(dir, f)).mtimeMs),
      )
    : 0;
  return now - newest > maxAgeMs ? backupCourse(db, courseFile, 'scheduled') : null;
}
