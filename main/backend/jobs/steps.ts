import { JobCancelled, type Progress } from './runner';

/**
 * How long work talks to its job: `step` reports progress, lets other requests (a poll, a
 * cancel) run, and stops the work if it was cancelled. Work run directly (the CLI) uses IDLE.
 */
export interface Steps {
  step(fraction: number, phase: string): Promise<void>;
}

export const IDLE: Steps = { step: () => Promise.resolve() };

export function steps(progress: Progress, signal: AbortSignal): Steps {
  return {
    async step(fraction, phase) {
      progress(fraction, phase);
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) throw new JobCancelled();
    },
  };
}

/** Steps for a part of the work: fractions 0–1 of the part map onto [from, to] of the whole. */
export function part(s: Steps, from: number, to: number): Steps {
  return { step: (fraction, phase) => s.step(from + (to - from) * fraction, phase) };
}

/** How often a loop over rows checks in. */
export const ROWS_PER_STEP = 500;
