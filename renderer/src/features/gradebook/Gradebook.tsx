import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { SortColumn } from 'react-data-grid';
import { order as rowOrder } from '@shared/grid';
import type { Item } from '@shared/model';
import { VIEW_CHOICE } from '@shared/screens/finalGrades';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useExcel } from '../excel/store';
import { courseKey, useCourse } from '../../stores/course';
import { useGradebook, type GridRow } from '../../stores/gradebook';
import { CellMenu } from './CellMenu';
import { VIEW_WORDS } from './columns';
import { ScoreGrid, type ScoreGridHandle } from './ScoreGrid';
import { useStatistics } from './StatsButton';
import './gradebook.css';

// Loaded when first opened: its histogram is drawn by recharts, which the grid's open need not wait for.
const StatisticsDialog = lazy(() => import('./StatisticsDialog').then((m) => ({ default: m.StatisticsDialog })));

type StatusFilter = '' | 'missing' | 'late' | 'integrity' | 'borderline' | 'override';

/** "What has everyone got on everything?": the score grid with its filters, weights and empty state. */
export function Gradebook() {
  const { app, run, setCourse, setScreen } = useApp();
  const openImport = useExcel((s) => s.openImport);
  const course = app?.course;
  const { snapshot, file, rows, itemIndex, shape, view, setView, load, show } = useGradebook();
  const shared = useCourse((s) => s.snapshot);
  const statistics = useStatistics((s) => s.target);
  const [search, setSearch] = useState('');
  const [section, setSection] = useState('');
  const [team, setTeam] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [withdrawn, setWithdrawn] = useState(false);
  const [sortColumns, setSortColumns] = useState<readonly SortColumn[]>([]);
  const [menu, setMenu] = useState<{ studentId: number; item: Item } | null>(null);
  const [activeCell, setActiveCell] = useState<{ row: GridRow; item: Item } | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const scoreGrid = useRef<ScoreGridHandle>(null);

  // The shared snapshot is fetched once per course state; coming back to this screen reuses it.
  const key = courseKey(course);
  useEffect(() => {
    if (key && key !== useCourse.getState().key) void load();
  }, [key, load]);
  useEffect(() => {
    if (shared) show();
  }, [shared, show]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The row order follows the filters and the sort, not each edit: rows do not jump while typing.
  const latest = useRef(rows);
  latest.current = rows;
  const order = useMemo(
    () =>
      rowOrder(
        latest.current.values(),
        { search, section, team, status, withdrawn },
        snapshot?.memberships ?? [],
        sortColumns[0],
        view,
        itemIndex,
      ),
    [shape, snapshot?.memberships, withdrawn, section, team, status, search, sortColumns, itemIndex, view], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const visible = useMemo(() => order.map((id) => rows.get(id)).filter((r): r is GridRow => r !== undefined), [order, rows]);

  if (!course) return null;
  const sections = [...new Set((snapshot?.students ?? []).map((s) => s.section).filter((s): s is string => !!s))].sort();
  const loadDemo = async () => {
    const next = await run('Loading the demo class', () => api('course.loadDemo', {}));
    if (next) setCourse(next);
  };
  const empty = course.counts.students === 0;
  const noItems = !empty && course.counts.items === 0;
  // Only a grid built from a snapshot of the open course file is shown or edited.
  const ready = snapshot !== null && file === course.file;

  return (
    <section aria-labelledby="screen-title" className="gb-screen">
      <div className="gb-head">
        <h2 id="screen-title">Gradebook</h2>
        <table className="weights gb-weights" aria-label="Grade weights">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Weight</th>
            </tr>
          </thead>
          <tbody>
            {course.categories.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.weight}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {empty ? (
        <div className="empty gb-empty">
          <p>No students yet. Import a class list (Excel or CSV), add a student, or try the app with a demo class.</p>
          <div className="row">
            <button type="button" onClick={() => openImport('roster')}>
              Import a class list…
            </button>
            <button type="button" onClick={() => setScreen('Roster')}>
              Add a student
            </button>
            <button type="button" onClick={() => void loadDemo()}>
              Load demo class
            </button>
          </div>
        </div>
      ) : noItems ? (
        <div className="empty gb-empty">
          <p>No items yet. Add items in Settings › Items.</p>
          <button type="button" onClick={() => setScreen('Settings', 'Items')}>
            Go to Settings › Items
          </button>
        </div>
      ) : !ready ? (
        <p role="status" className="empty">
          Loading the course…
        </p>
      ) : (
        <>
          <div
            className="gb-toolbar"
            role="toolbar"
            aria-label="Gradebook tools"
            onKeyDown={(e) => {
              // F6 goes back and forth between the toolbar and the grid.
              if (e.key !== 'F6') return;
              e.preventDefault();
              scoreGrid.current?.focus();
            }}
          >
            <input
              ref={searchBox}
              type="search"
              placeholder="Search name or ID (Ctrl+F)"
              aria-label="Search students"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            {sections.length > 0 && (
              <select aria-label="Section" value={section} onChange={(e) => setSection(e.target.value)}>
                <option value="">All sections</option>
                {sections.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            )}
            {(snapshot?.teams.length ?? 0) > 0 && (
              <select aria-label="Team" value={team} onChange={(e) => setTeam(e.target.value)}>
                <option value="">All teams</option>
                {snapshot!.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
            <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              <option value="">Any status</option>
              <option value="missing">Has missing work</option>
              <option value="late">Has late work</option>
              <option value="integrity">Integrity finding</option>
              <option value="borderline">Borderline</option>
              <option value="override">Overridden</option>
            </select>
            <label>
              <input type="checkbox" checked={withdrawn} onChange={(e) => setWithdrawn(e.target.checked)} /> Show withdrawn
            </label>
            <span className="gb-spacer" />
            <button
              type="button"
              disabled={!activeCell}
              onClick={() => activeCell && setMenu({ studentId: activeCell.row.student.id, item: activeCell.item })}
            >
              Cell details…
            </button>
          </div>
          <div className="gb-subbar">
            <p className="gb-count">
              {visible.length} of {rows.size} students · type a score, EX (excused) or MI (missing); Shift+F10 for late, extension, waiver,
              comment and history.
            </p>
            <div role="radiogroup" aria-label="Grade view" className="gb-view">
              <span className="gb-view-label">Showing</span>
              {(['current', 'final'] as const).map((v) => (
                <label key={v} title={VIEW_WORDS[v]} className={v === view ? 'is-on' : undefined}>
                  <input type="radio" name="gb-view" value={v} checked={v === view} onChange={() => setView(v)} />
                  {VIEW_CHOICE[v]}
                </label>
              ))}
            </div>
          </div>
          <ScoreGrid
            snapshot={snapshot}
            rows={visible}
            sortColumns={sortColumns}
            onSortColumnsChange={setSortColumns}
            onOpenMenu={(row, item) => setMenu({ studentId: row.student.id, item })}
            onActiveCell={setActiveCell}
            onLeave={() => searchBox.current?.focus()}
            ref={scoreGrid}
          />
        </>
      )}
      {ready && statistics && (
        <Suspense>
          <StatisticsDialog />
        </Suspense>
      )}
      {menu && ready && <CellMenu studentId={menu.studentId} item={menu.item} onClose={() => setMenu(null)} />}
    </section>
  );
}
