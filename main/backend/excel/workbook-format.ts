import type { TrackedTable } from '../changes/tables';

/**
 * The full workbook carries the whole course in a hidden sheet, one table row per sheet row
 * ([table, JSON of the row]), so importing it reproduces the course exactly. The visible sheets
 * are for people; this one is for the importer.
 */
export const DATA_SHEET = 'Gradebook data';
export const FORMAT_TAG = 'gradebook-workbook';
/** 2: the data sheet also records what the Grades sheet showed, so edits made there are found. */
export const FORMAT_VERSION = 2;

/** The visible sheet whose score edits are imported, and where its table starts (0-based rows). */
export const GRADES_SHEET = 'Grades';
export const GRADES_HEADER_ROW = 3;
/**
 * Data-sheet rows recording the Grades sheet as exported: one [GRADES_COLUMNS, JSON {header,
 * items}] row (items: the item id per column, null for other columns), then one
 * [GRADES_ROW, JSON [studentId, ...cells]] row per student.
 */
export const GRADES_COLUMNS = 'grades-sheet-columns';
export const GRADES_ROW = 'grades-sheet-row';

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
  'reading',
  'presentation_draw',
  'presentation',
  'export_profile',
  'registrar_export',
] as const satisfies readonly TrackedTable[];
export type DataTable = (typeof DATA_TABLES)[number];

/**
 * Statistics rows under the Grades sheet's students, labelled in the ID column: a title, then one
 * row per figure. They are for reading; the import skips them.
 */
export const GRADES_FOOTER_TITLE =
  'Statistics of each item and category % (enrolled students; excused and ungraded left out; not imported)';
export const GRADES_FOOTER = [
  ['Count', 'count'],
  ['Mean', 'mean'],
  ['Median', 'median'],
  ['SD (population)', 'sd'],
  ['Min', 'min'],
  ['Max', 'max'],
] as const;
