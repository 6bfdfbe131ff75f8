import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode } from '@shared/api/envelope';
import { fileError } from '../excel/problems';
import { IDLE, JobCancelled, type Steps } from './steps';
import type { TaskMessage, TaskName, Tasks, WorkerMessage } from './worker';

/**
 * Heap a worker may use. Readers stay far below it by their limits (limits.ts), and the export
 * streams its workbook (a 2,000 x 100 course peaks near 400 MiB for the whole process). Should
 * work still pass it, that worker alone is stopped and the work refused, never the app.
 */
const WORKER_HEAP_MB = 2048;

/**
 * A new worker: the bundled worker.js beside the bundled main (build/bundle.mjs), or under tsx
 * and vitest, where this module is its TypeScript source, worker.ts through tsx's require hook.
 */
function spawn(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!__filename.endsWith('.ts')) return new Worker(path.join(__dirname, 'worker.js'), options);
  const [tsx, source, tsconfig] = [
    createRequire(__filename).resolve('tsx/cjs'),
    path.join(__dirname, 'worker.ts'),
    path.join(__dirname, '../../../tsconfig.json'),
  ].map((f) => JSON.stringify(f));
  // tsconfig.json declares `@shared/...`; tsx would otherwise look for it in the working folder.
  return new Worker(`process.env.TSX_TSCONFIG_PATH ??= ${tsconfig}; require(${tsx}); require(${source});`, { ...options, eval: true });
}

/** Workers waiting for a task (starting one costs far more than most tasks), each with what detaches its idle handlers. */
const idle = new Map<Worker, () => void>();
const IDLE_MAX = 2;

function checkOut(): Worker {
  const [worker, detach] = idle.entries().next().value ?? [spawn(), null];
  if (detach) {
    idle.delete(worker);
    detach();
  }
  worker.ref();
  return worker;
}

function checkIn(worker: Worker): void {
  if (idle.size >= IDLE_MAX) {
    void worker.terminate();
    return;
  }
  // An idle worker never keeps the process (the CLI) alive, and one that dies is forgotten.
  // One that cannot start (its file missing) is logged, not thrown: the next task spawns anew.
  const forget = () => idle.delete(worker);
  const failed = (err: Error) => console.error(`An idle worker thread failed: ${err.message}`);
  worker.once('exit', forget);
  worker.once('error', failed);
  worker.unref();
  idle.set(worker, () => {
    worker.off('exit', forget);
    worker.off('error', failed);
  });
}

/** Starts a worker ahead of the first task (the app does at start), so the first import does not wait for one. */
export function startIdleWorker(): void {
  if (idle.size === 0) checkIn(spawn());
}

const TOO_BIG_TO_READ = 'The file needs more memory to read than the app allows; split it into smaller files and import them one by one.';
/** The refusal when a task's worker ran out of its heap. */
const OUT_OF_MEMORY: Record<TaskName, () => ApiError> = {
  readSpreadsheet: () => fileError(TOO_BIG_TO_READ),
  readWorkbookSheets: () => fileError(TOO_BIG_TO_READ),
  exportWorkbook: () => new ApiError('io_error', 'The export needs more memory than the app allows; no file was written.'),
  reportAll: () =>
    new ApiError(
      'io_error',
      'The reports need more memory than the app allows in one PDF; choose one PDF per student instead. No file was written.',
    ),
};

/**
 * Runs a task of worker.ts on a worker thread, so a long parse or export never blocks other
 * calls. Progress goes to `work.step` (which also stops the task if its job was cancelled or
 * its course closed); cancelling the job stops its thread at once. Parts a task sends ahead of
 * its answer go to `onPart`, in order, before the answer. Errors come back as they were thrown
 * (also one thrown by `onPart`): an ApiError with its code and details, anything else as a plain Error.
 */
export function runOffThread<K extends TaskName>(
  name: K,
  input: Parameters<Tasks[K]>[0],
  work: Steps = IDLE,
  onPart: (part: never) => void = () => {},
): Promise<Awaited<ReturnType<Tasks[K]>>> {
  return new Promise((resolve, reject) => {
    if (work.signal?.aborted) return reject(new JobCancelled());
    const worker = checkOut();
    let settled = false;
    /** A worker that answered goes back to the pool; one stopped part-way (or retiring) is ended. */
    const settle = (answered: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      work.signal?.removeEventListener('abort', cancel);
      // Only this task's listeners: the Worker's own (which start its message port) must stay.
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (answered) checkIn(worker);
      else void worker.terminate();
      outcome();
    };
    const cancel = () => settle(false, () => reject(new JobCancelled()));
    const onMessage = (message: WorkerMessage) => {
      if ('progress' in message) {
        work.step(...message.progress).catch((err: unknown) => settle(false, () => reject(err)));
      } else if ('part' in message) {
        try {
          onPart(message.part as never);
        } catch (err) {
          settle(false, () => reject(err));
        }
      } else if ('result' in message) {
        settle(!message.retire, () => resolve(message.result as Awaited<ReturnType<Tasks[K]>>));
      } else {
        const { api, code, message: text, details } = message.error;
        settle(!message.retire, () => reject(api ? new ApiError(code as ErrorCode, text, details) : new Error(text)));
      }
    };
    const onError = (err: Error & { code?: string }) =>
      settle(false, () => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY[name]() : err));
    const onExit = (code: number) =>
      settle(false, () => reject(new Error(`The worker thread stopped (exit code ${code}) before it answered.`)));
    work.signal?.addEventListener('abort', cancel);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ name, input } satisfies TaskMessage);
  });
}
