import { describe, expect, it } from 'vitest';
import type { RosterReport, ScoreReport, WorkbookReport } from '@shared/api';
import {
  importInput,
  importNotice,
  importSummary,
  initialWizard,
  previewErrors,
  wizardReducer,
  type WizardAction,
} from '@shared/screens/importWizard';

const file = { name: 'class.csv', data: 'YQ==' };
const failure = { message: 'Nothing was imported.', problems: [] };
const problem = (severity: 'error' | 'warning') => ({ sheet: null, row: 3, column: null, severity, message: 'x' });
const report = (problems: ReturnType<typeof problem>[] = []) => ({ problems }) as unknown as RosterReport;
const run = (actions: WizardAction[], kind = 'roster' as const) => actions.reduce(wizardReducer, initialWizard(kind));

describe('import wizard state', () => {
  it('starts with nothing chosen and the score options at their defaults', () => {
    expect(initialWizard('scores')).toEqual({
      kind: 'scores',
      file: null,
      choice: {},
      options: { matchBy: 'registrarId', blankClears: false, skipUnknown: false },
      report: null,
      failure: null,
      note: null,
    });
  });

  it('another kind or file starts the choices over but keeps the score options', () => {
    const s = run([
      { type: 'file', file },
      { type: 'choice', choice: { headerRow: 3 } },
      { type: 'options', options: { blankClears: true } },
      { type: 'kind', kind: 'scores' },
    ]);
    expect(s).toMatchObject({ kind: 'scores', file, choice: {}, options: { blankClears: true, matchBy: 'registrarId' } });
    expect(wizardReducer({ ...s, choice: { sheet: 'B' } }, { type: 'file', file }).choice).toEqual({});
  });

  it('a new preview clears the last failure and note; a failed preview drops the report, a failed import keeps it', () => {
    const previewed = run([
      { type: 'previewed', report: report() },
      { type: 'note', note: 'Reading the file was cancelled.' },
    ]);
    expect(wizardReducer(previewed, { type: 'previewing' })).toMatchObject({ note: null, failure: null, report: report() });
    expect(wizardReducer(previewed, { type: 'previewFailed', failure })).toMatchObject({ report: null, failure });
    const failed = wizardReducer(previewed, { type: 'importFailed', failure });
    expect(failed).toMatchObject({ report: report(), failure });
    // Starting an import clears the note only: the failure stays until the import answers.
    expect(wizardReducer(failed, { type: 'importing' })).toMatchObject({ note: null, failure });
  });

  it('builds the job input of each kind from the choices and options', () => {
    const s = run([
      { type: 'options', options: { matchBy: 'email', skipUnknown: true } },
      { type: 'choice', choice: { sheet: 'S', headerRow: 2 } },
    ]);
    expect(importInput({ ...s, kind: 'roster' }, file, true)).toEqual({ kind: 'roster', file, dryRun: true, sheet: 'S', headerRow: 2 });
    expect(importInput({ ...s, kind: 'scores' }, file, false)).toEqual({
      kind: 'scores',
      file,
      dryRun: false,
      matchBy: 'email',
      blankClears: false,
      skipUnknownStudents: true,
      sheet: 'S',
      headerRow: 2,
    });
    expect(importInput({ ...s, kind: 'workbook' }, file, true)).toEqual({ kind: 'workbook', file, dryRun: true });
    const decisions = [{ row: 4, studentId: null }];
    expect(importInput({ ...s, kind: 'canvas', choice: { decisions } }, file, true)).toEqual({
      kind: 'canvas',
      file,
      dryRun: true,
      categories: undefined,
      decisions,
    });
  });

  it('counts only errors against the import, and sums up what it does', () => {
    expect(previewErrors(null)).toBe(0);
    expect(previewErrors(report([problem('warning'), problem('error'), problem('error')]))).toBe(2);
    const scores = { counts: { set: 1, statuses: 1, cleared: 0 } } as unknown as ScoreReport;
    expect(importSummary('scores', scores)).toBe('1 scores, 1 statuses, 0 cleared');
    const workbook = (n: number) => ({ counts: { student: 40 }, gradesSheetEdits: Array(n).fill({}) }) as unknown as WorkbookReport;
    expect(importSummary('workbook', workbook(0))).toBe('40 students');
    expect(importSummary('workbook', workbook(1))).toBe('40 students, 1 score edited on the Grades sheet');
  });

  it('offers undo only for an import that changed the course', () => {
    const workbook = (applied: boolean) => ({ applied, counts: { student: 40 }, gradesSheetEdits: [] }) as unknown as WorkbookReport;
    expect(importNotice('course.xlsx', 'workbook', workbook(true))).toBe(
      'Imported course.xlsx: 40 students. You can undo this as one step.',
    );
    expect(importNotice('course.xlsx', 'workbook', workbook(false))).toBe(
      'Imported course.xlsx: the course already matched it, so nothing was changed.',
    );
  });
});
