import { useCourse } from '../stores/course';
import { step } from '../stores/undo';

/** The top bar's Undo and Redo, each naming the change it would take back or put back. */
export function UndoButtons() {
  const undo = useCourse((s) => s.undo);
  return (
    <>
      <button
        type="button"
        className="step"
        disabled={!undo?.canUndo}
        title={undo?.undoLabel ? `Undo ${undo.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={() => void step('undo')}
      >
        {undo?.undoLabel ? `Undo ${undo.undoLabel}` : 'Nothing to undo'}
      </button>
      <button
        type="button"
        className="step"
        disabled={!undo?.canRedo}
        title={undo?.redoLabel ? `Redo ${undo.redoLabel} (Ctrl+Shift+Z or Ctrl+Y)` : 'Nothing to redo'}
        onClick={() => void step('redo')}
      >
        {undo?.redoLabel ? `Redo ${undo.redoLabel}` : 'Nothing to redo'}
      </button>
    </>
  );
}
