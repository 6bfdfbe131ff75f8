import { randomUUID } from 'node:crypto';
import { ApiError, type ApiErrorShape } from '../../../shared/api/envelope';
import type { JobStatus } from '../../../shared/api/jobs';

/** Reports how far a job is: a fraction 0–1 and the phase in words ("Reading the file"). */
export type Progress = (fraction: number, phase: string) => void;

/** Thrown at a checkpoint once the job was cancelled; the runner records the job as cancelled. */
export class JobCancelled extends Error {
  constructor() {
    super('Cancelled.');
  }
}

interface Job {
  status: JobStatus;
  controller: AbortController;
  finishedAt: number | null;
}

/** Finished jobs are kept this long for the renderer's last poll, then forgotten. */
const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, Job>();

function forgetOld(now: number): void {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

/** A failed job's error; its work ran in one transaction (or wrote nothing), so nothing changed. */
function errorShape(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toShape();
  const e = err as Error & { code?: string };
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT'))
    return { code: 'conflict', message: `The change conflicts with the course's data (${e.message}). Nothing was changed.` };
  return { code: 'internal', message: `Unexpected error: ${e?.message ?? String(err)}. Nothing was changed.` };
}

/**
 * Runs long work (an import, an export) in the background of this process and answers its id
 * at once; the renderer polls `jobStatus` and may `cancelJob`. `run` reports progress and
 * checks the signal between its phases; once it starts its one write transaction it is no
 * longer cancellable, so a cancelled job has changed nothing.
 */
export function startJob<T>(kind: string, run: (progress: Progress, signal: AbortSignal) => Promise<T>): string {
  forgetOld(Date.now());
  const id = randomUUID();
  const job: Job = {
    status: { id, kind, state: 'running', fraction: 0, phase: 'Starting' },
    controller: new AbortController(),
    finishedAt: null,
  };
  jobs.set(id, job);
  const progress: Progress = (fraction, phase) => {
    if (job.status.state !== 'running') return;
    job.status = { ...job.status, fraction: Math.min(1, Math.max(job.status.fraction, fraction)), phase };
  };
  const finish = (patch: Partial<JobStatus>) => {
    job.status = { ...job.status, ...patch };
    job.finishedAt = Date.now();
  };
  // Started on the next turn so the caller has the id before any work (or failure) happens.
  setImmediate(() => {
    run(progress, job.controller.signal).then(
      (result) => finish({ state: 'done', fraction: 1, phase: 'Done', result }),
      (err: unknown) =>
        err instanceof JobCancelled
          ? finish({ state: 'cancelled', phase: 'Cancelled; nothing was changed' })
          : finish({ state: 'failed', phase: 'Failed', error: errorShape(err) }),
    );
  });
  return id;
}

function find(id: string): Job {
  const job = jobs.get(id);
  if (!job) throw new ApiError('not_found', `There is no job ${id}; it finished more than ten minutes ago or the app restarted.`);
  return job;
}

export const jobStatus = (id: string): JobStatus => find(id).status;

/** Whether a job of this kind (or kind prefix, e.g. 'import.') is running. */
export const isRunning = (kind: string): boolean =>
  [...jobs.values()].some((j) => j.status.state === 'running' && j.status.kind.startsWith(kind));

/** Asks a running job to stop at its next checkpoint; a finished job is left as it is. */
export function cancelJob(id: string): JobStatus {
  const job = find(id);
  if (job.status.state === 'running') job.controller.abort();
  return job.status;
}
