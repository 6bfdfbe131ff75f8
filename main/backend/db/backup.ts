import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open';

/**
 * How many backups are kept: the newest `perReason` of each reason, and of all of them only the
 * newest that fit in `totalBytes` (the one just written always stays).
 */
export interface BackupLimits {
  perReason: number;
  totalBytes: number;
}

export const BACKUP_LIMITS: BackupLimits = { perReason: 20, totalBytes: 2 * 1024 ** 3 };

let sequence = 0;

export function backupDir(courseFile: string): string {
  return path.join(path.dirname(courseFile), '.gradebook-backups', path.basename(courseFile, '.gradebook'));
}

/** A backup file as its name tells it: `<ISO time with - for : and .>-<sequence>-<reason>.gradebook`. */
export interface BackupFile {
  name: string;
  file: string;
  /** ISO instant the backup was taken. */
  at: string;
  reason: string;
  size: number;
}

const BACKUP_NAME = /^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)-(\d{3}Z)-\d{4}-(.+)\.gradebook$/;

/** The backups of a course file, newest first. */
export function listBackupFiles(courseFile: string): BackupFile[] {
  const dir = backupDir(courseFile);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, m: BACKUP_NAME.exec(name) }))
    .filter((b): b is { name: string; m: RegExpExecArray } => b.m !== null)
    .map(({ name, m }) => {
      const file = path.join(dir, name);
      return { name, file, at: new Date(`${m[1]}:${m[2]}:${m[3]}.${m[4]}`).toISOString(), reason: m[5]!, size: fs.statSync(file).size };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * A consistent copy of the open course (VACUUM INTO, never a raw file copy) before risky
 * work, then rotation within `limits`. Returns the backup's path.
 */
export function backupCourse(db: Db, courseFile: string, reason: string, limits: BackupLimits = BACKUP_LIMITS): string {
  const dir = backupDir(courseFile);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // The sequence number keeps two backups in the same millisecond apart (VACUUM INTO never overwrites).
  const safeReason = reason.replace(/[^\w-]+/g, '_');
  const target = path.join(dir, `${stamp}-${String(sequence++ % 10_000).padStart(4, '0')}-${safeReason}.gradebook`);
  db.prepare('VACUUM INTO ?').run(target);
  pruneBackups(courseFile, target, limits);
  return target;
}

/**
 * Rotation is per reason, so twenty imports never push out the backup taken before a migration;
 * then the oldest go, whatever their reason, until all fit in the size cap. What goes is logged.
 */
function pruneBackups(courseFile: string, newest: string, limits: BackupLimits): void {
  const all = listBackupFiles(courseFile);
  const seen = new Map<string, number>();
  const keep: BackupFile[] = [];
  const pruned: BackupFile[] = [];
  for (const b of all) {
    const n = (seen.get(b.reason) ?? 0) + 1;
    seen.set(b.reason, n);
    (n > limits.perReason ? pruned : keep).push(b);
  }
  let total = 0;
  for (const b of keep) {
    total += b.size;
    if (total > limits.totalBytes && b.file !== newest) pruned.push(b);
  }
  for (const b of pruned) fs.rmSync(b.file, { force: true });
  if (pruned.length) {
    const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
    console.warn(
      `[gradebook] backups of ${courseFile}: removed ${pruned.length} (${mb(pruned.reduce((s, b) => s + b.size, 0))}) to keep ` +
        `${limits.perReason} per reason within ${mb(limits.totalBytes)}: ${pruned.map((b) => b.name).join(', ')}`,
    );
  }
}

/** The scheduled backup: one when a course is opened and its newest backup is older than `maxAgeMs`. */
export function backupIfStale(db: Db, courseFile: string, maxAgeMs = 12 * 3600_000, now = Date.now()): string | null {
  const newest = Math.max(0, ...listBackupFiles(courseFile).map((b) => fs.statSync(b.file).mtimeMs));
  return now - newest > maxAgeMs ? backupCourse(db, courseFile, 'scheduled') : null;
}
