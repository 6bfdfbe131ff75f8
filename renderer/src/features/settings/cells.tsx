import type { InputHTMLAttributes } from 'react';

/** A text box filling one cell of an editable table; the label names it for screen readers. */
export function InputCell({
  label,
  value,
  onText,
  ...rest
}: { label: string; value: string; onText: (text: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  return (
    <td>
      <input aria-label={label} value={value} onChange={(e) => onText(e.target.value)} {...rest} />
    </td>
  );
}

/** The × that removes one row of an editable table. */
export function RemoveCell({ label, onRemove, disabled }: { label: string; onRemove: () => void; disabled?: boolean }) {
  return (
    <td>
      <button type="button" aria-label={label} onClick={onRemove} disabled={disabled}>
        ×
      </button>
    </td>
  );
}
