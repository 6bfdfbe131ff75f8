import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ProjectorView } from '@shared/api';
import { api } from '../../api/client';
import { useEscape } from '../../app/useEscape';

/**
 * What the class sees: the drawn teams, their members' display names and the reading, in large
 * type, and nothing else. It fills the screen where the browser allows it, else the window;
 * the app itself is hidden meanwhile (not only covered), so no part of the gradebook can be
 * seen, reached or read out while the class looks on. Esc leaves it and focus goes back where it was.
 */
export function Projector({ drawId, onClose }: { drawId: number; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<ProjectorView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const close = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    onClose();
  }, [onClose]);
  useEscape(close);

  useEffect(() => {
    let live = true;
    api('draw.projector', { id: drawId }).then(
      (v) => live && setView(v),
      (e: Error) => live && setFailure(`The projector view could not be shown: ${e.message} Press Esc to go back.`),
    );
    return () => {
      live = false;
    };
  }, [drawId]);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const root = document.getElementById('root');
    if (root) root.hidden = true;
    const overlay = ref.current;
    overlay?.focus();
    // Full screen is a nicety: refused (no user gesture, a kiosk policy), the overlay still fills the window.
    overlay?.requestFullscreen().catch(() => undefined);
    // Leaving full screen with the browser's own Esc (which pages never see) also leaves the view.
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement === overlay) entered = true;
      else if (entered) onClose();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (root) root.hidden = false;
      opener?.focus();
    };
  }, [onClose]);

  return createPortal(
    <div ref={ref} className="projector" role="dialog" aria-modal="true" aria-label="Projector view" tabIndex={-1}>
      {failure && <p role="alert">{failure}</p>}
      {view && (
        <div className="projector-teams">
          <p className="projector-week">Week {view.week}</p>
          {view.teams.map((t) => (
            <section key={t.name} className="projector-team" aria-label={t.name}>
              <h2>{t.name}</h2>
              <ul className="projector-members">
                {t.members.map((m) => (
                  <li key={m.name} className={m.absent ? 'absent' : undefined}>
                    {m.name}
                    {m.absent && <span className="projector-absent"> (absent)</span>}
                  </li>
                ))}
              </ul>
              {t.readings.length > 0 && (
                <ul className="projector-readings" aria-label="Reading">
                  {t.readings.map((r) => (
                    <li key={r.title}>
                      <cite>{r.title}</cite>
                      {r.authors && <span className="projector-authors"> — {r.authors}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
      <button type="button" className="projector-close" onClick={close}>
        Leave (Esc)
      </button>
    </div>,
    document.body,
  );
}
