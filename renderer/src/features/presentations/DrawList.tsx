import { useEffect, useState } from 'react';
import type { Draw } from '@shared/api';
import { drawRow, recordedForDraw } from '@shared/screens/presentationReview';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import { Field, FormDialog } from '../common/Dialog';

/** The draws of a session, withdrawn ones too, each with what it stored and what to do next. */
export function DrawList({
  draws,
  timeZone,
  onProject,
  onRecord,
}: {
  draws: readonly Draw[];
  timeZone: string;
  onProject: (drawId: number) => void;
  onRecord: (draw: Draw, teamId: number) => void;
}) {
  const [withdrawing, setWithdrawing] = useState<Draw | null>(null);
  return (
    <section className="panel" aria-labelledby="session-draws-title">
      <h3 id="session-draws-title">Draws in this session</h3>
      <table className="data" aria-label="Draws in this session">
        <thead>
          <tr>
            <th scope="col">Drawn</th>
            <th scope="col">Teams</th>
            <th scope="col">Seed</th>
            <th scope="col">Rule</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {draws.map((d) => {
            const row = drawRow(d, timeZone);
            return (
              <tr key={d.id} className={row.withdrawn ? 'dim' : undefined}>
                <td>{row.drawnAt}</td>
                <td>{row.drawn}</td>
                <td>
                  <code>{row.seed}</code>
                </td>
                <td>
                  {row.rule}
                  {row.redrawReason && <div className="muted">Redraw: {row.redrawReason}</div>}
                </td>
                <td>{row.withdrawn ?? 'In effect'}</td>
                <td className="actions">
                  {!row.withdrawn && (
                    <>
                      <button type="button" onClick={() => onProject(d.id)}>
                        Show on projector
                      </button>
                      {d.teams.map((t) => (
                        <button key={t.teamId} type="button" onClick={() => onRecord(d, t.teamId)}>
                          Record {t.name}
                        </button>
                      ))}
                      <button type="button" className="danger" onClick={() => setWithdrawing(d)}>
                        Withdraw…
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {withdrawing && <WithdrawDialog draw={withdrawing} onClose={() => setWithdrawing(null)} />}
    </section>
  );
}

/** Withdraws a draw with a reason: its turns stop counting, and it stays listed. */
function WithdrawDialog({ draw, onClose }: { draw: Draw; onClose: () => void }) {
  const mutate = useCourse((s) => s.mutate);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const teams = draw.teams.map((t) => t.name).join(', ');
  useEffect(() => {
    api('presentation.list', { sessionId: draw.sessionId }).then(
      (list) => setRecorded(recordedForDraw(draw, list)),
      (e: Error) => setFailure(`The recorded presentations could not be checked: ${e.message}`),
    );
  }, [draw]);
  const save = async () => {
    if (!reason.trim()) {
      setError(`Say why the draw of ${teams} is withdrawn; the reason is stored with it.`);
      return;
    }
    if (await mutate('Withdrawing the draw', () => api('draw.withdraw', { id: draw.id, reason: reason.trim() }))) {
      useApp.setState({ notice: `Withdrew the draw of ${teams}; it stays listed. Ctrl+Z puts it back.` });
      onClose();
    } else setFailure(useApp.getState().error);
  };
  return (
    <FormDialog title={`Withdraw the draw of ${teams}`} onClose={onClose} onSubmit={() => void save()} failure={failure} submit="Withdraw">
      <p className="muted">The draw stays listed as withdrawn and its turns stop counting for the fairness rule.</p>
      {recorded && (
        <p role="alert" className="form-error">
          {recorded}
        </p>
      )}
      <Field label="Why is it withdrawn?" error={error}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
