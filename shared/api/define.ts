import type { z } from 'zod';

/** One API method: the runtime schema of its input and of its output. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /**
   * Whether a call changes the course file (the dispatcher refuses such a call while an import is
   * writing the course); a function when that depends on the input (a preview writes nothing).
   */
  mutates: boolean | ((input: z.infer<I>) => boolean);
}

export const method = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  mutates: MethodSpec<I, O>['mutates'] = false,
): MethodSpec<I, O> => ({
  input,
  output,
  mutates,
});
