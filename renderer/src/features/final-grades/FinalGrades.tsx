import { useEffect, useMemo, useState } from 'react';
import { bandDistribution, bandsHighestFirst, cutoffLines, histogram } from '@shared/charts/distribution';
import { computeCourse, type Flag, type View } from '@shared/grading';
import type { CourseSnapshot } from '@shared/model';
import { plural } from '@shared/text/words';
import { finalRows, sortRows, VIEW_CHOICE, type FinalRow, type SortKey } from '@shared/screens/finalGrades';
import { withBands, type BandRow } from '@shared/screens/policyForm';
import { api } from '../../api/client';
import { BandChart } from '../../components/charts/BandChart';
import { useCourse } from '../../stores/course';
import '../common/screens.css';
import { BandsEditor } from '../settings/BandsEditor';
import { ExplainPanel } from './ExplainPanel';
import { OverrideDialog } from './OverrideDialog';
import { ReportDialog } from '../reports/ReportDialog';
import type { ReportTarget } from '@shared/screens/reportForm';

const FLAG_TEXT: Partial<Record<Flag, { text: string; className: string; icon: string }>> = {
  override: { text: 'Overridden', className: 'pin', icon: 'M8 1l3 3-2 1v4l2 2H5l2-2V5L5 4z M8 11v4' },
  integrity: { text: 'Integrity finding', className: 'shield', icon: 'M8 1l6 2v5c0 4-3 6-6 7-3-1-6-3-6-7V3z' },
  borderline: { text: 'Borderline', className: 'edge', icon: 'M2 14h12 M8 2v12' },
  'low-attendance': { text: 'Low attendance', className: 'low-attendance', icon: 'M2 4h12v10H2z M2 7h12 M5 2v3 M11 2v3 M6 10l4 2' },
};

function FlagBadges({ row }: { row: FinalRow }) {
  return (
    <>
      {row.flags.map((f) => {
        const b = FLAG_TEXT[f];
        if (!b) return null;
        const title = f === 'override' ? `Overridden (computed: ${row.computedLetter ?? 'none'}). Reason: ${row.overrideReason}` : b.text;
        return (
          <span key={f} className={`badge ${b.className}`} title={title}>
            <svg width="10" height="10" viewBox="0 0 16 16" aria-hidden="true">
              <path d={b.icon} fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>{' '}
            {b.text}
          </span>
        );
      })}
    </>
  );
}

/** Grades every student with the engine, for the saved policy or a previewed one. */
function compute(snapshot: CourseSnapshot, view: View) {
  const result = computeCourse(snapshot);
  return { result, rows: finalRows(snapshot.students, result.students, view) };
}

/** "What letter does each student get, and why?" */
export function FinalGrades() {
  const { snapshot, reload, mutate } = useCourse();
  const [view, setView] = useState<View>('final');
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [selected, setSelected] = useState<number | null>(null);
  const [dialog, setDialog] = useState<{ studentId: number; mode: 'set' | 'clear' } | null>(null);
  const [preview, setPreview] = useState<BandRow[] | null>(null);
  /** undefined: no Report… dialog; null: the class's. */
  const [report, setReport] = useState<ReportTarget | undefined>(undefined);
  useEffect(() => {
    void reload();
  }, [reload]);

  const saved = useMemo(() => (snapshot ? compute(snapshot, view) : null), [snapshot, view]);
  const previewPolicy = useMemo(() => (snapshot && preview ? withBands(snapshot.policy, preview) : null), [snapshot, preview]);
  const previewed = useMemo(
    () => (snapshot && previewPolicy ? compute({ ...snapshot, policy: previewPolicy }, view) : null),
    [snapshot, view, previewPolicy],
  );

  if (!snapshot || !saved) return <h2 id="screen-title">Final grades</h2>;
  const bands = bandsHighestFirst(snapshot.policy.bands);
  const letters = bands.map((b) => b.letter);
  const rows = sortRows(saved.rows, sort.key, sort.dir, letters);
  const categories = [...snapshot.categories].sort((a, b) => a.position - b.position);
  const chartBands = previewPolicy?.bands ?? snapshot.policy.bands;
  const chartRows = previewed?.rows ?? saved.rows;
  const distribution = bandDistribution(
    chartBands,
    chartRows.map((r) => r.letter),
  );
  const bins = histogram(
    chartRows.map((r) => r.percent),
    5,
  );
  const changed = previewPolicy !== null && JSON.stringify(previewPolicy.bands) !== JSON.stringify(snapshot.policy.bands);
  const selectedRow = saved.rows.find((r) => r.studentId === selected);
  const selectedResult = saved.result.students.find((r) => r.studentId === selected);
  const dialogRow = dialog && saved.rows.find((r) => r.studentId === dialog.studentId);

  const header = (key: SortKey, label: string, num = false) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={num ? 'num' : undefined} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort"
          onClick={() =>
            setSort({ key, dir: active && sort.dir === 'asc' ? 'desc' : active ? 'asc' : num || key === 'letter' ? 'desc' : 'asc' })
          }
        >
          {label} {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </button>
      </th>
    );
  };

  const savePreview = async () => {
    if (!previewPolicy) return;
    const drafts = categories.map(({ position: _p, ...c }) => c);
    if (await mutate('Saving the cut-offs', () => api('policy.save', { policy: previewPolicy, categories: drafts }))) setPreview(null);
  };

  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Final grades</h2>
      <div className="toolbar">
        <fieldset className="view-choice">
          <legend>Showing</legend>
          {(['current', 'final'] as const).map((v) => (
            <label key={v} className="check">
              <input type="radio" name="view" checked={view === v} onChange={() => setView(v)} /> {VIEW_CHOICE[v]}
            </label>
          ))}
        </fieldset>
        <span className="spacer" />
        <button type="button" onClick={() => setReport(null)}>
          Report…
        </button>
        <span className="muted">Borderline: within {plural(snapshot.policy.borderlineDistance, 'point')} of the next band.</span>
      </div>
      {saved.result.policyProblems.length > 0 && (
        <div role="status" className="form-error">
          The policy has problems; grades follow it as it is: {saved.result.policyProblems.map((p) => p.message).join(' ')}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="empty">No enrolled students yet. Add students on the Roster screen.</p>
      ) : (
        <div className="final-layout">
          <div className="table-wrap">
            <table className="data" aria-label="Final grades">
              <thead>
                <tr>
                  {header('name', 'Student')}
                  {header('registrarId', 'ID')}
                  {categories.map((c) => (
                    <th
                      key={c.id}
                      scope="col"
                      className="num category"
                      aria-sort={sort.key === `category:${c.id}` ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    >
                      <button
                        type="button"
                        className="sort"
                        onClick={() =>
                          setSort({ key: `category:${c.id}`, dir: sort.key === `category:${c.id}` && sort.dir === 'desc' ? 'asc' : 'desc' })
                        }
                      >
                        {c.name} {sort.key === `category:${c.id}` ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                      </button>
                    </th>
                  ))}
                  {header('percent', view === 'final' ? 'Final %' : 'Current %', true)}
                  {header('letter', 'Letter')}
                  <th scope="col">Flags</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.studentId} aria-selected={r.studentId === selected}>
                    <td className="student">{r.name}</td>
                    <td>{r.registrarId}</td>
                    {categories.map((c) => (
                      <td key={c.id} className="num">
                        {r.categories[c.id] == null ? '—' : `${r.categories[c.id]}%`}
                      </td>
                    ))}
                    <td className="num">{r.display === null ? '—' : `${r.display}%`}</td>
                    <td>
                      <strong>{r.letter ?? '—'}</strong>
                    </td>
                    <td>
                      <FlagBadges row={r} />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Explain ${r.name}`}
                        aria-pressed={r.studentId === selected}
                        onClick={() => setSelected(r.studentId)}
                      >
                        Explain
                      </button>{' '}
                      <button
                        type="button"
                        aria-label={`Override ${r.name}`}
                        onClick={() => setDialog({ studentId: r.studentId, mode: 'set' })}
                      >
                        Override
                      </button>{' '}
                      <button
                        type="button"
                        aria-label={`Report for ${r.name}`}
                        onClick={() => setReport({ studentId: r.studentId, name: r.name })}
                      >
                        Report…
                      </button>
                      {r.flags.includes('override') && (
                        <>
                          {' '}
                          <button
                            type="button"
                            aria-label={`Clear override of ${r.name}`}
                            onClick={() => setDialog({ studentId: r.studentId, mode: 'clear' })}
                          >
                            Clear
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {selectedRow && selectedResult && (
            <ExplainPanel
              name={selectedRow.name}
              result={selectedResult}
              view={view}
              onReport={() => setReport({ studentId: selectedRow.studentId, name: selectedRow.name })}
            />
          )}
        </div>
      )}

      <h3 className="section-title">Distribution</h3>
      <BandChart
        distribution={distribution}
        bins={bins}
        cutoffs={cutoffLines(chartBands)}
        caption={changed ? 'Preview with the edited cut-offs (not saved)' : `Letter bands, ${view} view`}
        fileName={`${snapshot.course.name} band distribution.png`}
      >
        <section className="panel preview" aria-labelledby="preview-title">
          <h3 id="preview-title">Try other cut-offs</h3>
          <p className="muted">Edit a lower bound to see the new distribution before saving it.</p>
          <BandsEditor
            label="Preview bands"
            rows={preview ?? bands.map((b) => ({ letter: b.letter, min: String(b.min) }))}
            onChange={setPreview}
          />
          {preview && !previewPolicy && <p className="field-error">Every band needs a letter and a number to preview.</p>}
          <div className="row">
            <button type="button" className="primary" disabled={!changed} onClick={() => void savePreview()}>
              Save these cut-offs
            </button>
            <button type="button" disabled={!preview} onClick={() => setPreview(null)}>
              Reset
            </button>
          </div>
        </section>
      </BandChart>
      {report !== undefined && <ReportDialog target={report} view={view} onClose={() => setReport(undefined)} />}
      {dialog && dialogRow && (
        <OverrideDialog
          studentId={dialog.studentId}
          name={dialogRow.name}
          bands={bands}
          mode={dialog.mode}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
