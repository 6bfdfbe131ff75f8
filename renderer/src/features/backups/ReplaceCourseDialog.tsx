import { useApp } from '../../stores/app';
import { Dialog } from '../common/Dialog';

/** Save a copy onto a file that holds another course: replace it (after a backup of it) or not. */
export function ReplaceCourseDialog({ file, path }: { file: string; path: string }) {
  const { saveCopy } = useApp();
  const cancel = () => useApp.setState({ replacing: null });
  return (
    <Dialog title="Replace another course?" onClose={cancel}>
      <p>
        <strong>{path}</strong> already holds another course. Saving the copy there replaces that course; a backup of it is kept first, in
        the backups beside it.
      </p>
      <div className="row end">
        <button type="button" onClick={cancel}>
          Keep it (choose another name)
        </button>
        <button
          type="button"
          className="primary"
          onClick={async () => {
            if (await saveCopy(file, true)) useApp.getState().setPickerOpen(false);
          }}
        >
          Replace it
        </button>
      </div>
    </Dialog>
  );
}
