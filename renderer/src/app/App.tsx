import { useCallback, useEffect, useRef, useState } from 'react';
import { SCREENS, useApp, type Screen } from '../stores/app';
import { CoursePicker } from './CoursePicker';
import { useMenuCommands } from './menuCommands';
import { ShortcutsDialog } from './ShortcutsDialog';
import { ExcelMenu } from '../features/excel/ExcelMenu';
import { Gradebook } from '../features/gradebook/Gradebook';
import { Roster } from '../features/roster/Roster';
import { FinalGrades } from '../features/final-grades/FinalGrades';
import { Settings } from '../features/settings/Settings';
import { History } from '../features/history/History';
import { ReplaceCourseDialog } from '../features/backups/ReplaceCourseDialog';
import { RestoreDialog } from '../features/backups/RestoreDialog';
import { Attendance } from '../features/attendance/Attendance';
import { Presentations } from '../features/presentations/Presentations';

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

export function App() {
  const {
    app,
    screen,
    setScreen,
    error,
    notice,
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
          <h1>{course ? course.info.name : 'No course open'}</h1>
          {course && (
            <span className="file" title={course.file}>
              {course.file}
            </span>
          )}
        </div>
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
        {(error || notice) && (
          <div role={error ? 'alert' : 'status'} className={error ? 'message error' : 'message notice'}>
            <span>{error ?? notice}</span>
            <button type="button" aria-label="Dismiss message" onClick={dismiss}>
              ×
            </button>
          </div>
        )}
        {course ? (
          <ScreenView key={course.file} screen={screen} />
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
