import { useApp } from '../stores/app';

/** Shows an error nothing else handled, and logs it: a failure is never silent. */
export function reportFault(err: unknown): void {
  console.error(err);
  const message = err instanceof Error ? err.message : String(err);
  useApp.setState({
    fault: `Something did not work: ${message || 'an unknown error'}. The last action may not have finished; check the screen, or reload the page.`,
  });
}

/** Catches uncaught errors and unhandled promise rejections anywhere in the renderer. */
export function watchFaults(): void {
  window.addEventListener('error', (e) => {
    e.preventDefault();
    reportFault(e.error ?? e.message);
  });
  window.addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    reportFault(e.reason);
  });
}
