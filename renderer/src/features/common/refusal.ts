import { ApiError } from '@shared/api';

/** The backend's refusal in words, with its list of problems when it sends one. */
export function refusal(err: unknown): string[] {
  if (!(err instanceof ApiError)) return [`Saving failed: ${(err as Error).message}`];
  const details = Array.isArray(err.details) && err.details.every((d) => typeof d === 'string') ? (err.details as string[]) : [];
  return [err.message, ...details.filter((d) => !err.message.includes(d))];
}
