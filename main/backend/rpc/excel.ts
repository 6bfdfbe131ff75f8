import type { ExportedFile, FileBytes } from '@shared/api/excel';
import { excelMethods } from '@shared/api/excel';
import {
  deleteProfile,
  exportGradesCsv,
  exportRegistrar,
  IMPORTERS,
  type ImporterKind,
  listProfiles,
  listRegistrarExports,
  registrarPreflight,
  saveProfile,
  type ImportFile,
} from '../excel';
import { nativeBindingPath } from '../db/open';
import { sheetInfos } from '../excel/detect';
import { readSpreadsheetOffThread } from '../excel/read';
import { runOffThread } from '../jobs/off-thread';
import { startJob } from '../jobs/runner';
import { IDLE, type Steps } from '../jobs/steps';
import type { Course } from '../services/course';
import { courseOf, type Handlers } from './context';

/** Bytes travel as base64 in JSON so IPC and HTTP carry files the same way. */
export const fromWire = (f: FileBytes): ImportFile => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.data, 'base64')) });
export const toWire = (f: { name: string; mime?: string; bytes: Uint8Array }): ExportedFile => ({
  name: f.name,
  mime: f.mime ?? 'application/octet-stream',
  data: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64'),
});

type Importer = (course: Course, file: ImportFile, opts: object, work: Steps) => Promise<unknown>;
/** One importer by kind, with its file from the wire (the direct methods and the jobs share it). */
const runImport = <K extends ImporterKind>(course: Course, kind: K, { file, ...opts }: { file: FileBytes }, work: Steps = IDLE) =>
  (IMPORTERS[kind] as Importer)(course, fromWire(file), opts, work) as ReturnType<(typeof IMPORTERS)[K]>;

/**
 * On a worker thread over a read-only connection, so the export blocks no other call. The file is
 * the open course, checked when it was opened: the worker does not run quick_check again.
 */
const exportWorkbookFile = async (course: Course, work: Steps) =>
  toWire(
    await runOffThread('exportWorkbook', { file: course.file, checked: true, now: new Date(), nativeBinding: nativeBindingPath() }, work),
  );
const exportCsvFile = (course: Course) => toWire({ ...exportGradesCsv(course), mime: 'text/csv' });
const exportRegistrarFile = async (course: Course, { profile, ...opts }: { profile: string; confirm?: boolean }) => {
  const result = await exportRegistrar(course, profile, opts);
  return { ...result, file: toWire(result.file) };
};

export const excelHandlers: Handlers<keyof typeof excelMethods> = {
  'excel.startImport': ({ kind, ...input }, ctx) => {
    const course = courseOf(ctx);
    // A second writing import is refused by the dispatcher (the contract's `mutates`); previews
    // write nothing (and a stale one is caught when its import runs), so they never wait.
    return {
      jobId: startJob(`import.${kind}`, { course, writes: !input.dryRun }, (work): Promise<unknown> =>
        runImport(course, kind, input, work),
      ),
    };
  },
  'excel.startExport': (input, ctx) => {
    const course = courseOf(ctx);
    return {
      jobId: startJob<unknown>(`export.${input.kind}`, { course, writes: false }, (work) => {
        if (input.kind === 'workbook') return exportWorkbookFile(course, work);
        if (input.kind === 'csv') return work.step(0, 'Writing the CSV').then(() => exportCsvFile(course));
        const { kind: _, ...params } = input;
        return work.step(0, 'Writing the registrar file').then(() => exportRegistrarFile(course, params));
      }),
    };
  },
  'excel.inspect': async ({ file }) => ({ sheets: sheetInfos(await readSpreadsheetOffThread(fromWire(file))) }),
  'excel.importRoster': (input, ctx) => runImport(courseOf(ctx), 'roster', input),
  'excel.importScores': (input, ctx) => runImport(courseOf(ctx), 'scores', input),
  'excel.importCanvas': (input, ctx) => runImport(courseOf(ctx), 'canvas', input),
  'excel.importWorkbook': (input, ctx) => runImport(courseOf(ctx), 'workbook', input),
  'excel.exportWorkbook': (_, ctx) => exportWorkbookFile(courseOf(ctx), IDLE),
  'excel.exportGradesCsv': (_, ctx) => exportCsvFile(courseOf(ctx)),
  'excel.profiles': (_, ctx) => listProfiles(courseOf(ctx)),
  'excel.saveProfile': ({ id, config }, ctx) => saveProfile(courseOf(ctx), config, id),
  'excel.deleteProfile': ({ id }, ctx) => {
    deleteProfile(courseOf(ctx), id);
    return null;
  },
  'excel.registrarPreflight': ({ profile, ...opts }, ctx) => registrarPreflight(courseOf(ctx), profile, opts),
  'excel.exportRegistrar': (input, ctx) => exportRegistrarFile(courseOf(ctx), input),
  'excel.registrarExports': (_, ctx) => listRegistrarExports(courseOf(ctx)),
};
