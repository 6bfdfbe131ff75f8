import { bootTransport } from './api/boot';

// The app's code is a chunk of its own, fetched and run while the first reads are on their way
// (asked for just after it, so the backend sends the code before it prepares the snapshot):
// opening a large course waits on the backend and on the code at once.
const app = import('./app/start');
const transport = bootTransport();
app.then(
  ({ start }) => start(transport),
  (err: unknown) => {
    document.getElementById('root')!.textContent =
      `The gradebook could not load its code (${err instanceof Error ? err.message : String(err)}). Reload the page; if that fails, reinstall the app.`;
  },
);
