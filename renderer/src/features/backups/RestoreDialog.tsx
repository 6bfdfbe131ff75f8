import { useEffect, useState } from 'react';
import type { BackupDiff, BackupInfo } from '@shared/api';
import { backupRow, diffLines, restoreName } from '@shared/screens/backups';
import { api } from '../../api/client';
import { reloadAll } from '../../app/menuCommands';
import { useApp } from '../../stores/app';
import { Dialog } from '../common/Dialog';

/**
 * File > Restore from backup…: the open course's backups, what differs from now, and a restore
 * as a new course file (or, confirmed, over the open course after a backup of it).
 */
export function RestoreDialog({ onClose }: { onClose: () => void }) {
  const course = useApp((s) => s.app?.course ?? null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [diff, setDiff] = useState<BackupDiff | null>(null);
  const [name, setName] = useState('');
  const [confirmOver, setConfirmOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const timeZone = course?.policy.timeZone ?? 'UTC';

  const attempt = async <T,>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFailure(null);
    try {
      return await action();
    } catch (err) {
      setFailure(`${label} failed: ${(err as Error).message}`);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void attempt('Listing the backups', async () => setBackups(await api('backup.list', {})));
  }, []);

  const choose = (b: BackupInfo) => {
    setChosen(b);
    setDiff(null);
    setConfirmOver(false);
    setName(restoreName(course?.info.name ?? 'Course', b.at, timeZone));
    void attempt('Comparing the backup with now', async () => setDiff(await api('backup.diff', { backup: b.name })));
  };

  const restore = async (input: { file: string } | { replaceOpen: true }) => {
    if (!chosen) return;
    const done = await attempt('Restoring the backup', () => api('backup.restore', { backup: chosen.name, ...input }));
    if (!done) return;
    useApp.getState().setCourse(done.course);
    await reloadAll();
    const when = backupRow(chosen, timeZone).when;
    useApp.setState({
      notice: done.backupOfCurrent
        ? `Restored the backup of ${when} over the course; its state before the restore was backed up first.`
        : `Restored the backup of ${when} as ${done.course.file}, now open.`,
    });
    onClose();
  };

  return (
    <Dialog title="Restore from backup" onClose={onClose} wide>
      {backups === null ? (
        !failure && <p>Listing the backups…</p>
      ) : backups.length === 0 ? (
        <div className="empty">
          <p>This course has no backups yet. One is taken before every import and file update, and twice a day when the course opens.</p>
        </div>
      ) : (
        <fieldset className="backup-list">
          <legend>Backups of {course?.info.name}, newest first</legend>
          {backups.map((b) => {
            const row = backupRow(b, timeZone);
            return (
              <label key={b.name} className="backup-choice">
                <input
                  type="radio"
                  name="backup"
                  value={b.name}
                  checked={chosen?.name === b.name}
                  disabled={b.problem !== null}
                  onChange={() => choose(b)}
                />{' '}
                <strong>{row.when}</strong> · {row.reason} · {row.size} · {row.holds}
              </label>
            );
          })}
        </fieldset>
      )}
      {chosen && (
        <section aria-labelledby="restore-diff-title">
          <h3 id="restore-diff-title">Compared with now</h3>
          {diff ? diffLines(diff).map((line) => <p key={line}>{line}</p>) : !failure && <p>Comparing…</p>}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) void restore({ file: name.trim() });
              else setFailure('Enter a name for the new course file.');
            }}
          >
            <label>
              New course file <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <p className="muted">The open course stays as it is; the restored copy opens as a course of its own.</p>
            <div className="row">
              <button type="submit" className="primary" disabled={busy}>
                Restore as a new course
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirmOver(true)}>
                Restore over the open course…
              </button>
            </div>
          </form>
          {confirmOver && (
            <div role="group" aria-label="Confirm restoring over the open course" className="confirm">
              <p>
                This replaces the open course with the backup. Its current state is backed up first (listed here as “Before a restore”), so
                this can be undone by restoring that backup.
              </p>
              <div className="row">
                <button type="button" onClick={() => setConfirmOver(false)}>
                  Cancel
                </button>
                <button type="button" className="danger" disabled={busy} onClick={() => void restore({ replaceOpen: true })}>
                  Replace the open course
                </button>
              </div>
            </div>
          )}
        </section>
      )}
      {failure && (
        <div role="alert" className="form-error">
          {failure}
        </div>
      )}
      <div className="row end">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
