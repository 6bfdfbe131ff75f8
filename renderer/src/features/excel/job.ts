import { useRef, useState } from 'react';
import { ApiError, type ImportProblem, type JobStarted, type Preflight } from '../../../../shared/api';
import { api } from '../../api/client';

/** What the progress bar shows. */
export interface JobView {
  id: string | null;
  fraction: number;
  phase: string;
}

const POLL_MS = 120;

/**
 * Runs one import or export job at a time: starts it, polls `job.status` for the progress bar,
 * and answers its result (null when the instructor cancelled; it throws the ApiError of a
 * failed job, whose message says nothing was changed).
 */
export function useJob() {
  const [job, setJob] = useState<JobView | null>(null);
  const current = useRef<string | null>(null);

  async function run<T>(phase: string, start: () => Promise<JobStarted>): Promise<T | null> {
    setJob({ id: null, fraction: 0, phase });
    try {
      const { jobId } = await start();
      current.current = jobId;
      for (;;) {
        const s = await api('job.status', { id: jobId });
        if (s.state === 'done') return s.result as T;
        if (s.state === 'cancelled') return null;
        if (s.state === 'failed') throw new ApiError(s.error!.code, s.error!.message, s.error!.details);
        setJob({ id: jobId, fraction: s.fraction, phase: s.phase });
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      current.current = null;
      setJob(null);
    }
  }

  function cancel(): void {
    if (current.current) void api('job.cancel', { id: current.current });
  }

  return { job, run, cancel };
}

/** A failure as the dialogs show it: the message, and the file's problems or the pre-flight if any. */
export function failureOf(err: unknown): { message: string; problems: ImportProblem[]; preflight?: Preflight } {
  const details = err instanceof ApiError ? (err.details as { problems?: ImportProblem[]; preflight?: Preflight } | undefined) : undefined;
  return { message: (err as Error).message, problems: details?.problems ?? [], preflight: details?.preflight };
}
