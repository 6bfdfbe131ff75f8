import { useEffect, useState } from 'react';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
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
  const undo = useCourse((s) => s.undo);
  const { load, step, leave } = useAttendance.getState();

  useEffect(() => {
    void load();
    return () => leave();
  }, [load, leave]);

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y on this screen; text fields keep their own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') && !t.closest('.rdg')) return;
      if (t?.closest('dialog, [role=dialog]')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' || k === 'y') {
        e.preventDefault();
        void step(k === 'y' || e.shiftKey ? 'redo' : 'undo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const timeZone = sessions?.timeZone ?? 'UTC';
  const empty = sessions !== null && sessions.sessions.length === 0;

  return (
    <section aria-labelledby="screen-title" className="attendance">
      <div className="toolbar">
        <h2 id="screen-title">Attendance</h2>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => void step('undo')}
          disabled={!undo?.canUndo}
          title={undo?.undoLabel ? `Undo: ${undo.undoLabel}` : undefined}
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => void step('redo')}
          disabled={!undo?.canRedo}
          title={undo?.redoLabel ? `Redo: ${undo.redoLabel}` : undefined}
        >
          Redo
        </button>
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
