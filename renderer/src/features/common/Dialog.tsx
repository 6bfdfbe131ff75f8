import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog with a title, on the native `<dialog>` (showModal): focus stays inside, the page
 * behind is inert, Esc closes the top dialog only, and focus goes back where it was on close.
 * Focus starts on the dialog's first field.
 */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const el = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!el.open) el.showModal();
    el.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    return () => {
      if (el.open) el.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      className={wide ? 'dialog wide' : 'dialog'}
      onKeyDown={(e) => {
        // A modal dialog makes the page inert, but Tab would still leave it for the browser's own
        // controls: wrap around instead.
        if (e.key !== 'Tab') return;
        const all = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
        const [first, last] = [all[0], all[all.length - 1]];
        if (!first || !last) return;
        if (e.shiftKey ? document.activeElement === first : document.activeElement === last) {
          e.preventDefault();
          (e.shiftKey ? last : first).focus();
        }
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // The browser may also close a dialog itself (a repeated Esc without user activation); a
      // close event left over from a remount finds the dialog open again and is not one.
      onClose={(e) => {
        if (!e.currentTarget.open) onClose();
      }}
    >
      <h2 id={id}>{title}</h2>
      {children}
    </dialog>
  );
}

/**
 * A dialog around one form: the browser's own checks stay off (the form's parser explains
 * problems better), and a refusal shows above Cancel and the submit button.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  failure,
  submit,
  busy,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  failure: ReactNode;
  submit: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        {failure && (
          <div role="alert" className="form-error">
            {failure}
          </div>
        )}
        <div className="row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A labelled control with its error message tied to it for screen readers. */
export function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: string | undefined;
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(error ? { id, 'aria-invalid': true, 'aria-describedby': errId } : { id })}
      {error && (
        <span id={errId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
