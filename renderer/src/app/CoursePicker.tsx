import { useEffect, useState } from 'react';
import type { CourseFile } from '../../../shared/api';
import { api } from '../api/client';
import { desktopBridge } from '../api/transport';
import { useApp } from '../stores/app';

/**
 * Open a course file or create one. In the desktop app the native dialogs choose paths; in the
 * browser, the course files of the data folder are listed and any path can be typed.
 */
export function CoursePicker({ onClose }: { onClose: () => void }) {
  const { run, setCourse, app } = useApp();
  const [files, setFiles] = useState<CourseFile[]>([]);
  const [path, setPath] = useState('');
  const [newName, setNewName] = useState('');
  const bridge = desktopBridge();
  const recent = (app?.recent ?? []).filter((f) => f !== app?.course?.file);

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
    <div className="backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="picker-title"
        className="dialog"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="picker-title">Open or create a course</h2>
        {recent.length > 0 && (
          <section aria-labelledby="recent-title">
            <h3 id="recent-title">Recent courses</h3>
            <ul className="file-list">
              {recent.map((file) => (
                <li key={file}>
                  <button type="button" onClick={() => void open(file)}>
                    {file
                      .split(/[\\/]/)
                      .pop()
                      ?.replace(/\.gradebook$/, '')}
                  </button>
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
                  <button type="button" onClick={() => void open(f.file)}>
                    {f.name}
                  </button>
                  <span className="muted"> {new Date(f.modifiedAt).toLocaleString()}</span>
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
        <section aria-labelledby="new-title">
          <h3 id="new-title">New course</h3>
          <label>
            Course name <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="e.g. IE 7374 Spring 2027" />
          </label>
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
      </div>
    </div>
  );
}
