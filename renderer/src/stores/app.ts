import { create } from 'zustand';
import { ApiError, type AppState, type CourseSummary } from '@shared/api';
import { api } from '../api/client';
import type { Connection } from '../api/transport';

export const SCREENS = ['Gradebook', 'Roster', 'Attendance', 'Presentations', 'Final grades', 'Settings', 'History'] as const;
export type Screen = (typeof SCREENS)[number];

/** How long a notice (not an error) stays on screen: long enough to read two lines. */
export const NOTICE_MS = 6000;

interface AppStore {
  app: AppState | null;
  screen: Screen;
  /**
   * The part of the screen to show first, when a button elsewhere leads there (e.g. 'Items' of
   * Settings); null for the screen's own default. Set with the screen by setScreen.
   */
  part: string | null;
  /** A message for the instructor about the last action that failed; stays until dismissed or the next action. */
  error: string | null;
  /** A message about an action that worked; goes away by itself (NOTICE_MS), on another screen or course. */
  notice: string | null;
  /** The notice text that offers to undo the step it is about (shown with an Undo button while it is the notice). */
  undoNotice: string | null;
  /** An error nothing else handled (a bug, or a failure no screen caught): stays until dismissed. */
  fault: string | null;
  /** Whether the web server still answers this tab (always 'ok' in the desktop app). */
  connection: Connection;
  busy: boolean;
  pickerOpen: boolean;
  restoreOpen: boolean;
  /** A save-copy target that holds another course (as asked for, and its full path): the app asks before replacing it. */
  replacing: { file: string; path: string } | null;
  /** Goes to a screen (and a part of it); messages about the last screen go away. */
  setScreen(screen: Screen, part?: string): void;
  setPickerOpen(open: boolean): void;
  setRestoreOpen(open: boolean): void;
  /**
   * Saves a copy of the open course; a target holding another course is replaced only with
   * `overwrite` (otherwise `replacing` asks). Answers whether the copy was written.
   */
  saveCopy(file: string, overwrite?: boolean): Promise<boolean>;
  dismiss(): void;
  refresh(): Promise<void>;
  /** Runs a backend action with a busy state; failures become a visible message. */
  run<T>(label: string, action: () => Promise<T>): Promise<T | undefined>;
  setCourse(course: CourseSummary | null): void;
}

export const useApp = create<AppStore>((set, get) => ({
  app: null,
  screen: 'Gradebook',
  part: null,
  error: null,
  notice: null,
  undoNotice: null,
  fault: null,
  connection: 'ok',
  busy: false,
  pickerOpen: false,
  restoreOpen: false,
  replacing: null,
  setScreen: (screen, part) => set({ screen, part: part ?? null, error: null, notice: null }),
  setPickerOpen: (pickerOpen) => set({ pickerOpen }),
  setRestoreOpen: (restoreOpen) => set({ restoreOpen }),
  saveCopy: async (file, overwrite = false) => {
    set({ replacing: null });
    const saved = await get().run('Saving a copy', async () => {
      try {
        return await api('course.saveCopy', { file, overwrite });
      } catch (err) {
        const details = err instanceof ApiError ? (err.details as { exists?: boolean; file?: string } | undefined) : undefined;
        if (!details?.exists) throw err;
        set({ replacing: { file, path: details.file ?? file } });
        return undefined;
      }
    });
    if (!saved) return false;
    set({
      notice: saved.replacedBackup
        ? `Saved a copy as ${saved.file}. The course it replaced was backed up first (${saved.replacedBackup}).`
        : `Saved a copy as ${saved.file}`,
    });
    return true;
  },
  dismiss: () => set({ error: null, notice: null }),
  refresh: async () => {
    await get().run('Loading', async () => set({ app: await api('app.state', {}) }));
  },
  run: async (label, action) => {
    set({ busy: true, error: null });
    try {
      return await action();
    } catch (err) {
      set({ error: `${label} failed: ${(err as Error).message}` });
      return undefined;
    } finally {
      set({ busy: false });
    }
  },
  setCourse: (course) => {
    const app = get().app;
    if (app) set({ app: { ...app, course } });
  },
}));

let noticeTimer: ReturnType<typeof setTimeout> | null = null;
useApp.subscribe((state, prev) => {
  // Messages are about the course they were said in: another course starts without them.
  if (state.app?.course?.file !== prev.app?.course?.file && (state.notice || state.error)) {
    useApp.setState({ notice: null, error: null });
    return;
  }
  if (state.notice !== prev.notice) {
    if (noticeTimer) clearTimeout(noticeTimer);
    noticeTimer = null;
    const shown = state.notice;
    if (shown) noticeTimer = setTimeout(() => useApp.getState().notice === shown && useApp.setState({ notice: null }), NOTICE_MS);
  }
});
