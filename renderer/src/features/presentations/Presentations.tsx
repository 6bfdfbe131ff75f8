import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import '../common/screens.css';
import { DrawPanel } from './DrawPanel';
import { Readings } from './Readings';
import { Records } from './Records';
import { ReviewPanel } from './ReviewPanel';
import './presentations.css';
import { stepNotice } from '@shared/screens/historyText';

const PARTS = ['Draw', 'Readings', 'Records', 'Review'] as const;
type Part = (typeof PARTS)[number];

const isTextEntry = (el: EventTarget | null) => el instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);

/** "Which team presents this week, and what have teams presented?" */
export function Presentations() {
  const [part, setPart] = useState<Part>(() => {
    const wanted = useApp.getState().part;
    return PARTS.find((p) => p === wanted) ?? 'Draw';
  });
  const { undo, reload, mutate } = useCourse();
  useEffect(() => {
    void reload();
  }, [reload]);

  const step = useCallback(
    async (which: 'undo' | 'redo') => {
      const r = await mutate(which === 'undo' ? 'Undo' : 'Redo', () => api(which === 'undo' ? 'history.undo' : 'history.redo', {}));
      if (r?.label) useApp.setState({ notice: stepNotice(which, r.label) });
    },
    [mutate],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A text field keeps its own undo; an open dialog or the projector view owns the keys.
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextEntry(e.target) || document.querySelector('[aria-modal="true"]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        e.preventDefault();
        void step(key === 'z' && !e.shiftKey ? 'undo' : 'redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  return (
    <section aria-labelledby="screen-title">
      <div className="toolbar">
        <h2 id="screen-title">Presentations</h2>
        <span className="spacer" />
        <button type="button" disabled={!undo?.canUndo} onClick={() => void step('undo')} title="Ctrl+Z">
          {undo?.undoLabel ? `Undo ${undo.undoLabel}` : 'Nothing to undo'}
        </button>
        <button type="button" disabled={!undo?.canRedo} onClick={() => void step('redo')} title="Ctrl+Shift+Z or Ctrl+Y">
          {undo?.redoLabel ? `Redo ${undo.redoLabel}` : 'Nothing to redo'}
        </button>
      </div>
      <div role="tablist" aria-label="Presentations parts">
        {PARTS.map((p) => (
          <button key={p} type="button" role="tab" aria-selected={p === part} onClick={() => setPart(p)}>
            {p}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={part}>
        {part === 'Draw' && <DrawPanel />}
        {part === 'Readings' && <Readings />}
        {part === 'Records' && <Records />}
        {part === 'Review' && <ReviewPanel />}
      </div>
    </section>
  );
}
