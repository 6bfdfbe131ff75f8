import { useEffect, useState } from 'react';
import type { CourseFile } from '@shared/api';
import { formatInstant } from '@shared/time/format';
import { api } from '../api/client';
import { desktopBridge } from '../api/transport';
import { useApp } from '../stores/app';
import { Dialog } from '../features/common/Dialog';
import { useEscape } from './useEscape';

/** "IE 7374.gradebook" from a full path: how a course file is listed. */
const fileName = (file: string) =>
  file
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.gradebook$/, '') ?? file;

const OpenNow = () => <strong className="open-now"> (open now)</strong>;

/**
 * Open a course file or create one. In the desktop app the native dialogs choose paths; in the
 * browser, the course files of the data folder are listed and any path can be typed.
 */
export function CoursePicker({ onClose }: { onClose: () => void }) {
  const { run, setCourse, app, saveCopy } = useApp();
  const [files, setFiles] = useState<CourseFile[]>([]);
  const [path, setPath] = useState('');
  const [newName, setNewName] = useState('');
  const [copyPath, setCopyPath] = useState('');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const bridge = desktopBridge();
  const openFile = app?.course?.file ?? null;
  const recent = app?.recent ?? [];
  // File times read in the open course's zone (named), the machine's when none is open.
  const timeZone = app?.course?.policy.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  useEscape(onClose);

  useEffect(() => {
    void run('Listing course files', async () => setFiles(await api('course.list', {})));
  }, [run]);

  const open = async (file: string) => {
    const course = await run('Opening the course', () => api('course.open', { file }));
    if (course) {
      setCourse(course);
      onClose();
    }
  };
  const create = async (preset: 'ie7374' | 'blank') => {
    let file: string | null = newName.trim() || null;
    // In the browser the name is the file name; the desktop app asks for a file with a save dialog.
    if (!file && !bridge) {
      setNameProblem('Enter a course name first.');
      return;
    }
    if (bridge) file = await bridge.platform.chooseSavePath(file ?? 'New course', 'course');
    if (!file) return;
    const course = await run('Creating the course', () => api('course.create', { file, preset, name: newName.trim() || undefined }));
    if (course) {
      setCourse(course);
      onClose();
    }
  };
  const browse = async () => {
    const file = await bridge?.platform.chooseCourseFile();
    if (file) await open(file);
  };

  return (
    <Dialog title="Open or create a course" onClose={onClose}>
      {recent.length > 0 && (
        <section aria-labelledby="recent-title">
          <h3 id="recent-title">Recent courses</h3>
          <ul className="file-list">
            {recent.map((file) => (
              <li key={file}>
                <button type="button" aria-current={file === openFile ? 'true' : undefined} onClick={() => void open(file)}>
                  {fileName(file)}
                </button>
                {file === openFile && <OpenNow />}
                <span className="muted"> {file}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="files-title">
        <h3 id="files-title">Course files in {app?.dataDir}</h3>
        {files.length === 0 ? (
          <p>No course files yet.</p>
        ) : (
          <ul className="file-list">
            {files.map((f) => (
              <li key={f.file}>
                <button type="button" aria-current={f.file === openFile ? 'true' : undefined} onClick={() => void open(f.file)}>
                  {f.name}
                </button>
                {f.file === openFile && <OpenNow />}
                <span className="muted"> changed {formatInstant(f.modifiedAt, timeZone)}</span>
              </li>
            ))}
          </ul>
        )}
        {bridge ? (
          <button type="button" onClick={() => void browse()}>
            Browse for a course file…
          </button>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (path.trim()) void open(path.trim());
            }}
          >
            <label>
              Course file path <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/course.gradebook" />
            </label>
            <button type="submit">Open</button>
          </form>
        )}
      </section>
      {!bridge && openFile && (
        // The desktop app saves a copy from File > Save As Copy…; the browser has only this form.
        <section aria-labelledby="copy-title">
          <h3 id="copy-title">Save a copy of the open course</h3>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (copyPath.trim()) void saveCopy(copyPath.trim()).then((saved) => saved && onClose());
            }}
          >
            <label>
              Copy's file name or path <input value={copyPath} onChange={(e) => setCopyPath(e.target.value)} placeholder="IE 7374 copy" />
            </label>
            <button type="submit">Save a copy</button>
          </form>
        </section>
      )}
      <section aria-labelledby="new-title">
        <h3 id="new-title">New course</h3>
        <label>
          Course name{' '}
          <input
            value={newName}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? 'new-name-problem' : undefined}
            onChange={(e) => {
              setNewName(e.target.value);
              setNameProblem(null);
            }}
            placeholder="e.g. IE 7374 Spring 2027"
          />
        </label>
        {nameProblem && (
          <p id="new-name-problem" role="alert" className="field-problem">
            {nameProblem}
          </p>
        )}
        <div className="row">
          <button type="button" onClick={() => void create('ie7374')}>
            Create from the IE 7374 preset
          </button>
          <button type="button" onClick={() => void create('blank')}>
            Create a blank course
          </button>
        </div>
      </section>
      <div className="row end">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
