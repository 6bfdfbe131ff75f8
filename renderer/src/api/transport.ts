import { BRIDGE_KEY, type GradebookBridge, type Transport } from '@shared/api/bridge';

/** The Electron preload's bridge, when the renderer runs inside the desktop shell. */
export function desktopBridge(): GradebookBridge | null {
  return ((window as unknown as Record<string, unknown>)[BRIDGE_KEY] as GradebookBridge | undefined) ?? null;
}

const TOKEN_KEY = 'gradebook.token';

/** The web transport's per-run token arrives in the URL fragment; keep it for reloads. */
function webToken(): string {
  const match = /token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = webToken();
  return async (method, input) => {
    try {
      const res = await fetch(`./rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return await res.json();
    } catch (err) {
      return {
        ok: false,
        error: {
          code: 'io_error',
          message: `The gradebook backend is not reachable (${(err as Error).message}). Is npm run web still running?`,
        },
      };
    }
  };
}

/** Picks the transport once at start; nothing else in the renderer knows which one it has. */
export function pickTransport(): Transport {
  const bridge = desktopBridge();
  return bridge ? bridge.invoke : httpTransport();
}
