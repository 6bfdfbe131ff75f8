import { create } from 'zustand';
import type { UndoState } from '../../../../shared/api';
import type { CourseSnapshot } from '../../../../shared/model';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';

interface CourseData {
  /** What the engine reads; every screen here shows a view of it. */
  snapshot: CourseSnapshot | null;
  undo: UndoState | null;
  /** Reloads the snapshot, the undo labels and the shell's course summary. */
  reload(): Promise<void>;
  /**
   * Runs one change through the app's error handling, then reloads everything, so every screen
   * shows the saved state. Answers the change's result, or undefined when it failed.
   */
  mutate<T>(label: string, action: () => Promise<T>): Promise<T | undefined>;
}

export const useCourseData = create<CourseData>((set, get) => ({
  snapshot: null,
  undo: null,
  reload: async () => {
    const { run, setCourse } = useApp.getState();
    await run('Loading the course', async () => {
      const [snapshot, undo, summary] = await Promise.all([
        api('course.snapshot', {}),
        api('history.state', {}),
        api('course.summary', {}),
      ]);
      set({ snapshot, undo });
      setCourse(summary);
    });
  },
  mutate: async (label, action) => {
    const result = await useApp.getState().run(label, action);
    await get().reload();
    return result;
  },
}));
