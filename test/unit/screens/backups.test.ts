import { describe, expect, it } from 'vitest';
import { backupReason, backupRow, diffLines, formatSize, restoreName } from '@shared/screens/backups';

const ZONE = 'America/New_York';

describe('backup list', () => {
  it.each([
    [1, '1 byte'],
    [900, '900 bytes'],
    [2048, '2.00 KB'],
    [15 * 1024 ** 2 + 300_000, '15.3 MB'],
    [3 * 1024 ** 3, '3.00 GB'],
  ])('%d bytes read as %s', (bytes, text) => expect(formatSize(bytes)).toBe(text));

  it('says why a backup was taken in words', () => {
    expect(backupReason('before-import')).toBe('Before an import');
    expect(backupReason('before-migration-v3')).toBe('Before updating the file format (v3)');
    expect(backupReason('some_new-reason')).toBe('some new reason');
  });

  it('shows when in the course zone, and what it holds with plurals, or why it cannot be read', () => {
    const b = {
      name: 'n.gradebook',
      file: '/x/n.gradebook',
      at: '2026-12-01T15:18:20.000Z',
      reason: 'scheduled',
      size: 4096,
      problem: null,
    };
    expect(backupRow({ ...b, students: 1, scores: 0 }, ZONE)).toEqual({
      name: 'n.gradebook',
      when: 'Tue 1 Dec, 10:18 am EST',
      reason: 'Scheduled',
      size: '4.00 KB',
      holds: '1 student, 0 scores',
    });
    expect(backupRow({ ...b, students: null, scores: null, problem: 'damaged' }, ZONE).holds).toBe('damaged');
  });
});

describe('backup diff', () => {
  const counts = { students: 40, items: 30, scores: 900 };
  const none = { added: 0, removed: 0, changed: 0 };
  it('tells the counts, then what changed since the backup', () => {
    expect(
      diffLines({
        backup: counts,
        now: { ...counts, students: 41 },
        students: { added: 1, removed: 0, changed: 0 },
        items: none,
        scores: { added: 0, removed: 2, changed: 1 },
      }),
    ).toEqual([
      'The backup holds 40 students, 30 items, 900 scores; the course now holds 41 students, 30 items, 900 scores.',
      'Since the backup: 1 student added; 2 scores removed, 1 score changed.',
    ]);
  });
  it('says so when nothing changed', () => {
    expect(diffLines({ backup: counts, now: counts, students: none, items: none, scores: none })[1]).toBe(
      'Nothing has changed since the backup.',
    );
  });
});

describe('restore name', () => {
  it('names the course and the backup time in the course zone, as a plain file name', () => {
    expect(restoreName('IE 7374: ML/Ops', '2026-12-01T15:18:20.000Z', ZONE)).toBe('IE 7374- ML-Ops restored 2026-12-01 10.18');
  });
});
