import { useEffect, useRef, useState } from 'react';
import { ApiError, type ImportProblem, type JobStarted, type Preflight } from '@shared/api';
import { api } from '../../api/client';

/** What the progress bar shows. */
export interface JobView {
  id: string | null;
  fraction: number;
  phase: string;
}

const POLL_MS = 120;

/** One call of `run`: its job once started, and whether a newer run or closing the dialog replaced it. */
interface Run {
  id: string | null;
  replaced: boolean;
}

function stop(r: Run | null): void {
  if (!r) return;
  r.replaced = true;
  if (r.id) void api('job.cancel', { id: r.id }).catch(() => undefined);
}

/**
 * Runs one import or export job at a time: starts it, polls `job.status` for the progress bar,
 * and answers its result (null when it was cancelled, by the instructor or by a newer run; it
 * throws the ApiError of a failed job, whose message says nothing was changed). Starting a run
 * cancels the one before, and unmounting cancels the last, so no job outlives its dialog.
 */
export function useJob() {
  const [job, setJob] = useState<JobView | null>(null);
  const current = useRef<Run | null>(null);

  useEffect(
    () => () => {
      stop(current.current);
      current.current = null;
    },
    [],
  );

  async function run<T>(phase: string, start: () => Promise<JobStarted>): Promise<T | null> {
    stop(current.current);
    const mine: Run = { id: null, replaced: false };
    current.current = mine;
    setJob({ id: null, fraction: 0, phase });
    try {
      const { jobId } = await start();
      mine.id = jobId;
      if (mine.replaced) {
        stop(mine);
        return null;
      }
      for (;;) {
        const s = await api('job.status', { id: jobId });
        if (s.state === 'done') return s.result as T;
        if (s.state === 'cancelled') return null;
        if (s.state === 'failed') throw new ApiError(s.error!.code, s.error!.message, s.error!.details);
        if (current.current === mine) setJob({ id: jobId, fraction: s.fraction, phase: s.phase });
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      if (current.current === mine) {
        current.current = null;
        setJob(null);
      }
    }
  }

  function cancel(): void {
    const id = current.current?.id;
    if (id) void api('job.cancel', { id });
  }

  return { job, run, cancel };
}

/** A failure as the dialogs show it: the message, and the file's problems or the pre-flight if any. */
export function failureOf(err: unknown): { message: string; problems: ImportProblem[]; preflight?: Preflight } {
  const details = err instanceof ApiError ? (err.details as { problems?: ImportProblem[]; preflight?: Preflight } | undefined) : undefined;
  return { message: (err as Error).message, problems: details?.problems ?? [], preflight: details?.preflight };
}
