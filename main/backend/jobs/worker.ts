/**
 * The worker thread's entry (bundled as out/main/electron/worker.js): runs tasks sent by
 * off-thread.ts one at a time, off the request path, posting progress and then the result or
 * the error. Readers parse a file and hand back plain sheets; the exports open the course
 * read-only, in one read transaction so every sheet shows the same moment. Nothing here writes
 * a course.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { ApiError } from '@shared/api/envelope';
import { openCourseReadOnly, useNativeBinding } from '../db/open';
import { ReadBudget, WORKBOOK_LIMITS } from '../excel/limits';
import { exportWorkbook } from '../excel/workbook-export';
import { readSpreadsheet } from '../excel/read';
import { readXlsxSheets } from '../excel/xlsx-parts';
import type { CellValue, RowSink } from '../excel/sheet';
import type { ReportOptions } from '../reports/data';
import type { Steps } from './steps';

export const TASKS = {
  /** A class list, score sheet or Canvas export (.xlsx or .csv), every sheet. */
  readSpreadsheet: (input: { bytes: Uint8Array; fileName: string }) => readSpreadsheet(input.bytes, input.fileName),
  /**
   * The named sheets of a full workbook, under the workbook's larger limits. The rows of the
   * sheet `streamed` are sent on in parts as they are read (and it comes back empty), so the
   * starting thread checks them while the rest is read.
   */
  readWorkbookSheets: (input: { bytes: Uint8Array; names: string[]; streamed?: string }, work: WorkerSteps) => {
    let part: RowsPart = { sheet: 0, at: [], cells: [] };
    const send = (sheet = part.sheet) => {
      if (part.at.length) work.send(part);
      part = { sheet, at: [], cells: [] };
    };
    const keep: RowSink = (r, cells) => {
      part.at.push(r);
      part.cells.push(cells);
      if (part.at.length === ROWS_PER_PART) send();
    };
    const start = () => {
      send(part.sheet + 1);
      return keep;
    };
    const sinks = new Map(input.streamed === undefined ? [] : [[input.streamed, start]]);
    const sheets = [...readXlsxSheets(input.bytes, input.names, new ReadBudget(WORKBOOK_LIMITS), sinks).values()];
    send();
    return sheets;
  },
  /** `checked`: the file is the course the app holds open, checked when it was opened (or created by it). */
  exportWorkbook: async (input: { file: string; checked: boolean; now: Date; nativeBinding: string | undefined }, work: Steps) => {
    useNativeBinding(input.nativeBinding);
    const db = openCourseReadOnly(input.file, { checked: input.checked });
    try {
      db.exec('BEGIN');
      return await exportWorkbook({ db, file: input.file }, input.now, work);
    } finally {
      db.close();
    }
  },
  /** Every enrolled student's grade report (one PDF, or one each in a zip). */
  reportAll: async (
    input: { file: string; checked: boolean; now: Date; nativeBinding: string | undefined; opts: ReportOptions & { each: boolean } },
    work: Steps,
  ) => {
    useNativeBinding(input.nativeBinding);
    // The PDF code (pdfmake, its fonts: ~25 MiB) is loaded by the first report, not by every
    // worker. require, not import(): under tsx the worker has only the CommonJS hook.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { allStudentsReport } = require('../services/reports') as typeof import('../services/reports');
    const db = openCourseReadOnly(input.file, { checked: input.checked });
    try {
      db.exec('BEGIN');
      return await allStudentsReport(db, input.opts, work, input.now);
    } finally {
      db.close();
    }
  },
};

/** Rows of a sheet as read, in file order: row at[i] (0-based) holds cells[i]. */
export interface RowsPart {
  /** Counts the sheets of the streamed name read so far (rows of a later one replace the earlier's). */
  sheet: number;
  at: number[];
  cells: CellValue[][];
}

/** Rows per part: large enough that posting costs little, small enough to check while reading. */
const ROWS_PER_PART = 10_000;

/** A task's steps on the worker, which can also send parts of its answer ahead of it. */
type WorkerSteps = Steps & { send(part: unknown): void };

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;

/** A task sent to the worker. */
export interface TaskMessage {
  name: TaskName;
  input: unknown;
}

/**
 * What the worker posts back while it runs a task. An answer says whether the worker should
 * retire: one whose heap grew large on a big file is not kept idle holding that memory.
 */
export type WorkerMessage =
  | { progress: [fraction: number, phase: string] }
  | { part: unknown }
  | { result: unknown; retire: boolean }
  | { error: { api: boolean; code: string; message: string; details?: unknown }; retire: boolean };

const RETIRE_HEAP_BYTES = 128 * 1024 * 1024;
const retire = () => getHeapStatistics().total_heap_size > RETIRE_HEAP_BYTES;

async function run({ name, input }: TaskMessage, post: (m: WorkerMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const work: WorkerSteps = {
    step: async (fraction, phase) => {
      post({ progress: [fraction, phase] });
      await new Promise((resolve) => setImmediate(resolve));
    },
    send: (part) => post({ part }),
  };
  try {
    const result = await (TASKS[name] as (input: unknown, work: WorkerSteps) => unknown)(input, work);
    // An exported file moves to the starting thread instead of being copied.
    const bytes = (result as { bytes?: unknown }).bytes;
    post({ result, retire: retire() }, bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : []);
  } catch (err) {
    post({
      error:
        err instanceof ApiError
          ? { api: true, code: err.code, message: err.message, details: err.details }
          : { api: false, code: 'internal', message: (err as Error)?.message ?? String(err) },
      retire: retire(),
    });
  }
}

const port = parentPort;
if (port) {
  // One task at a time: off-thread.ts sends the next only after the answer to this one.
  port.on('message', (task: TaskMessage) => void run(task, (m, transfer) => port.postMessage(m, transfer ?? [])));
}
