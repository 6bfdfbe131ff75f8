import { randomUUID } from 'node:crypto';
import { ApiError, type ApiErrorShape } from '@shared/api/envelope';
import type { JobStatus } from '@shared/api/jobs';
import type { Course } from '../services/course';
import { JobCancelled, steps, type Progress, type Steps } from './steps';

/** What a job works on. */
export interface JobScope {
  /** Its course: once the workspace closes or replaces it, the job stops at its next checkpoint. */
  course: Course;
  /** It writes the course (an import, not its preview): at most one such job runs per course. */
  writes: boolean;
}

interface Job {
  status: JobStatus;
  scope: JobScope | null;
  controller: AbortController;
  finishedAt: number | null;
  /** Stopped because its course is closing (see stopJobsOf), not cancelled by the user. */
  closing: boolean;
}

/** Finished jobs are kept this long for the renderer's last poll, then forgotten. */
const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, Job>();

function forgetOld(now: number): void {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

const courseClosed = (scope: JobScope | null): boolean => scope !== null && !scope.course.db.open;

/**
 * Stops the jobs of a course that is about to close, at once: an export's worker holds a read
 * transaction, which would make closing wait for it. They end as failed because the course closed.
 */
export function stopJobsOf(course: Course): void {
  for (const job of jobs.values()) {
    if (job.status.state !== 'running' || job.scope?.course !== course) continue;
    job.closing = true;
    job.controller.abort();
  }
}

function closedError(kind: string): ApiError {
  return new ApiError(
    'conflict',
    `The course was closed while ${kind.startsWith('import.') ? 'importing' : 'exporting'}; nothing was changed.`,
  );
}

/** A failed job's error; its work ran in one transaction (or wrote nothing), so nothing changed. */
function errorShape(err: unknown, job: Job): ApiErrorShape {
  // Whatever failed once the course was closed (often "The database connection is not open"), that is the cause.
  if (job.closing || courseClosed(job.scope)) return closedError(job.status.kind).toShape();
  if (err instanceof ApiError) return err.toShape();
  const e = err as Error & { code?: string };
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT'))
    return { code: 'conflict', message: `The change conflicts with the course's data (${e.message}). Nothing was changed.` };
  return { code: 'internal', message: `Unexpected error: ${e?.message ?? String(err)}. Nothing was changed.` };
}

/**
 * Runs long work (an import, an export) in the background of this process and answers its id
 * at once; the renderer polls `jobStatus` and may `cancelJob`. `run` reports progress and
 * checks for cancellation (and for its course being closed) through `work.step` between its
 * phases; once it starts its one write transaction it is no longer cancellable, so a cancelled
 * job has changed nothing.
 */
export function startJob<T>(kind: string, scope: JobScope | null, run: (work: Steps) => Promise<T>): string {
  forgetOld(Date.now());
  const id = randomUUID();
  const job: Job = {
    status: { id, kind, state: 'running', fraction: 0, phase: 'Starting' },
    scope,
    controller: new AbortController(),
    finishedAt: null,
    closing: false,
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
  const work = steps(progress, job.controller.signal, () => {
    if (courseClosed(scope)) throw closedError(kind);
  });
  // Started on the next turn so the caller has the id before any work (or failure) happens.
  setImmediate(() => {
    run(work).then(
      (result) => finish({ state: 'done', fraction: 1, phase: 'Done', result }),
      (err: unknown) =>
        err instanceof JobCancelled && !job.closing
          ? finish({ state: 'cancelled', phase: 'Cancelled; nothing was changed' })
          : finish({ state: 'failed', phase: 'Failed', error: errorShape(err, job) }),
    );
  });
  return id;
}

function find(id: string): Job {
  forgetOld(Date.now());
  const job = jobs.get(id);
  if (!job) throw new ApiError('not_found', `There is no job ${id}; it finished more than ten minutes ago or the app restarted.`);
  return job;
}

/**
 * A job's status. A result (an exported file can be megabytes of base64) is handed out once:
 * the poll that sees the job done takes it, and the job keeps only its status.
 */
export function jobStatus(id: string): JobStatus {
  const job = find(id);
  const status = job.status;
  if (status.state === 'done' && status.result !== undefined) job.status = { ...status, result: undefined };
  return status;
}

/** Whether a job writing this course (an import that is not a preview) is running and not cancelled. */
export const isWriting = (course: Course): boolean =>
  [...jobs.values()].some(
    (j) =>
      j.status.state === 'running' &&
      !j.controller.signal.aborted &&
      j.scope?.writes === true &&
      j.scope.course.file === course.file &&
      !courseClosed(j.scope),
  );

/** Asks a running job to stop at its next checkpoint; a finished job is left as it is. */
export function cancelJob(id: string): JobStatus {
  const job = find(id);
  if (job.status.state === 'running') job.controller.abort();
  return job.status;
}
