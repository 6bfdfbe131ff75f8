import { useEffect, useState } from 'react';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';

/**
 * Loads `what` (e.g. "the readings") with `load` now and again after every change to the course
 * (each one, undo included, gives a new undo state), so a panel always shows what is saved. A
 * failure is shown in the shell's message line; it does not clear a message already there (a
 * refused change's, say). `load` must be stable (useCallback).
 */
export function useCourseData<T>(what: string, load: () => Promise<T>): { data: T | null; failed: boolean } {
  const undo = useCourse((s) => s.undo);
  const [state, setState] = useState<{ data: T | null; failed: boolean }>({ data: null, failed: false });
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data, failed: false }),
      (err: Error) => {
        if (!live) return;
        setState((s) => ({ ...s, failed: true }));
        useApp.setState({ error: `Loading ${what} failed: ${err.message}` });
      },
    );
    return () => {
      live = false;
    };
  }, [what, load, undo]);
  return state;
}

/** What a panel shows until its data is there: that it is loading, or that it could not be. */
export function Pending({ what, failed }: { what: string; failed: boolean }) {
  return (
    <p className="muted" role={failed ? 'status' : undefined}>
      {failed ? `${what[0]!.toUpperCase()}${what.slice(1)} could not be loaded; the message above says why.` : `Loading ${what}…`}
    </p>
  );
}
