import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Draw, DrawCandidates, Exclusion } from '@shared/api';
import { EMPTY_DRAW, defaultSession, formToDraw, sessionLabel, type DrawForm } from '@shared/screens/presentationForm';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import { Field } from '../common/Dialog';
import type { FieldErrors } from '@shared/screens/fields';
import { Pending, useCourseData } from './data';
import { DrawList } from './DrawList';
import { Projector } from './Projector';
import { RecordDialog } from './RecordDialog';
import { plural } from '@shared/text/words';

/** Choose a session, see who can be drawn and why others cannot, draw, and show the result. */
export function DrawPanel() {
  const timeZone = useCourse((s) => s.snapshot?.policy.timeZone ?? 'UTC');
  const mutate = useCourse((s) => s.mutate);
  const setScreen = useApp((s) => s.setScreen);
  const sessions = useCourseData(
    'the class sessions',
    useCallback(() => api('draw.sessions', {}), []),
  );
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [exclusions, setExclusions] = useState<Exclusion[]>([]);
  const [form, setForm] = useState<DrawForm>(EMPTY_DRAW);
  const [errors, setErrors] = useState<FieldErrors<DrawForm>>({});
  const [excusing, setExcusing] = useState<{ teamId: number; name: string; reason: string; error?: string } | null>(null);
  const [lastDraw, setLastDraw] = useState<Draw | null>(null);
  const [projecting, setProjecting] = useState<number | null>(null);
  const [recording, setRecording] = useState<{ sessionId: number; teamId: number; drawId: number } | null>(null);

  const list = sessions.data;
  useEffect(() => {
    if (list && sessionId === null) setSessionId(defaultSession(list, Date.now(), timeZone)?.id ?? null);
  }, [list, sessionId, timeZone]);

  const candidates = useCourseData(
    'the teams that can be drawn',
    useCallback(
      () =>
        sessionId === null ? Promise.resolve(null) : api('draw.candidates', { sessionId, ...(exclusions.length ? { exclusions } : {}) }),
      [sessionId, exclusions],
    ),
  ).data;
  const draws = useCourseData(
    'the draws of this session',
    useCallback(() => (sessionId === null ? Promise.resolve([]) : api('draw.list', { sessionId })), [sessionId]),
  ).data;
  const fewest = useMemo(() => new Set(candidates?.fewestTurns), [candidates]);
  // The result stays on screen while its draw is in effect (undo withdraws it).
  const shown = lastDraw && draws?.find((d) => d.id === lastDraw.id && !d.withdrawnAt);

  if (!list) return <Pending what="the class sessions" failed={sessions.failed} />;
  if (list.length === 0)
    return (
      <div className="empty">
        <p>No class sessions yet. A draw happens in a class session: add sessions and take the roll on the Attendance screen.</p>
        <button type="button" className="primary" onClick={() => setScreen('Attendance')}>
          Go to Attendance
        </button>
      </div>
    );

  const set = (patch: Partial<DrawForm>) => setForm({ ...form, ...patch });
  const chooseSession = (id: number) => {
    setSessionId(id);
    setExclusions([]);
    setErrors({});
    setLastDraw(null);
  };
  const run = async (c: DrawCandidates) => {
    const r = formToDraw(form, c, exclusions);
    setErrors(r.ok ? {} : r.errors);
    if (!r.ok) return;
    const draw = await mutate('Drawing', () => api('draw.run', r.input));
    if (!draw) return;
    setLastDraw(draw);
    setForm({ ...EMPTY_DRAW, teams: form.teams });
    useApp.setState({ notice: `Drew ${draw.teams.map((t) => t.name).join(', ')} (seed ${draw.seed}). Ctrl+Z withdraws the draw.` });
  };
  const excuse = () => {
    if (!excusing) return;
    if (!excusing.reason.trim()) {
      setExcusing({ ...excusing, error: `Say why ${excusing.name} is excused this week; the reason is stored with the draw.` });
      return;
    }
    setExclusions([...exclusions, { teamId: excusing.teamId, reason: excusing.reason.trim() }]);
    setExcusing(null);
  };

  return (
    <div className="draw-panel">
      <div className="toolbar">
        <label>
          Session{' '}
          <select value={sessionId ?? ''} onChange={(e) => chooseSession(Number(e.target.value))}>
            {list.map((s) => (
              <option key={s.id} value={s.id}>
                {sessionLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {candidates && (
        <div className="side-by-side">
          <section className="panel" aria-labelledby="candidates-title">
            <h3 id="candidates-title">Candidates ({plural(candidates.eligible.length, 'team')})</h3>
            {!candidates.session.rollTaken && (
              <p className="muted">The roll of this session was not taken, so every team is a candidate.</p>
            )}
            {candidates.eligible.length > 0 && (
              <table className="data compact candidates" aria-label="Candidates">
                <thead>
                  <tr>
                    <th scope="col">Team</th>
                    <th scope="col" className="num">
                      Turns so far
                    </th>
                    <th scope="col">Present</th>
                    <th scope="col">Fairness rule</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.eligible.map((c) => (
                    <tr key={c.teamId}>
                      <th scope="row">{c.name}</th>
                      <td className="num">{c.turns}</td>
                      <td>
                        {c.membersPresent} of {c.members}
                      </td>
                      <td>{fewest.has(c.teamId) ? '✓ can be drawn now' : '– waits: more turns than others'}</td>
                      <td>
                        <button
                          type="button"
                          aria-label={`Excuse ${c.name}`}
                          onClick={() => setExcusing({ teamId: c.teamId, name: c.name, reason: '' })}
                        >
                          Excuse
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {excusing && (
              <form
                className="inline-form"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  excuse();
                }}
              >
                <Field label={`Why is ${excusing.name} excused this week?`} error={excusing.error}>
                  {(p) => (
                    <input
                      {...p}
                      autoFocus
                      value={excusing.reason}
                      onChange={(e) => setExcusing({ ...excusing, reason: e.target.value })}
                    />
                  )}
                </Field>
                <button type="submit">Excuse</button>{' '}
                <button type="button" onClick={() => setExcusing(null)}>
                  Cancel
                </button>
              </form>
            )}
            <h4>Not in this draw ({plural(candidates.excluded.length, 'team')})</h4>
            {candidates.excluded.length === 0 ? (
              <p className="muted">No team is left out.</p>
            ) : (
              <ul className="excluded">
                {candidates.excluded.map((x) => (
                  <li key={x.teamId}>
                    <strong>{x.name}</strong> ({x.kind === 'absent' ? 'nobody present' : 'excused'}): {x.reason}
                    {x.kind === 'excused' && (
                      <>
                        {' '}
                        <button type="button" onClick={() => setExclusions(exclusions.filter((e) => e.teamId !== x.teamId))}>
                          Include {x.name} again
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="run-title">
            <h3 id="run-title">Draw</h3>
            {candidates.blocked && (
              <p role="status" className="form-error">
                {candidates.blocked}
              </p>
            )}
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void run(candidates);
              }}
            >
              <div className="grid-2">
                <Field label="How many teams" error={errors.teams}>
                  {(p) => <input {...p} type="number" min={1} value={form.teams} onChange={(e) => set({ teams: e.target.value })} />}
                </Field>
                <Field label="Seed (optional: empty picks a fresh one)">
                  {(p) => <input {...p} value={form.seed} onChange={(e) => set({ seed: e.target.value })} />}
                </Field>
              </div>
              <label className="check">
                <input type="checkbox" checked={form.liftRule} onChange={(e) => set({ liftRule: e.target.checked })} /> Lift the fairness
                rule for this draw (any candidate can be drawn)
              </label>
              {form.liftRule && (
                <Field label="Why is the rule lifted?" error={errors.liftReason}>
                  {(p) => <input {...p} value={form.liftReason} onChange={(e) => set({ liftReason: e.target.value })} />}
                </Field>
              )}
              {candidates.earlierDraws.length > 0 && (
                <Field label="This session already has a draw. Why draw again?" error={errors.redrawReason}>
                  {(p) => <input {...p} value={form.redrawReason} onChange={(e) => set({ redrawReason: e.target.value })} />}
                </Field>
              )}
              <div className="row">
                <button type="submit" className="primary" disabled={candidates.blocked !== null}>
                  {candidates.earlierDraws.length > 0 ? 'Draw again' : 'Draw'}
                </button>
              </div>
            </form>
            {shown && (
              <div className="draw-result" role="status">
                <p>
                  Drawn: <strong>{shown.teams.map((t) => t.name).join(', ')}</strong>. Seed <code>{shown.seed}</code>.
                </p>
                {/* Focus goes here after a draw: Enter puts the result in front of the class. */}
                <button type="button" className="primary" autoFocus onClick={() => setProjecting(shown.id)}>
                  Show on projector
                </button>
              </div>
            )}
          </section>
        </div>
      )}
      {draws && draws.length > 0 && (
        <DrawList
          draws={draws}
          timeZone={timeZone}
          onProject={setProjecting}
          onRecord={(d, teamId) => setRecording({ sessionId: d.sessionId, teamId, drawId: d.id })}
        />
      )}
      {projecting !== null && <Projector drawId={projecting} onClose={() => setProjecting(null)} />}
      {recording && <RecordDialog start={recording} onClose={() => setRecording(null)} />}
    </div>
  );
}
