import { create } from 'zustand';
import type { AppState, CourseSummary } from '../../../shared/api';
import { api } from '../api/client';

export const SCREENS = ['Gradebook', 'Roster', 'Attendance', 'Presentations', 'Final grades', 'Settings', 'History'] as const;
export type Screen = (typeof SCREENS)[number];

interface AppStore {
  app: AppState | null;
  screen: Screen;
  /** A message for the instructor about the last action that failed. */
  error: string | null;
  notice: string | null;
  busy: boolean;
  pickerOpen: boolean;
  setScreen(screen: Screen): void;
  setPickerOpen(open: boolean): void;
  dismiss(): void;
  refresh(): Promise<void>;
  /** Runs a backend action with a busy state; failures become a visible message. */
  run<T>(label: string, action: () => Promise<T>): Promise<T | undefined>;
  setCourse(course: CourseSummary | null): void;
}

export const useApp = create<AppStore>((set, get) => ({
  app: null,
  screen: 'Gradebook',
  error: null,
  notice: null,
  busy: false,
  pickerOpen: false,
  setScreen: (screen) => set({ screen }),
  setPickerOpen: (pickerOpen) => set({ pickerOpen }),
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
