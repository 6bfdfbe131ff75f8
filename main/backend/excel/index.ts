/** Excel and CSV in and out: the entry points the RPC handlers and the CLI call. */
import { importAttendance } from './attendance-import';
import { importCanvas } from './canvas-import';
import { importRoster } from './roster-import';
import { importScores } from './score-import';
import { importWorkbook } from './workbook-import';

export { readSpreadsheet } from './read';
export { importRoster, type RosterOptions } from './roster-import';
export { importScores, type ScoreOptions } from './score-import';
export { importCanvas, type CanvasOptions } from './canvas-import';
export { importWorkbook } from './workbook-import';
export { describeEdits } from './grades-sheet-edits';
export { exportWorkbook } from './workbook-export';
export { exportGradesCsv } from './csv-export';
export { exportAttendance } from './attendance-export';
export { importAttendance, type AttendanceOptions } from './attendance-import';
export { exportRegistrar, registrarPreflight, listRegistrarExports, type ExportedBytes, type RegistrarOptions } from './registrar-export';
export { listProfiles, saveProfile, deleteProfile, findProfile } from './profiles';
export { describeProblem } from './problems';
export { columnsByHeader, pickSheet } from './detect';
export type { ImportFile } from './apply';

/** Every importer by kind (the CLI's `import <kind>`; all but attendance are also `excel.startImport` kinds). */
export const IMPORTERS = {
  roster: importRoster,
  scores: importScores,
  canvas: importCanvas,
  workbook: importWorkbook,
  attendance: importAttendance,
};
export type ImporterKind = keyof typeof IMPORTERS;
