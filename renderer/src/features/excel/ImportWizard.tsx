import { useReducer, useRef } from 'react';
import type { FileBytes, RosterReport, ScoreReport, CanvasReport, WorkbookReport } from '@shared/api';
import {
  importInput,
  importNotice,
  initialWizard,
  wizardReducer,
  type ImportChoice,
  type ImportKind,
  type ImportReport,
} from '@shared/screens/importWizard';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { Dialog } from '../common/Dialog';
import { useCourse } from '../../stores/course';
import { failureOf, useJob } from './job';
import { ChooseFile } from './import/ChooseFile';
import { Confirm } from './import/Confirm';
import { MatchStudents } from './import/MatchStudents';
import { RosterMapping, ScoreColumns, SheetOptions } from './import/MapColumns';
import { PreviewProblems, RosterPreview, WorkbookPreview } from './import/PreviewProblems';
import { useExcel } from './store';
import './excel.css';

/**
 * The import wizard: pick the kind and the file, adjust sheet, header row and columns, answer
 * uncertain matches, see what will happen to each row (nothing is written yet), then import as
 * one undoable step. Each step is a component of ./import; the state is one reducer in
 * shared/screens/importWizard.ts.
 */
export function ImportWizard() {
  const { kind: initialKind, close } = useExcel();
  const [state, dispatch] = useReducer(wizardReducer, initialKind, initialWizard);
  const { kind, file, choice, report } = state;
  const { job, run, cancel } = useJob();
  // Each preview or import is a request; only the latest one's answer is shown (a preview of the
  // previous kind or sheet that answers late is dropped; useJob has cancelled its job).
  const latest = useRef(0);

  /** Runs the import as a job; null when the instructor cancelled it. */
  const runImport = (dryRun: boolean, f: FileBytes, k: ImportKind, c: ImportChoice) =>
    run<ImportReport>(dryRun ? 'Reading the file' : 'Importing', () =>
      api('excel.startImport', importInput({ kind: k, choice: c, options: state.options }, f, dryRun)),
    );

  async function preview(f: FileBytes | null = file, k = kind, c = choice) {
    if (!f) return;
    const request = ++latest.current;
    dispatch({ type: 'previewing' });
    try {
      const r = await runImport(true, f, k, c);
      if (request !== latest.current) return;
      dispatch(r ? { type: 'previewed', report: r } : { type: 'note', note: 'Reading the file was cancelled.' });
    } catch (err) {
      if (request === latest.current) dispatch({ type: 'previewFailed', failure: failureOf(err) });
    }
  }

  async function commit() {
    if (!file) return;
    const request = ++latest.current;
    dispatch({ type: 'importing' });
    try {
      const done = await runImport(false, file, kind, choice);
      if (request !== latest.current) return;
      if (!done) return dispatch({ type: 'note', note: 'The import was cancelled; nothing was changed.' });
      await useCourse.getState().reload();
      useApp.setState({ notice: importNotice(file.name, kind, done) });
      close();
    } catch (err) {
      if (request === latest.current) dispatch({ type: 'importFailed', failure: failureOf(err) });
    }
  }

  function applyChoice(next: ImportChoice) {
    dispatch({ type: 'choice', choice: next });
    void preview(file, kind, next);
  }

  return (
    <Dialog title="Import from Excel or CSV" onClose={close} wide>
      <div className="excel-wizard">
        <ChooseFile
          kind={kind}
          onKind={(k) => {
            dispatch({ type: 'kind', kind: k });
            void preview(file, k, {});
          }}
          onFile={(f) => {
            dispatch({ type: 'file', file: f });
            void preview(f, kind, {});
          }}
        />
        {(kind === 'roster' || kind === 'scores') && report && 'headerRow' in report && (
          <SheetOptions
            kind={kind}
            report={report}
            choice={choice}
            options={state.options}
            onChoice={applyChoice}
            onOptions={(options) => dispatch({ type: 'options', options })}
            onCheck={() => void preview()}
          />
        )}
        {kind === 'roster' && report && <RosterMapping report={report as RosterReport} choice={choice} onChoice={applyChoice} />}
        <PreviewProblems job={job} onCancel={cancel} state={state} />
        {report && kind === 'roster' && <RosterPreview report={report as RosterReport} />}
        {report && kind === 'scores' && <ScoreColumns report={report as ScoreReport} choice={choice} onChoice={applyChoice} />}
        {report && kind === 'canvas' && <MatchStudents report={report as CanvasReport} choice={choice} onChoice={applyChoice} />}
        {report && kind === 'workbook' && <WorkbookPreview report={report as WorkbookReport} />}
        <Confirm kind={kind} report={report} busy={!!job} onClose={close} onImport={() => void commit()} />
      </div>
    </Dialog>
  );
}
