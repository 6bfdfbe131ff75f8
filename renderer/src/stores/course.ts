import { create } from 'zustand';
import type { CourseSummary, UndoState } from '@shared/api';
import { unpackSnapshot, type CourseSnapshot, type PackedSnapshot } from '@shared/model';
import { api } from '../api/client';
import { useApp } from './app';
import { timed, timedAsync } from '../timing';

/** The wire form each fetched snapshot was unpacked from (the engine prepares it without packing again); a snapshot built later has none. */
const packedForms = new WeakMap<CourseSnapshot, PackedSnapshot>();
export const packedFormOf = (snapshot: CourseSnapshot): PackedSnapshot | undefined => packedForms.get(snapshot);

/** Changes whenever the open course, or how much is in it, changes. */
export const courseKey = (course: CourseSummary | null | undefined): string =>
  course ? `${course.file}|${course.counts.students}|${course.counts.items}|${course.counts.scores}` : '';

interface CourseStore {
  /**
   * What the engine reads, fetched once for every screen. The grid builds its live state on it;
   * other screens show views of it. Always of the open course file: cleared when another opens.
   */
  snapshot: CourseSnapshot | null;
  /** The course key (see courseKey) the snapshot was fetched under; '' when there is none. */
  key: string;
  /** The course file the snapshot belongs to. */
  file: string | null;
  undo: UndoState | null;
  /**
   * Bumped whenever the open course file changes. Work begun under an earlier epoch (a request,
   * an edit on its way) belongs to the other course and must not land in this one.
   */
  epoch: number;
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
    for (;;) {
      const { epoch } = get();
      const course = useApp.getState().app?.course;
      const [packed, undo] = await Promise.all([timedAsync('grid:fetch', () => api('course.snapshot', {})), api('history.state', {})]);
      // Another course opened while this was on its way: the answer may be either's, so ask again.
      if (get().epoch !== epoch) continue;
      const snapshot = timed('grid:unpack', () => unpackSnapshot(packed));
      packedForms.set(snapshot, packed);
      set({ snapshot, undo, key: courseKey(course), file: course?.file ?? null });
      return;
    }
  };

  return {
    snapshot: null,
    key: '',
    file: null,
    undo: null,
    epoch: 0,
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
      const { epoch } = get();
      await run('Loading the course', async () => {
        const [summary] = await Promise.all([api('course.summary', {}), get().fetch()]);
        // A summary asked for before another course opened would put the old course back in the shell.
        if (get().epoch !== epoch) return;
        set({ key: courseKey(summary) });
        setCourse(summary);
      });
    },
    mutate: async (label, action) => {
      const result = await useApp.getState().run(label, action);
      // The reload clears messages as it starts; a refused change's message must outlive it.
      const { error } = useApp.getState();
      await get().reload();
      if (error && !useApp.getState().error) useApp.setState({ error });
      return result;
    },
  };
});

// Opening another course (picker, menu, refresh) drops the old course's data at once, before any
// screen can show or edit it; screens then fetch the new one.
useApp.subscribe((state, prev) => {
  if (state.app?.course?.file !== prev.app?.course?.file) {
    useCourse.setState((s) => ({ snapshot: null, key: '', file: null, undo: null, epoch: s.epoch + 1 }));
  }
});
