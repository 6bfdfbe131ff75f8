import { useEffect, useState } from 'react';
import { useApp } from '../../stores/app';
import { reloadAfterStep } from '../../stores/undo';
import '../common/screens.css';
import './attendance.css';
import { ExportButtons, ImportDialog } from './ImportDialog';
import { Register } from './Register';
import { Review } from './Review';
import { Roll } from './Roll';
import { SessionDialog, PatternDialog, Sessions } from './Sessions';
import { useAttendance } from './store';

export const PARTS = ['Take the roll', 'Register', 'Sessions', 'Review'] as const;
type Part = (typeof PARTS)[number];

/** "Who came to which session?" The roll, the register, the sessions and the review. */
export function Attendance() {
  const startPart = useApp((s) => s.part);
  const [part, setPart] = useState<Part>(PARTS.find((p) => p === startPart) ?? 'Take the roll');
  const [dialog, setDialog] = useState<'generate' | 'add' | 'import' | null>(null);
  const sessions = useAttendance((s) => s.sessions);
  const register = useAttendance((s) => s.register);
  const { load, leave } = useAttendance.getState();

  useEffect(() => {
    void load();
    const unregister = reloadAfterStep(load);
    return () => {
      unregister();
      leave();
    };
  }, [load, leave]);

  const timeZone = sessions?.timeZone ?? 'UTC';
  const empty = sessions !== null && sessions.sessions.length === 0;

  return (
    <section aria-labelledby="screen-title" className="attendance">
      <div className="toolbar">
        <h2 id="screen-title">Attendance</h2>
        <span className="spacer" />
        <button type="button" onClick={() => setDialog('import')} disabled={empty}>
          Import attendance…
        </button>
        <ExportButtons disabled={empty} />
      </div>
      {empty ? (
        <div className="empty panel">
          <p>No class sessions yet. Generate the term&apos;s sessions from a meeting pattern, or add one.</p>
          <button type="button" className="primary" onClick={() => setDialog('generate')}>
            Generate sessions…
          </button>
          <button type="button" onClick={() => setDialog('add')}>
            Add session…
          </button>
        </div>
      ) : (
        <>
          <div role="tablist" aria-label="Attendance views" className="view-tabs">
            {PARTS.map((p) => (
              <button
                key={p}
                type="button"
                role="tab"
                id={`att-tab-${p}`}
                aria-selected={p === part}
                aria-controls="att-panel"
                tabIndex={p === part ? 0 : -1}
                onClick={() => setPart(p)}
                onKeyDown={(e) => {
                  const i = PARTS.indexOf(part) + (e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0);
                  if (i !== PARTS.indexOf(part)) {
                    const next = PARTS[(i + PARTS.length) % PARTS.length]!;
                    setPart(next);
                    document.getElementById(`att-tab-${next}`)?.focus();
                  }
                }}
              >
                {p}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="att-panel" aria-labelledby={`att-tab-${part}`}>
            {sessions && register ? (
              part === 'Take the roll' ? (
                <Roll sessions={sessions.sessions} register={register} timeZone={timeZone} />
              ) : part === 'Register' ? (
                <Register register={register} timeZone={timeZone} />
              ) : part === 'Sessions' ? (
                <Sessions list={sessions} timeZone={timeZone} onGenerate={() => setDialog('generate')} onAdd={() => setDialog('add')} />
              ) : (
                <Review register={register} timeZone={timeZone} />
              )
            ) : (
              <p className="muted">Loading attendance…</p>
            )}
          </div>
        </>
      )}
      {dialog === 'generate' && sessions && <PatternDialog last={sessions.pattern} onClose={() => setDialog(null)} />}
      {dialog === 'add' && <SessionDialog session={null} onClose={() => setDialog(null)} />}
      {dialog === 'import' && sessions && <ImportDialog sessions={sessions.sessions} timeZone={timeZone} onClose={() => setDialog(null)} />}
    </section>
  );
}
