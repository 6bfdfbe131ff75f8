import { useEffect } from 'react';
import { stepNotice } from '@shared/screens/historyText';
import { api } from '../api/client';
import { useApp } from './app';
import { useCourse } from './course';
import { useGradebook } from './gradebook';

export type Direction = 'undo' | 'redo';

/** Screens with data of their own (not in the shared snapshot) that must reload after a step. */
const ownData = new Set<() => Promise<void>>();

/** Registers a screen's own reload to run after every undo or redo; answers the unregister. */
export function reloadAfterStep(reload: () => Promise<void>): () => void {
  ownData.add(reload);
  return () => ownData.delete(reload);
}

/**
 * The one undo/redo of the renderer (top bar, keys, app menu, every screen): steps the course's
 * history, patches the grid with the cells the step names, or else reloads what the screens show.
 */
export async function step(direction: Direction): Promise<void> {
  const { epoch } = useCourse.getState();
  const r = await useApp
    .getState()
    .run(direction === 'undo' ? 'Undo' : 'Redo', () => api(direction === 'undo' ? 'history.undo' : 'history.redo', {}));
  if (!r || useCourse.getState().epoch !== epoch) return;
  useCourse.setState({ undo: r.undo });
  if (r.label && !(r.changed && useGradebook.getState().patch(r.changed))) {
    await Promise.all([useCourse.getState().reload(), ...[...ownData].map((reload) => reload())]);
  }
  if (!useApp.getState().error) useApp.setState({ notice: stepNotice(direction, r.label) });
}

/** A modal dialog (or the projector view) is open: it owns the keyboard. */
export const modalOpen = () => document.querySelector('dialog[open], [aria-modal="true"]') !== null;

const isTextEntry = (el: EventTarget | null) =>
  el instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable);

/** Which step a key press asks for: Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on macOS). */
export function stepOfKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): Direction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  return key === 'y' && !e.shiftKey ? 'redo' : null;
}

/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y on every screen. A text field keeps its own undo, an open dialog
 * owns the keys, and a key a screen has already handled (defaultPrevented) is left alone.
 */
export function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const direction = stepOfKey(e);
      if (!direction || e.defaultPrevented || isTextEntry(e.target) || modalOpen()) return;
      e.preventDefault();
      void step(direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
