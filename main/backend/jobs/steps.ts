/** Reports how far a job is: a fraction 0–1 and the phase in words ("Reading the file"). */
export type Progress = (fraction: number, phase: string) => void;

/** Thrown at a checkpoint once the job was cancelled; the runner records the job as cancelled. */
export class JobCancelled extends Error {
  constructor() {
    super('Cancelled.');
  }
}

/**
 * How long work talks to its job: `step` reports progress, lets other requests (a poll, a
 * cancel) run, and stops the work if it was cancelled. Work run directly (the CLI) uses IDLE.
 */
export interface Steps {
  step(fraction: number, phase: string): Promise<void>;
  /** Aborted when the job is cancelled, for work that cannot wait for its next step (a worker). */
  readonly signal?: AbortSignal;
}

export const IDLE: Steps = { step: () => Promise.resolve() };

/** `check` throws when the work must stop for another reason (its course was closed). */
export function steps(progress: Progress, signal: AbortSignal, check: () => void = () => {}): Steps {
  return {
    signal,
    async step(fraction, phase) {
      progress(fraction, phase);
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) throw new JobCancelled();
      check();
    },
  };
}

/** Steps for a part of the work: fractions 0–1 of the part map onto [from, to] of the whole. */
export function part(s: Steps, from: number, to: number): Steps {
  return { signal: s.signal, step: (fraction, phase) => s.step(from + (to - from) * fraction, phase) };
}

/** How often a loop over rows checks in. */
export const ROWS_PER_STEP = 500;
