import { z } from 'zod';
import { Id } from '../model';
import { method } from './define';
import { JobStarted } from './jobs';

/**
 * Excel and CSV in and out. Files travel as bytes (base64 in JSON) in both directions, so the
 * Electron and web transports behave the same; the renderer saves or offers the download.
 */
const Base64 = z
  .string()
  .max(400_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 data');
export const FileBytes = z.object({ name: z.string().max(255), data: Base64 }).strict();
export type FileBytes = z.infer<typeof FileBytes>;

export const ExportedFile = z.object({ name: z.string(), mime: z.string(), data: z.string() });
export type ExportedFile = z.infer<typeof ExportedFile>;

/** A problem found while validating a file, with the place as a spreadsheet shows it (row 1-based, column letter). */
export const ImportProblem = z.object({
  severity: z.enum(['error', 'warning']),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const SheetInfo = z.object({
  name: z.string(),
  rowCount: z.number().int(),
  columnCount: z.number().int(),
  /** The first rows as text, for picking the header row. */
  preview: z.array(z.array(z.string())),
});
export type SheetInfo = z.infer<typeof SheetInfo>;

/** Common to every import: which sheet, which header row (1-based), and preview-only. */
const SheetChoice = {
  file: FileBytes,
  sheet: z.string().max(100).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
  /** Validate and preview only; nothing is written. */
  dryRun: z.boolean().optional(),
};

const ImportOutcome = {
  sheets: z.array(SheetInfo),
  problems: z.array(ImportProblem),
  /** True when the course was changed (one undo step). */
  applied: z.boolean(),
  /** The backup taken before writing, if any. */
  backup: z.string().nullable(),
};

export const RosterField = z.enum(['registrarId', 'name', 'firstName', 'lastName', 'preferredName', 'email', 'section', 'status']);
export type RosterField = z.infer<typeof RosterField>;
export const RowAction = z.enum(['new', 'updated', 'unchanged', 'error']);
export type RowAction = z.infer<typeof RowAction>;

export const RosterImportInput = z
  .object({
    ...SheetChoice,
    /** Field per column (index = column; null: ignored). Absent: detected from the headers. */
    mapping: z.array(RosterField.nullable()).max(500).optional(),
  })
  .strict();
export type RosterImportInput = z.infer<typeof RosterImportInput>;

export const RosterReport = z.object({
  ...ImportOutcome,
  sheet: z.string(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: z.array(RosterField.nullable()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: RowAction,
      registrarId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      email: z.string().nullable(),
      section: z.string().nullable(),
      /** From the enrolment status column: Dropped / Withdrawn rows import as withdrawn; null: no status given. */
      status: z.enum(['enrolled', 'withdrawn']).nullable(),
      /** What changes for an existing student, e.g. "email: a@x → b@x". */
      changes: z.array(z.string()),
    }),
  ),
  counts: z.object({
    new: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
    /** Rows that import as withdrawn (new or existing students), counted apart in the preview. */
    withdrawn: z.number().int(),
  }),
});
export type RosterReport = z.infer<typeof RosterReport>;

export const ScoreColumnTarget = z.union([
  z.object({ column: z.number().int().min(0), itemId: Id }).strict(),
  z
    .object({
      column: z.number().int().min(0),
      create: z
        .object({
          name: z.string().trim().min(1).max(200),
          categoryId: Id,
          pointsPossible: z.number().min(0).max(100000),
        })
        .strict(),
    })
    .strict(),
]);
export type ScoreColumnTarget = z.infer<typeof ScoreColumnTarget>;

export const ScoreImportInput = z
  .object({
    ...SheetChoice,
    matchBy: z.enum(['registrarId', 'email']).default('registrarId'),
    /** The column holding the ID or email; absent: detected. */
    keyColumn: z.number().int().min(0).optional(),
    /** Absent: columns whose header names an item are matched to it. */
    columns: z.array(ScoreColumnTarget).max(1000).optional(),
    /** Blank cells clear existing scores (default: they leave them untouched). */
    blankClears: z.boolean().optional(),
    /** Rows of students not in the course are skipped with a warning instead of refusing the file. */
    skipUnknownStudents: z.boolean().optional(),
  })
  .strict();
export type ScoreImportInput = z.input<typeof ScoreImportInput>;

export const ScoreReport = z.object({
  ...ImportOutcome,
  sheet: z.string(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  keyColumn: z.number().int().nullable(),
  columns: z.array(
    z.object({
      column: z.number().int(),
      header: z.string(),
      itemId: z.number().int().nullable(),
      itemName: z.string().nullable(),
      action: z.enum(['matched', 'create', 'unmatched', 'key']),
    }),
  ),
  unmatchedRows: z.array(z.object({ row: z.number().int(), key: z.string() })),
  counts: z.object({
    set: z.number().int(),
    cleared: z.number().int(),
    unchanged: z.number().int(),
    statuses: z.number().int(),
    itemsCreated: z.number().int(),
  }),
});
export type ScoreReport = z.infer<typeof ScoreReport>;

export const CanvasImportInput = z
  .object({
    file: FileBytes,
    /** Category of new assignments without a choice of their own; absent: guessed from the title, else the first items category. */
    categoryId: Id.optional(),
    /** The category of each new assignment column, by its Canvas id (overrides the guess). */
    categories: z
      .array(z.object({ canvasId: z.string().max(40), categoryId: Id }).strict())
      .max(1000)
      .optional(),
    /**
     * The instructor's answer for each uncertain match (a row without an SIS ID whose name is like
     * a student's on file): the student it is, or null to add a new student. Row is 1-based.
     */
    decisions: z
      .array(z.object({ row: z.number().int().min(1), studentId: Id.nullable() }).strict())
      .max(10000)
      .optional(),
    dryRun: z.boolean().optional(),
  })
  .strict();
export type CanvasImportInput = z.infer<typeof CanvasImportInput>;

export const CanvasReport = z.object({
  ...ImportOutcome,
  students: z.object({ new: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), skipped: z.array(z.string()) }),
  items: z.array(
    z.object({
      canvasId: z.string(),
      name: z.string(),
      /** null when the file gives none (reported as a problem). */
      pointsPossible: z.number().nullable(),
      itemId: z.number().int().nullable(),
      action: z.enum(['matched', 'create']),
      /** The category a new item goes in (chosen, or guessed from the title); an existing item's own. */
      categoryId: z.number().int().nullable(),
    }),
  ),
  /** Rows without an SIS ID matched by name only: the instructor confirms each or adds a new student. */
  uncertain: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      login: z.string(),
      studentId: z.number().int(),
      studentName: z.string(),
      registrarId: z.string(),
      email: z.string().nullable(),
      decision: z.enum(['match', 'create']).nullable(),
    }),
  ),
  scores: z.object({ set: z.number().int(), unchanged: z.number().int(), statuses: z.number().int(), notAssigned: z.number().int() }),
});
export type CanvasReport = z.infer<typeof CanvasReport>;

export const WorkbookImportInput = z.object({ file: FileBytes, dryRun: z.boolean().optional() }).strict();
export const WorkbookReport = z.object({
  ...ImportOutcome,
  courseName: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  /** Scores typed over on the visible Grades sheet after the export; they are imported too. */
  gradesSheetEdits: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      student: z.string(),
      item: z.string(),
      /** As the export showed it and as the sheet has it now ("" for empty). */
      from: z.string(),
      to: z.string(),
    }),
  ),
});
export type WorkbookReport = z.infer<typeof WorkbookReport>;

/** What a registrar file column holds. */
export const RegistrarField = z.enum([
  'termCode',
  'crn',
  'classNumber',
  'studentId',
  'grade',
  'lastAttendDate',
  'lastName',
  'firstName',
  'fullName',
  'email',
  'section',
  'blank',
]);
export type RegistrarField = z.infer<typeof RegistrarField>;

export const ExportProfileConfig = z.object({
  name: z.string().trim().min(1).max(100),
  columns: z
    .array(z.object({ field: RegistrarField, header: z.string().max(100) }).strict())
    .min(1)
    .max(30),
  header: z.boolean(),
  format: z.enum(['xlsx', 'csv']),
  /** Tokens: {code} {course} {term} {termCode} {crn} {classNumber} {date}. */
  fileNamePattern: z.string().trim().min(1).max(200),
  allowedLetters: z.array(z.string().trim().min(1).max(4)).min(1).max(40),
  /** Letters that carry the last attendance date (e.g. F). */
  lastAttendLetters: z.array(z.string().trim().min(1).max(4)).max(40),
  dateFormat: z.enum(['YYYY-MM-DD', 'MM/DD/YYYY', 'DD-MON-YYYY']),
});
export type ExportProfileConfig = z.infer<typeof ExportProfileConfig>;

/** Built-in profiles have a fixed key ('banner', 'peoplesoft', 'id-grade'); saved ones 'custom:<id>'. */
export const ExportProfile = z.object({ key: z.string(), builtin: z.boolean(), config: ExportProfileConfig });
export type ExportProfile = z.infer<typeof ExportProfile>;

export const RegistrarParams = z
  .object({
    profile: z.string().min(1).max(50),
    termCode: z.string().trim().max(20).optional(),
    crn: z.string().trim().max(20).optional(),
    classNumber: z.string().trim().max(20).optional(),
  })
  .strict();
export type RegistrarParams = z.infer<typeof RegistrarParams>;

export const PreflightIssue = z.object({
  kind: z.enum(['no-letter', 'letter-not-allowed', 'override', 'withdrawn', 'missing-parameter']),
  studentId: z.number().int().nullable(),
  registrarId: z.string().nullable(),
  name: z.string().nullable(),
  message: z.string(),
});
export type PreflightIssue = z.infer<typeof PreflightIssue>;

export const Preflight = z.object({
  profile: ExportProfile,
  /** True when there is nothing to confirm. */
  passes: z.boolean(),
  issues: z.array(PreflightIssue),
  /** The rows that would be written. */
  rows: z.array(
    z.object({
      studentId: z.number().int(),
      registrarId: z.string(),
      name: z.string(),
      letter: z.string(),
      lastAttendDate: z.string().nullable(),
    }),
  ),
  enrolled: z.number().int(),
});
export type Preflight = z.infer<typeof Preflight>;

export const RegistrarExportRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  profileName: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  letters: z.array(z.object({ registrarId: z.string(), letter: z.string() })),
});
export type RegistrarExportRecord = z.infer<typeof RegistrarExportRecord>;

/** An import run as a job (progress, cancel): the kind and that kind's input. */
export const ImportJobInput = z.discriminatedUnion('kind', [
  RosterImportInput.extend({ kind: z.literal('roster') }),
  ScoreImportInput.extend({ kind: z.literal('scores') }),
  CanvasImportInput.extend({ kind: z.literal('canvas') }),
  WorkbookImportInput.extend({ kind: z.literal('workbook') }),
]);
export type ImportJobInput = z.input<typeof ImportJobInput>;
export type ImportKind = ImportJobInput['kind'];
/** A finished import job's result, by kind. */
export interface ImportJobResult {
  roster: RosterReport;
  scores: ScoreReport;
  canvas: CanvasReport;
  workbook: WorkbookReport;
}

export const ExportJobInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workbook') }).strict(),
  z.object({ kind: z.literal('csv') }).strict(),
  RegistrarParams.extend({ kind: z.literal('registrar'), confirm: z.boolean().optional() }).strict(),
]);
export type ExportJobInput = z.input<typeof ExportJobInput>;
export const RegistrarExport = z.object({ file: ExportedFile, preflight: Preflight, record: RegistrarExportRecord });
export type RegistrarExport = z.infer<typeof RegistrarExport>;
/** A finished export job's result, by kind. */
export interface ExportJobResult {
  workbook: ExportedFile;
  csv: ExportedFile;
  registrar: RegistrarExport;
}

export const excelMethods = {
  /** Starts an import as a job (poll `job.status`; its result is the kind's report). The direct methods below wait instead. */
  'excel.startImport': method(ImportJobInput, JobStarted, (input) => !input.dryRun),
  /** Starts an export as a job; its result is the file (registrar: file, pre-flight and record). */
  'excel.startExport': method(ExportJobInput, JobStarted, (input) => input.kind === 'registrar'),
  /** The sheets of a file with their first rows, for the wizard's sheet and header-row step. */
  'excel.inspect': method(z.object({ file: FileBytes }).strict(), z.object({ sheets: z.array(SheetInfo) })),
  /** Class list import; with dryRun: the preview (what happens to each row). One undo step, backup first. */
  'excel.importRoster': method(RosterImportInput, RosterReport, true),
  'excel.importScores': method(ScoreImportInput, ScoreReport, true),
  /** A Canvas gradebook CSV export: roster plus scores. */
  'excel.importCanvas': method(CanvasImportInput, CanvasReport, true),
  /** Our own full workbook: replaces the course's policy, roster, items, scores and attendance. */
  'excel.importWorkbook': method(WorkbookImportInput, WorkbookReport, true),
  'excel.exportWorkbook': method(z.object({}).strict(), ExportedFile),
  /** The Grades sheet as CSV. */
  'excel.exportGradesCsv': method(z.object({}).strict(), ExportedFile),
  'excel.profiles': method(z.object({}).strict(), z.array(ExportProfile)),
  /** Saves a custom profile with the course (new when id is absent). */
  'excel.saveProfile': method(z.object({ id: Id.optional(), config: ExportProfileConfig }).strict(), ExportProfile, true),
  'excel.deleteProfile': method(z.object({ id: Id }).strict(), z.null(), true),
  'excel.registrarPreflight': method(RegistrarParams, Preflight),
  /** Writes the registrar file; refused until the pre-flight passes or `confirm` is set. Recorded in the course. */
  'excel.exportRegistrar': method(RegistrarParams.extend({ confirm: z.boolean().optional() }).strict(), RegistrarExport, true),
  /** "What did we submit?": every registrar export, newest first. */
  'excel.registrarExports': method(z.object({}).strict(), z.array(RegistrarExportRecord)),
};
