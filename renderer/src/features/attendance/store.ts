import { create } from 'zustand';
import type { MarkEdit, MarkResult, Register, SessionList } from '@shared/api';
import { api } from '../../api/client';
import { withMarks } from '@shared/screens/attendance';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import { announce } from '../common/announce';
import { stepNotice } from '@shared/screens/historyText';

interface AttendanceStore {
  sessions: SessionList | null;
  register: Register | null;
  /** The course epoch (useCourse) the data was fetched under. */
  epoch: number;
  /** Something was written here: the shared snapshot (grades on other screens) needs a reload. */
  dirty: boolean;
  load(): Promise<void>;
  /**
   * Marks as one undo step. The register shows them (and the engine's new totals) as soon as the
   * backend answers; the per-session totals follow with a reload.
   */
  mark(edits: MarkEdit[], label: string): Promise<boolean>;
  markAll(sessionId: number, label: string): Promise<boolean>;
  /** Any other write (sessions, imports): then everything is reloaded. A refusal is shown and answers undefined. */
  write<T>(label: string, action: () => Promise<T>): Promise<T | undefined>;
  step(direction: 'undo' | 'redo'): Promise<void>;
  /** Leaving the screen: other screens reload the course if marks changed. */
  leave(): void;
}

/** Quiet time after the last mark before the register (and its per-session totals) is reloaded. */
const RELOAD_AFTER_MS = 800;

const current = (epoch: number) => useCourse.getState().epoch === epoch;

/** Runs `fn` (which clears the shell's messages as it starts) without losing a refusal already on screen. */
async function keepingError(fn: () => Promise<void>): Promise<void> {
  const { error } = useApp.getState();
  await fn();
  if (error && !useApp.getState().error) useApp.setState({ error });
}

export const useAttendance = create<AttendanceStore>((set, get) => {
  /** A load on its way, and whether another was asked for meanwhile (rapid marks share reloads). */
  let inFlight: Promise<void> | null = null;
  let again = false;

  const fetchAll = async () => {
    const { epoch } = useCourse.getState();
    await useApp.getState().run('Loading attendance', async () => {
      const [sessions, register] = await Promise.all([api('attendance.sessions', {}), api('attendance.register', {})]);
      if (current(epoch)) set({ sessions, register, epoch });
    });
  };

  const load = (): Promise<void> => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      do {
        again = false;
        await keepingError(fetchAll);
      } while (again);
      inFlight = null;
    })();
    return inFlight;
  };

  /**
   * The per-session totals follow marks once the instructor pauses: a register reload costs the
   * backend far more than a mark, and one per key would queue the next key behind it.
   */
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  const reloadSoon = () => {
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      void load();
    }, RELOAD_AFTER_MS);
  };

  /** Puts the written marks and the touched students' totals into the register at once. */
  const patch = (r: MarkResult) => {
    const reg = get().register;
    if (reg) set({ register: withMarks(reg, r), dirty: true });
  };

  const marking = async (label: string, action: () => Promise<MarkResult>) => {
    const { epoch } = useCourse.getState();
    const result = await useApp.getState().run(label, action);
    if (!current(epoch)) return false;
    if (!result) {
      await load();
      return false;
    }
    patch(result);
    reloadSoon();
    // A new mark clears redo: the top bar's Undo/Redo follow at once.
    void api('history.state', {}).then(
      (undo) => current(epoch) && useCourse.setState({ undo }),
      (e: Error) => console.error(`Could not read the undo state: ${e.message}`),
    );
    return true;
  };

  return {
    sessions: null,
    register: null,
    epoch: -1,
    dirty: false,
    load,
    mark: (edits, label) => marking(label, () => api('attendance.markMany', { marks: edits, label })),
    markAll: (sessionId, label) => marking(label, () => api('attendance.markAll', { sessionId })),
    write: async (label, action) => {
      const { epoch } = useCourse.getState();
      const result = await useApp.getState().run(label, action);
      if (!current(epoch)) return undefined;
      set({ dirty: true });
      await load();
      return result;
    },
    step: async (direction) => {
      const { epoch } = useCourse.getState();
      const r = await useApp
        .getState()
        .run(direction === 'undo' ? 'Undo' : 'Redo', () => api(direction === 'undo' ? 'history.undo' : 'history.redo', {}));
      if (!r || !current(epoch)) return;
      useCourse.setState({ undo: r.undo });
      set({ dirty: true });
      await load();
      announce(stepNotice(direction, r.label));
    },
    leave: () => {
      if (!get().dirty) return;
      set({ dirty: false });
      void useCourse.getState().reload();
    },
  };
});

// Another course opened: nothing of the old one may stay on screen or be marked.
useCourse.subscribe((state, prev) => {
  if (state.epoch !== prev.epoch) useAttendance.setState({ sessions: null, register: null, epoch: -1, dirty: false });
});
