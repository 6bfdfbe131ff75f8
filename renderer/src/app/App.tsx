import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { SCREENS, useApp, type Screen } from '../stores/app';
import { CoursePicker } from './CoursePicker';
import { useMenuCommands } from './menuCommands';
import { ShortcutsDialog } from './ShortcutsDialog';
import { ScreenBoundary } from './ScreenBoundary';
import { UndoButtons } from './UndoButtons';
import { step, useUndoKeys } from '../stores/undo';
import { ExcelMenu } from '../features/excel/ExcelMenu';
import { Gradebook } from '../features/gradebook/Gradebook';
import { Roster } from '../features/roster/Roster';
import { Settings } from '../features/settings/Settings';
import { History } from '../features/history/History';
import { ReplaceCourseDialog } from '../features/backups/ReplaceCourseDialog';
import { RestoreDialog } from '../features/backups/RestoreDialog';

// The screens with charts load on first use: recharts is about half the app's code, and opening
// a course (to the gradebook) would otherwise wait for it to load and run.
const FinalGrades = lazy(() => import('../features/final-grades/FinalGrades').then((m) => ({ default: m.FinalGrades })));
const Attendance = lazy(() => import('../features/attendance/Attendance').then((m) => ({ default: m.Attendance })));
const Presentations = lazy(() => import('../features/presentations/Presentations').then((m) => ({ default: m.Presentations })));

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'Gradebook':
      return <Gradebook />;
    case 'Roster':
      return <Roster />;
    case 'Attendance':
      return <Attendance />;
    case 'Final grades':
      return <FinalGrades />;
    case 'Settings':
      return <Settings />;
    case 'History':
      return <History />;
    case 'Presentations':
      return <Presentations />;
  }
}

/** What a tab whose web server refused it or went away says, in one line. */
const CONNECTION_WORDS = {
  refused: 'The server was restarted and refuses this tab; what you see may be stale. Paste the new address from npm run web, or reload.',
  gone: 'The server is not answering (has npm run web stopped?); what you see may be stale. Start it again, then reload.',
} as const;

export function App() {
  const {
    app,
    screen,
    setScreen,
    error,
    notice,
    undoNotice,
    fault,
    connection,
    dismiss,
    busy,
    refresh,
    pickerOpen,
    setPickerOpen,
    restoreOpen,
    setRestoreOpen,
    replacing,
  } = useApp();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  useMenuCommands(showShortcuts);
  useUndoKeys();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const course = app?.course ?? null;
  // Each screen opens at its top, not where the previous screen's area was scrolled to.
  const area = useRef<HTMLElement>(null);
  useEffect(() => {
    if (area.current) area.current.scrollTop = 0;
  }, [screen]);

  return (
    <div className="shell" aria-busy={busy}>
      <header className="topbar" role="banner">
        <div className="course-title">
          <h1 title={course?.info.name}>{course ? course.info.name : 'No course open'}</h1>
          {course && (
            <span className="file" title={course.file}>
              {course.file}
            </span>
          )}
        </div>
        {course && <UndoButtons />}
        <button type="button" onClick={() => setPickerOpen(true)}>
          Open or create course…
        </button>
        {course && <ExcelMenu />}
        {course && (
          <button type="button" onClick={() => setRestoreOpen(true)}>
            Restore from backup…
          </button>
        )}
        <button type="button" onClick={showShortcuts}>
          Keyboard shortcuts
        </button>
      </header>
      <nav aria-label="Screens" className="sidenav">
        <ul>
          {SCREENS.map((s) => (
            <li key={s}>
              <button type="button" aria-current={s === screen ? 'page' : undefined} onClick={() => setScreen(s)}>
                {s}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" ref={area}>
        {connection !== 'ok' && (
          <div role="alert" className="message error">
            <span>{CONNECTION_WORDS[connection]}</span>
            <button type="button" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
        )}
        {fault && (
          <div role="alert" className="message error">
            <span>{fault}</span>
            <button type="button" onClick={() => useApp.setState({ fault: null })}>
              Dismiss
            </button>
          </div>
        )}
        {(error || notice) && (
          <div role={error ? 'alert' : 'status'} className={error ? 'message error' : 'message notice'}>
            <span>{error ?? notice}</span>
            {!error && notice === undoNotice && (
              <button type="button" className="gb-message-undo" onClick={() => void step('undo')}>
                Undo
              </button>
            )}
            <button type="button" aria-label="Dismiss message" onClick={dismiss}>
              ×
            </button>
          </div>
        )}
        {course ? (
          <ScreenBoundary screen={screen}>
            <Suspense fallback={<p className="empty">Loading…</p>}>
              <ScreenView key={course.file} screen={screen} />
            </Suspense>
          </ScreenBoundary>
        ) : (
          app && <p className="empty">No course is open. Open a course file or create a new course.</p>
        )}
      </main>
      {pickerOpen && <CoursePicker onClose={() => setPickerOpen(false)} />}
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      {restoreOpen && course && <RestoreDialog onClose={() => setRestoreOpen(false)} />}
      {replacing && <ReplaceCourseDialog {...replacing} />}
    </div>
  );
}
