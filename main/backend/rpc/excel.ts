import type { ExportedFile, FileBytes } from '../../../shared/api/excel';
import { excelMethods } from '../../../shared/api/excel';
import {
  deleteProfile,
  exportGradesCsv,
  exportRegistrar,
  exportWorkbook,
  importCanvas,
  importRoster,
  importScores,
  importWorkbook,
  listProfiles,
  listRegistrarExports,
  readSpreadsheet,
  registrarPreflight,
  saveProfile,
  type ExportedBytes,
  type ImportFile,
} from '../excel';
import { sheetInfos } from '../excel/detect';
import { requireCourse } from '../services/course';
import type { Handlers } from './context';

/** Bytes travel as base64 in JSON so IPC and HTTP carry files the same way. */
const fromWire = (f: FileBytes): ImportFile => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.data, 'base64')) });
const toWire = (f: { name: string; mime?: string; bytes: Uint8Array }): ExportedFile => ({
  name: f.name,
  mime: f.mime ?? 'application/octet-stream',
  data: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64'),
});
const wire = (f: ExportedBytes) => toWire(f);

export const excelHandlers: Handlers<keyof typeof excelMethods> = {
  'excel.inspect': async ({ file }) => {
    const f = fromWire(file);
    return { sheets: sheetInfos(await readSpreadsheet(f.bytes, f.name)) };
  },
  'excel.importRoster': ({ file, ...opts }, { workspace }) => importRoster(requireCourse(workspace.course), fromWire(file), opts),
  'excel.importScores': ({ file, ...opts }, { workspace }) => importScores(requireCourse(workspace.course), fromWire(file), opts),
  'excel.importCanvas': ({ file, ...opts }, { workspace }) => importCanvas(requireCourse(workspace.course), fromWire(file), opts),
  'excel.importWorkbook': ({ file, ...opts }, { workspace }) => importWorkbook(requireCourse(workspace.course), fromWire(file), opts),
  'excel.exportWorkbook': async (_, { workspace }) => wire(await exportWorkbook(requireCourse(workspace.course))),
  'excel.exportGradesCsv': (_, { workspace }) => toWire({ ...exportGradesCsv(requireCourse(workspace.course)), mime: 'text/csv' }),
  'excel.profiles': (_, { workspace }) => listProfiles(requireCourse(workspace.course)),
  'excel.saveProfile': ({ id, config }, { workspace }) => saveProfile(requireCourse(workspace.course), config, id),
  'excel.deleteProfile': ({ id }, { workspace }) => {
    deleteProfile(requireCourse(workspace.course), id);
    return null;
  },
  'excel.registrarPreflight': ({ profile, ...opts }, { workspace }) => registrarPreflight(requireCourse(workspace.course), profile, opts),
  'excel.exportRegistrar': async ({ profile, ...opts }, { workspace }) => {
    const result = await exportRegistrar(requireCourse(workspace.course), profile, opts);
    return { ...result, file: wire(result.file) };
  },
  'excel.registrarExports': (_, { workspace }) => listRegistrarExports(requireCourse(workspace.course)),
};
