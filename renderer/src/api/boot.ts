import type { Transport } from '@shared/api/bridge';
import { withEarlyReads } from './early';
import { pickTransport, type Connection, type ConnectionWatch } from './transport';

/** What opening the app reads first: the shell's state, and the open course for the grid. */
const FIRST_READS = ['app.state', 'course.snapshot', 'history.state'];

let watch: ConnectionWatch | null = null;
/** What the first answers said of the connection before the app's stores existed. */
let heard: Connection | null = null;

/** Hands the connection's news to the app's stores once they exist (app/start.tsx), the news so far first. */
export function watchConnection(next: ConnectionWatch): void {
  watch = next;
  if (heard) next.onConnection(heard);
}

/**
 * The renderer's one transport, made by main.tsx before the rest of the code has loaded, so the
 * first reads go out at once: the few hundred milliseconds of loading and running the app's code
 * are spent by the backend preparing the snapshot.
 */
export function bootTransport(): Transport {
  return withEarlyReads(
    pickTransport({
      onConnection: (connection) => (watch ? watch.onConnection(connection) : (heard = connection)),
      onNewToken: () => watch?.onNewToken(),
    }),
    FIRST_READS,
  );
}
