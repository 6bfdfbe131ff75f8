import type { BackupDiff, BackupInfo, RowDiff } from '../api/backups';
import { instantToLocalInput } from '../grid/time';
import { formatInstant } from '../time/format';
import { plural } from '../text/words';

/** "840 KB", "12.3 MB", "1.20 GB": a file size as people read it (1 KB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)} ${units[u]}`;
}

const REASONS: Record<string, string> = {
  scheduled: 'Scheduled',
  'before-import': 'Before an import',
  'before-demo': 'Before loading the demo class',
  'before-overwrite': 'Before it was replaced by a saved copy',
  'before-restore': 'Before a restore',
};

/** Why a backup was taken, in words ("before-migration-v3" is "Before updating the file format (v3)"). */
export function backupReason(reason: string): string {
  const migration = /^before-migration-v(\d+)$/.exec(reason);
  if (migration) return `Before updating the file format (v${migration[1]})`;
  return REASONS[reason] ?? reason.replace(/[-_]+/g, ' ');
}

/** One backup as a row of the list: when (in the course's zone), why, size and what it holds. */
export function backupRow(b: BackupInfo, timeZone: string) {
  return {
    name: b.name,
    when: formatInstant(b.at, timeZone),
    reason: backupReason(b.reason),
    size: formatSize(b.size),
    holds: b.problem ?? `${plural(b.students ?? 0, 'student')}, ${plural(b.scores ?? 0, 'score')}`,
  };
}

function rowChanges(d: RowDiff, one: string, many?: string): string | null {
  const parts = [
    d.added && `${plural(d.added, one, many)} added`,
    d.removed && `${plural(d.removed, one, many)} removed`,
    d.changed && `${plural(d.changed, one, many)} changed`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/**
 * What differs between a backup and now, as lines: the counts, then what changed since the
 * backup (which a restore would undo).
 */
export function diffLines(d: BackupDiff): string[] {
  const counts = (c: BackupDiff['now']) => `${plural(c.students, 'student')}, ${plural(c.items, 'item')}, ${plural(c.scores, 'score')}`;
  const changes = [rowChanges(d.students, 'student'), rowChanges(d.items, 'item'), rowChanges(d.scores, 'score')].filter(
    (l): l is string => l !== null,
  );
  return [
    `The backup holds ${counts(d.backup)}; the course now holds ${counts(d.now)}.`,
    changes.length ? `Since the backup: ${changes.join('; ')}.` : 'Nothing has changed since the backup.',
  ];
}

/** The file name a restore suggests: the course name, "restored" and the backup's local time ("2026-12-01 10.18"). */
export function restoreName(courseName: string, at: string, timeZone: string): string {
  const when = instantToLocalInput(at, timeZone).replace('T', ' ').replace(':', '.');
  return `${courseName} restored ${when}`.replace(/[\\/:*?"<>|]+/g, '-');
}
