import type { z } from 'zod';

/** One API method: the runtime schema of its input and of its output. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Changes the course file (the transports may use this for logging or locking). */
  mutates?: boolean;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false): MethodSpec<I, O> => ({
  input,
  output,
  mutates,
});
