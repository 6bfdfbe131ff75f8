import { Dialog } from '../features/common/Dialog';
import { SHORTCUTS } from './shortcuts';
import { useEscape } from './useEscape';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  useEscape(onClose);
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="weights" aria-label="Keyboard shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, does]) => (
            <tr key={keys}>
              <th scope="row">{keys}</th>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Cmd replaces Ctrl on macOS.</p>
      <div className="row end">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
