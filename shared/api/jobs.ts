import { z } from 'zod';
import { method } from './define';
import { ApiErrorShape } from './envelope';

/**
 * Long work (imports, exports) runs as a job: the method that starts it answers a job id at
 * once; the renderer polls `job.status` for a progress bar and may `job.cancel` it. A
 * cancelled or failed job changed nothing.
 */
export const JobId = z.uuid();

export const JobStarted = z.object({ jobId: JobId });
export type JobStarted = z.infer<typeof JobStarted>;

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const JobStatus = z.object({
  id: JobId,
  /** What the job does, e.g. 'import.roster' or 'export.workbook'. */
  kind: z.string(),
  state: JobState,
  /** 0–1. */
  fraction: z.number().min(0).max(1),
  /** The current phase in words, e.g. "Checking rows". */
  phase: z.string(),
  /** The method's answer when done (e.g. the import report or the exported file). */
  result: z.unknown().optional(),
  /** Why it failed, with the problems of a refused file in `details`. */
  error: ApiErrorShape.optional(),
});
export type JobStatus = z.infer<typeof JobStatus>;

export const jobMethods = {
  'job.status': method(z.object({ id: JobId }).strict(), JobStatus),
  /** Stops a running job at its next checkpoint (before it writes anything); a finished job is unchanged. */
  'job.cancel': method(z.object({ id: JobId }).strict(), JobStatus),
};
