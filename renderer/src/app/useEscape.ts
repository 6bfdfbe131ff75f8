import { useEffect } from 'react';

/**
 * Esc closes a dialog wherever the focus is (the dialog's own keydown handler only sees it when
 * focus is inside). Capture phase, so the grid underneath does not also take the key.
 */
export function useEscape(onClose: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
}
