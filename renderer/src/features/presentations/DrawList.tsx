import type { Draw } from '../../../../shared/api';
import { drawRow } from '../../../../shared/screens/presentationReview';

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
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
