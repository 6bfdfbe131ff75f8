import { BRIDGE_KEY, type GradebookBridge, type Transport } from '@shared/api/bridge';
import { timedAsync } from '../timing';

/** The Electron preload's bridge, when the renderer runs inside the desktop shell. */
export function desktopBridge(): GradebookBridge | null {
  return ((window as unknown as Record<string, unknown>)[BRIDGE_KEY] as GradebookBridge | undefined) ?? null;
}

/** How the web server last answered: 'refused' this tab's token (it was restarted), or is 'gone'. */
export type Connection = 'ok' | 'refused' | 'gone';

export interface ConnectionWatch {
  onConnection(state: Connection): void;
  /** A new token arrived in the address bar (a pasted `#token=`): what is on screen may be another run's. */
  onNewToken(): void;
}

const TOKEN_KEY = 'gradebook.token';
/** How often an idle tab asks whether the server is still the one it was opened from. */
const CHECK_MS = 15_000;

/** The token in the URL fragment, kept for reloads and taken out of the address bar. */
function tokenFromHash(): string | null {
  const match = /token=([\w-]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  sessionStorage.setItem(TOKEN_KEY, match[1]);
  history.replaceState(null, '', window.location.pathname);
  return match[1];
}

function httpTransport(watch: ConnectionWatch): Transport {
  let token = tokenFromHash() ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  window.addEventListener('hashchange', () => {
    const next = tokenFromHash();
    if (!next) return;
    token = next;
    watch.onNewToken();
  });
  const transport: Transport = async (method, input) => {
    try {
      const res = await fetch(`./rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      watch.onConnection(res.status === 401 ? 'refused' : 'ok');
      return await timedAsync(`json:${method}`, () => res.json());
    } catch (err) {
      watch.onConnection('gone');
      return {
        ok: false,
        error: {
          code: 'io_error',
          message: `The gradebook backend is not reachable (${(err as Error).message}). Is npm run web still running?`,
        },
      };
    }
  };
  // A tab left open notices a restarted or stopped server when it is looked at again, or soon.
  const check = () => void transport('app.state', {});
  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
  setInterval(() => document.visibilityState === 'visible' && check(), CHECK_MS);
  return transport;
}

/** Picks the transport once at start; nothing else in the renderer knows which one it has. */
export function pickTransport(watch: ConnectionWatch): Transport {
  const bridge = desktopBridge();
  return bridge ? bridge.invoke : httpTransport(watch);
}
