import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntry } from '@shared/api';
import { changeLines, entrySummary } from '@shared/screens/historyText';
import { studentName } from '@shared/model';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import '../common/screens.css';
import { ColumnHeads } from '../common/ColumnHeads';
import { formatInstant } from '@shared/time/format';

const PAGE = 50;

interface Filters {
  studentId: string;
  itemId: string;
  since: string;
  until: string;
}

/** "Who changed what, when, and why?" The course's audit trail, filterable, with undo and redo. */
export function History() {
  const { snapshot, undo, reload, mutate } = useCourse();
  const run = useApp((s) => s.run);
  const [filters, setFilters] = useState<Filters>({ studentId: '', itemId: '', since: '', until: '' });
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ entries: HistoryEntry[]; total: number } | null>(null);
  // A refused revert (a row was changed again since) stays on this screen, above the rows it is about.
  const [refused, setRefused] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await run('Loading the history', () =>
      api('history.list', {
        studentId: filters.studentId ? Number(filters.studentId) : undefined,
        itemId: filters.itemId ? Number(filters.itemId) : undefined,
        // Sent as days: the backend reads each as a whole day in the course's time zone.
        since: filters.since || undefined,
        until: filters.until || undefined,
        limit: PAGE,
        offset: page * PAGE,
      }),
    );
    if (result) setData(result);
  }, [run, filters, page]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    void load();
  }, [load, undo]);

  const revert = async (e: HistoryEntry) => {
    setRefused(null);
    const r = await mutate(`Reverting “${e.label}”`, () =>
      api('history.revert', { batchId: e.batchId }).catch((err: unknown) => {
        useApp.setState({ notice: null });
        setRefused(`“${e.label}” was not reverted: ${(err as Error).message}`);
        return null;
      }),
    );
    if (r?.label) useApp.setState({ notice: `Reverted: ${e.label}. Undo puts it back.` });
  };

  const setFilter = (patch: Partial<Filters>) => {
    setPage(0);
    setFilters({ ...filters, ...patch });
  };
  const students = [...(snapshot?.students ?? [])].sort((a, b) => studentName(a).localeCompare(studentName(b)));
  const items = snapshot?.items ?? [];
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  const timeZone = snapshot?.policy.timeZone ?? 'UTC';
  // One Revert per change: on the newest of its rows on this page.
  const revertRow = new Set<number>();
  const seen = new Set<number>();
  for (const e of data?.entries ?? []) {
    if (!e.revertible || seen.has(e.batchId)) continue;
    revertRow.add(e.id);
    seen.add(e.batchId);
  }

  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">History</h2>
      <form className="toolbar filters" aria-label="Filter the history" onSubmit={(e) => e.preventDefault()}>
        <label>
          Student{' '}
          <select value={filters.studentId} onChange={(e) => setFilter({ studentId: e.target.value })}>
            <option value="">All students</option>
            {students.map((s) => (
              <option key={s.id} value={s.id}>
                {studentName(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Item{' '}
          <select value={filters.itemId} onChange={(e) => setFilter({ itemId: e.target.value })}>
            <option value="">All items</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" value={filters.since} onChange={(e) => setFilter({ since: e.target.value })} />
        </label>
        <label>
          To <input type="date" value={filters.until} onChange={(e) => setFilter({ until: e.target.value })} />
        </label>
        <button type="button" onClick={() => setFilter({ studentId: '', itemId: '', since: '', until: '' })}>
          Clear filters
        </button>
      </form>
      {refused && (
        <div role="alert" className="form-error">
          {refused}
        </div>
      )}
      {data && data.entries.length === 0 ? (
        <p className="empty">No changes match these filters.</p>
      ) : (
        <table className="data" aria-label="Change history">
          <ColumnHeads columns={['When', 'Action', 'What', 'Change', 'Reason']} />
          <tbody>
            {data?.entries.map((e) => (
              <tr key={e.id}>
                <td>{formatInstant(e.at, timeZone)}</td>
                <td>
                  {e.label}
                  {revertRow.has(e.id) && (
                    <div>
                      <button
                        type="button"
                        className="revert"
                        aria-label={`Revert ${e.label}`}
                        title="Take back this change only, as a new step you can undo"
                        onClick={() => void revert(e)}
                      >
                        Revert
                      </button>
                    </div>
                  )}
                </td>
                <td>
                  {entrySummary(e)}
                  {e.subject && <div className="muted">{e.subject}</div>}
                </td>
                <td>
                  {changeLines(e, timeZone).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </td>
                <td>{e.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.total > PAGE && (
        <nav className="toolbar" aria-label="History pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span>
            Page {page + 1} of {pages} ({data.total} changes)
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}
