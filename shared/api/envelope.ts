import { z } from 'zod';

/** Error codes every transport carries unchanged (errors thrown across IPC lose their fields). */
export const ErrorCode = z.enum([
  'invalid_input', // the request does not match the method's schema
  'unknown_method',
  'no_course', // the method needs an open course
  'not_found',
  'conflict', // e.g. a duplicate registrar ID
  'not_a_gradebook',
  'newer_version',
  'corrupt',
  'validation_failed', // an import or policy that cannot be applied; details list the problems
  'io_error',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** An error with a code and a message meant for the instructor; the transports forward it as is. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toShape(): ApiErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Plain-language list of what is wrong with a request, e.g. "score: expected a number". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}
