import { withEarlyReads } from './early';
import { pickTransport, type ConnectionWatch } from './transport';

/** What opening the app reads first: the shell's state, and the open course for the grid. */
const FIRST_READS = ['app.state', 'course.snapshot', 'history.state'];

let watch: ConnectionWatch | null = null;

/**
 * Hands the connection's news to the app's stores. main.tsx calls it while the bundle is still
 * being evaluated, and no answer can arrive before that ends, so none is missed.
 */
export function watchConnection(next: ConnectionWatch): void {
  watch = next;
}

/**
 * The renderer's one transport. main.tsx imports this module first, so the first reads go out
 * before the rest of the code is evaluated (a few hundred milliseconds with a large course,
 * which the backend now spends preparing the snapshot).
 */
export const transport = withEarlyReads(
  pickTransport({
    onConnection: (connection) => watch?.onConnection(connection),
    onNewToken: () => watch?.onNewToken(),
  }),
  FIRST_READS,
);
