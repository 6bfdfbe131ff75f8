import { SHORTCUTS } from './shortcuts';
import { useEscape } from './useEscape';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  useEscape(onClose);
  return (
    <div className="backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" className="dialog">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
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
          <button type="button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
