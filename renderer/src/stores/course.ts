import { create } from 'zustand';
import type { CourseSummary, UndoState } from '../../../shared/api';
import { unpackSnapshot, type CourseSnapshot } from '../../../shared/model';
import { api } from '../api/client';
import { useApp } from './app';

/** Changes whenever the open course, or how much is in it, changes. */
export const courseKey = (course: CourseSummary | null | undefined): string =>
  course ? `${course.file}|${course.counts.students}|${course.counts.items}|${course.counts.scores}` : '';

interface CourseStore {
  /**
   * What the engine reads, fetched once for every screen. The grid builds its live state on it;
   * other screens show views of it.
   */
  snapshot: CourseSnapshot | null;
  /** The course key (see courseKey) the snapshot was fetched under. */
  key: string;
  undo: UndoState | null;
  /** Fetches the snapshot and undo labels; rejects on failure. Callers in the same tick share one request. */
  fetch(): Promise<void>;
  /** Reloads the snapshot, the undo labels and the shell's course summary. */
  reload(): Promise<void>;
  /**
   * Runs one change through the app's error handling, then reloads everything, so every screen
   * shows the saved state. Answers the change's result, or undefined when it failed.
   */
  mutate<T>(label: string, action: () => Promise<T>): Promise<T | undefined>;
}

export const useCourse = create<CourseStore>((set, get) => {
  /** A request not sent yet: callers join it. */
  let pending: Promise<void> | null = null;
  /** The request on its way: a caller that arrives now may have written since it was sent, so it waits for the next one. */
  let sent: Promise<void> | null = null;

  const request = async () => {
    const key = courseKey(useApp.getState().app?.course);
    const [packed, undo] = await Promise.all([api('course.snapshot', {}), api('history.state', {})]);
    set({ snapshot: unpackSnapshot(packed), undo, key });
  };

  return {
    snapshot: null,
    key: '',
    undo: null,
    fetch: () => {
      pending ??= (async () => {
        await sent?.catch(() => undefined);
        pending = null;
        const mine = (sent = request());
        try {
          await mine;
        } finally {
          if (sent === mine) sent = null;
        }
      })();
      return pending;
    },
    reload: async () => {
      const { run, setCourse } = useApp.getState();
      await run('Loading the course', async () => {
        const [summary] = await Promise.all([api('course.summary', {}), get().fetch()]);
        set({ key: courseKey(summary) });
        setCourse(summary);
      });
    },
    mutate: async (label, action) => {
      const result = await useApp.getState().run(label, action);
      await get().reload();
      return result;
    },
  };
});
