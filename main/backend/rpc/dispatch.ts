import { API, ApiError, describeZodError, type Envelope, type MethodName } from '@shared/api';
import { isWriting } from '../jobs/runner';
import type { Ctx, Handler, Handlers } from './context';
import { backupHandlers } from './backups';
import { attendanceHandlers } from './attendance';
import { courseHandlers } from './course';
import { excelHandlers } from './excel';
import { jobHandlers } from './jobs';
import { gradeHandlers } from './grades';
import { historyHandlers } from './history';
import { itemHandlers } from './items';
import { policyHandlers } from './policy';
import { presentationHandlers } from './presentations';
import { reportHandlers } from './reports';
import { rosterHandlers } from './roster';
import { scoreHandlers } from './scores';

/** Merges per-domain handler tables; a method registered twice is a programming error. */
function registry(...tables: Partial<Handlers>[]): Handlers {
  const all: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [name, fn] of Object.entries(table)) {
      if (name in all) throw new Error(`API method ${name} has two handlers`);
      all[name] = fn;
    }
  }
  const missing = Object.keys(API).filter((m) => !(m in all));
  if (missing.length) throw new Error(`API methods without a handler: ${missing.join(', ')}`);
  return all as Handlers;
}

export const HANDLERS: Handlers = registry(
  courseHandlers,
  rosterHandlers,
  itemHandlers,
  scoreHandlers,
  historyHandlers,
  policyHandlers,
  gradeHandlers,
  excelHandlers,
  jobHandlers,
  backupHandlers,
  attendanceHandlers,
  presentationHandlers,
  reportHandlers,
);

/** Outputs are checked against the contract under test (a large snapshot is costly to re-check on every call). */
const checkOutputs = !!process.env.VITEST || process.env.GRADEBOOK_CHECK_OUTPUTS === '1';

const CONSTRAINTS: [RegExp, string][] = [
  [/UNIQUE.*student\.registrar_id/, 'That registrar ID is already used by another student in this course.'],
  [/UNIQUE.*team\.name/, 'A team with that name already exists.'],
  [/UNIQUE.*export_profile\.name/, 'An export profile with that name already exists.'],
  [/FOREIGN KEY/, 'That change refers to something that is no longer in the course (it may have been deleted).'],
];

/** SQLite's constraint text in words an instructor can act on. */
function constraintMessage(raw: string): string {
  return CONSTRAINTS.find(([re]) => re.test(raw))?.[1] ?? 'That change conflicts with data already in the course.';
}

/**
 * The one entry point both transports call: validates the method name and input, runs the
 * handler, and always answers with an envelope (never throws).
 */
export async function dispatch(ctx: Ctx, method: string, input: unknown): Promise<Envelope> {
  try {
    if (!Object.hasOwn(API, method)) throw new ApiError('unknown_method', `There is no API method named "${method}".`);
    const name = method as MethodName;
    const spec = API[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new ApiError(
        'invalid_input',
        `Invalid request for ${name}: ${describeZodError(parsed.error)}. Nothing was changed.`,
        parsed.error.issues,
      );
    }
    const writes = typeof spec.mutates === 'function' ? (spec.mutates as (i: unknown) => boolean)(parsed.data) : spec.mutates;
    // An import checked its file against the course as it was: no other write may land meanwhile.
    if (writes && ctx.workspace.course && isWriting(ctx.workspace.course)) {
      throw new ApiError(
        'conflict',
        'An import is still writing to this course. Wait for it to finish or cancel it, then try again. Nothing was changed.',
      );
    }
    const value = await (HANDLERS[name] as Handler<typeof name>)(parsed.data as never, ctx);
    if (checkOutputs) {
      const out = spec.output.safeParse(value);
      if (!out.success) throw new Error(`${name} answered outside its contract: ${describeZodError(out.error)}`);
    }
    return { ok: true, value };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toShape() };
    const e = err as Error & { code?: string };
    if (typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
      return {
        ok: false,
        error: { code: 'conflict', message: `${constraintMessage(e.message)} Nothing was changed.`, details: e.message },
      };
    }
    // Every write runs in one transaction, so a failure part-way has rolled back.
    console.error(`[gradebook] ${method} failed:`, err);
    return {
      ok: false,
      error: { code: 'internal', message: `Unexpected error in ${method}: ${e.message ?? String(err)}. Nothing was changed.` },
    };
  }
}
