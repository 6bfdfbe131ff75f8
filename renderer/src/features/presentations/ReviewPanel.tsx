import { useCallback, useMemo, useState } from 'react';
import type { Verification } from '@shared/api';
import { reviewModel } from '@shared/screens/presentationReview';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import { download } from '../excel/files';
import { Pending, useCourseData } from './data';
import { PresentationsChart } from './PresentationsChart';
import { plural } from '@shared/text/words';

/** Not presented yet: an icon and words, never the colour alone. */
function NotYet() {
  return <span className="badge not-yet">⚠ not presented yet</span>;
}

/** The end-of-term review: did every team and every student have their turn, and does every draw verify? */
export function ReviewPanel() {
  const snapshot = useCourse((s) => s.snapshot);
  const run = useApp((s) => s.run);
  const { data: review, failed } = useCourseData(
    'the review',
    useCallback(() => api('presentation.review', {}), []),
  );
  const [verified, setVerified] = useState<{ ok: boolean; results: Verification[] } | null>(null);
  const timeZone = snapshot?.policy.timeZone ?? 'UTC';
  const model = useMemo(() => (review ? reviewModel(review, timeZone) : null), [review, timeZone]);
  if (!model) return <Pending what="the review" failed={failed} />;
  const checked = new Map(verified?.results.map((v) => [v.drawId, v]));

  const verifyAll = async () => {
    const r = await run('Verifying the draws', () => api('draw.verifyAll', {}));
    if (!r) return;
    setVerified(r);
    const bad = r.results.filter((v) => !v.ok).length;
    useApp.setState(
      bad
        ? { error: `${plural(bad, 'draw')} of ${r.results.length} did not verify: see the Draws table.` }
        : {
            notice: `Every draw verifies (${plural(r.results.length, 'draw')}): each re-computed from its stored seed and candidates gives its stored result.`,
          },
    );
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    const file = await run('Exporting the presentations', () => api('presentation.export', { format }));
    if (file) download(file);
  };

  return (
    <div className="review">
      <div className="toolbar">
        <span className="spacer" />
        <button type="button" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')}>
          Export Excel
        </button>
      </div>
      <p className="review-summary">
        {model.teams.some((t) => t.notPresented) ? '⚠ ' : '✓ '}
        {model.teamSummary}
      </p>
      {model.teams.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Presentations by week and team (scrolls)">
          <table className="data review-grid" aria-label="Presentations by week and team">
            <thead>
              <tr>
                <th scope="col">Week</th>
                {model.teams.map((t) => (
                  <th key={t.teamId} scope="col" className={t.notPresented ? 'not-yet' : undefined}>
                    {t.name} {t.notPresented && <NotYet />}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.weeks.map((w, i) => (
                <tr key={w.week}>
                  <th scope="row">
                    {w.label}
                    {w.dates.map((d) => (
                      <div key={d} className="muted">
                        {d}
                      </div>
                    ))}
                  </th>
                  {model.teams.map((t) => (
                    <td key={t.teamId} className={t.notPresented ? 'not-yet' : undefined}>
                      {t.cells[i]!.map((e) => (
                        <div key={e.presentationId} className="review-entry">
                          <div>{e.readings}</div>
                          <div className="muted">{e.presenters}</div>
                          <div>
                            <strong>{e.grade}</strong> <span className="muted">{e.date}</span>
                          </div>
                        </div>
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Presented</th>
                {model.teams.map((t) => (
                  <td key={t.teamId} className={t.notPresented ? 'not-yet' : undefined}>
                    {plural(t.presented, 'time')}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Last presented</th>
                {model.teams.map((t) => (
                  <td key={t.teamId}>{t.lastDate ?? 'never'}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Turns drawn</th>
                {model.teams.map((t) => (
                  <td key={t.teamId}>{t.turns}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      <PresentationsChart bars={model.chart} fileName={`${snapshot?.course.name ?? 'Course'} presentations per team.png`} />

      <h3 className="section-title">Students</h3>
      <p className="review-summary">
        {model.students.some((s) => s.notPresented) ? '⚠ ' : '✓ '}
        {model.studentSummary}
      </p>
      {model.students.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Times each student presented (scrolls)">
          <table className="data compact" aria-label="Times each student presented">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Team</th>
                <th scope="col" className="num">
                  Times presented
                </th>
              </tr>
            </thead>
            <tbody>
              {model.students.map((s) => (
                <tr key={s.studentId} className={s.notPresented ? 'not-yet' : undefined}>
                  <th scope="row">
                    {s.name} {s.notPresented && <NotYet />}
                  </th>
                  <td>{s.team}</td>
                  <td className="num">{s.presented}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="toolbar section-title">
        <h3>Draws ({model.draws.length})</h3>
        <span className="spacer" />
        <button type="button" className="primary" disabled={model.draws.length === 0} onClick={() => void verifyAll()}>
          Verify all draws
        </button>
      </div>
      {model.draws.length === 0 ? (
        <p className="muted">No draws yet. Draw a team on the Draw tab.</p>
      ) : (
        <table className="data" aria-label="Draws">
          <thead>
            <tr>
              <th scope="col">Draw</th>
              <th scope="col">Session</th>
              <th scope="col">Seed</th>
              <th scope="col">Candidates (turns before)</th>
              <th scope="col">Left out</th>
              <th scope="col">Drawn</th>
              <th scope="col">Rule</th>
              <th scope="col">Verification</th>
            </tr>
          </thead>
          <tbody>
            {model.draws.map((d) => {
              const v = checked.get(d.id);
              const ok = v ? v.ok : d.verified;
              return (
                <tr key={d.id} className={d.withdrawn ? 'dim' : undefined}>
                  <th scope="row">
                    {d.id}
                    {d.withdrawn && <div className="badge">withdrawn</div>}
                  </th>
                  <td>
                    Week {d.week}, {d.session}
                    <div className="muted">{d.drawnAt}</div>
                  </td>
                  <td>
                    <code>{d.seed}</code>
                    <div className="muted">{d.algorithm}</div>
                  </td>
                  <td>{d.candidates}</td>
                  <td>{d.excluded}</td>
                  <td>{d.drawn}</td>
                  <td>
                    {d.rule}
                    {d.redrawReason && <div className="muted">Redraw: {d.redrawReason}</div>}
                    {d.withdrawn && <div className="muted">{d.withdrawn}</div>}
                  </td>
                  <td className={ok ? 'ok-text' : 'field-error'}>
                    {ok ? '✓ ' : '✗ '}
                    {v?.message ?? d.verification}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
