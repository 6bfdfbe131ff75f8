/**
 * The import wizard's state: what the instructor chose (kind, file, sheet, columns, answers), the
 * last preview's report and what to say. One reducer, so each step's component only renders and
 * dispatches; `importInput` turns the state into the job's input and `importSummary` says what an
 * import does.
 */
import type {
  CanvasReport,
  FileBytes,
  ImportJobInput,
  ImportKind,
  ImportProblem,
  RosterField,
  RosterReport,
  ScoreColumnTarget,
  ScoreReport,
  WorkbookReport,
} from '../api/excel';
import { plural } from '../text/words';
import type { CategoryChoices, MatchDecisions } from './canvasImport';
import { canvasSummary, rosterSummary } from './importSummary';

export type { ImportKind };
export type ImportReport = RosterReport | ScoreReport | CanvasReport | WorkbookReport;

/** What the instructor chose on top of what was detected. */
export interface ImportChoice {
  sheet?: string;
  headerRow?: number;
  mapping?: (RosterField | null)[];
  /** Scores: where each column goes (absent: columns named like an item). */
  columns?: ScoreColumnTarget[];
  /** Canvas: the category of each assignment new to the course, and the answer for each uncertain match. */
  categories?: CategoryChoices;
  decisions?: MatchDecisions;
}

/** A score import's settings, kept when the file or the choice changes. */
export interface ScoreOptions {
  matchBy: 'registrarId' | 'email';
  blankClears: boolean;
  skipUnknown: boolean;
}

export interface ImportFailure {
  message: string;
  problems: ImportProblem[];
}

export interface WizardState {
  kind: ImportKind;
  file: FileBytes | null;
  choice: ImportChoice;
  options: ScoreOptions;
  /** The last preview; an import is allowed only from one without errors. */
  report: ImportReport | null;
  failure: ImportFailure | null;
  /** A cancelled read or import, in words. */
  note: string | null;
}

export type WizardAction =
  /** Another kind or file starts the choices over. */
  | { type: 'kind'; kind: ImportKind }
  | { type: 'file'; file: FileBytes }
  | { type: 'choice'; choice: ImportChoice }
  | { type: 'options'; options: Partial<ScoreOptions> }
  | { type: 'previewing' }
  | { type: 'previewed'; report: ImportReport }
  | { type: 'previewFailed'; failure: ImportFailure }
  | { type: 'importing' }
  /** A failed import keeps the preview it was started from. */
  | { type: 'importFailed'; failure: ImportFailure }
  | { type: 'note'; note: string };

export function initialWizard(kind: ImportKind): WizardState {
  return {
    kind,
    file: null,
    choice: {},
    options: { matchBy: 'registrarId', blankClears: false, skipUnknown: false },
    report: null,
    failure: null,
    note: null,
  };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'kind':
      return { ...state, kind: action.kind, choice: {} };
    case 'file':
      return { ...state, file: action.file, choice: {} };
    case 'choice':
      return { ...state, choice: action.choice };
    case 'options':
      return { ...state, options: { ...state.options, ...action.options } };
    case 'previewing':
      return { ...state, failure: null, note: null };
    case 'previewed':
      return { ...state, report: action.report };
    case 'previewFailed':
      return { ...state, report: null, failure: action.failure };
    case 'importing':
      return { ...state, note: null };
    case 'importFailed':
      return { ...state, failure: action.failure };
    case 'note':
      return { ...state, note: action.note };
  }
}

/** The import job's input for the wizard's kind, file, choices and options. */
export function importInput(state: Pick<WizardState, 'kind' | 'choice' | 'options'>, file: FileBytes, dryRun: boolean): ImportJobInput {
  const { choice: c, options } = state;
  switch (state.kind) {
    case 'roster':
      return { kind: 'roster', file, dryRun, ...c };
    case 'scores':
      return {
        kind: 'scores',
        file,
        dryRun,
        matchBy: options.matchBy,
        blankClears: options.blankClears,
        skipUnknownStudents: options.skipUnknown,
        sheet: c.sheet,
        headerRow: c.headerRow,
        ...(c.columns && { columns: c.columns }),
      };
    case 'canvas':
      return { kind: 'canvas', file, dryRun, categories: c.categories, decisions: c.decisions };
    case 'workbook':
      return { kind: 'workbook', file, dryRun };
  }
}

/** Errors in the preview: any one keeps the Import button off. */
export function previewErrors(report: ImportReport | null): number {
  return report?.problems.filter((p) => p.severity === 'error').length ?? 0;
}

/** What the import does, for its button and the notice afterwards. */
export function importSummary(kind: ImportKind, r: ImportReport): string {
  if (kind === 'roster') return rosterSummary(r as RosterReport);
  if (kind === 'scores') {
    const c = (r as ScoreReport).counts;
    return `${c.set} scores, ${c.statuses} statuses, ${c.cleared} cleared`;
  }
  if (kind === 'canvas') return canvasSummary(r as CanvasReport);
  const w = r as WorkbookReport;
  const edits = w.gradesSheetEdits.length;
  return `${w.counts.student ?? 0} students${edits ? `, ${plural(edits, 'score')} edited on the Grades sheet` : ''}`;
}

/** What the app says once an import is done. */
export function importNotice(fileName: string, kind: ImportKind, r: ImportReport): string {
  if (!r.applied) return `Imported ${fileName}: the course already matched it, so nothing was changed.`;
  return `Imported ${fileName}: ${importSummary(kind, r)}. You can undo this as one step.`;
}
