import type { TrackedTable } from '../changes/tables';

/**
 * The full workbook carries the whole course in a hidden sheet, one table row per sheet row
 * ([table, JSON of the row]), so importing it reproduces the course exactly. The visible sheets
 * are for people; this one is for the importer.
 */
export const DATA_SHEET = 'Gradebook data';
export const FORMAT_TAG = 'gradebook-workbook';
export const FORMAT_VERSION = 1;

/** Tables in an order where every row's references come before it. */
export const DATA_TABLES = [
  'course',
  'category',
  'student',
  'team',
  'team_member',
  'item',
  'score',
  'team_score',
  'grade_override',
  'attendance_session',
  'attendance_mark',
  'presentation_draw',
  'presentation',
  'export_profile',
  'registrar_export',
] as const satisfies readonly TrackedTable[];
export type DataTable = (typeof DATA_TABLES)[number];
