import { APP_HOST, APP_SCHEME } from './channels';

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs of the app itself: app://gradebook/..., no credentials, no port.
 * (For a non-special scheme `URL.origin` is "null", so protocol and host are compared.)
 */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname.toLowerCase() === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/** A window may only ever navigate within the app origin (will-navigate, will-redirect). */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/** Only plain https links may leave the app, and only to the user's browser. */
export function isSafeExternalUrl(url: unknown): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
}

/** What to do with a navigation or window.open request. */
export type NavigationDecision = 'allow' | 'deny' | 'external';

export function decideNavigation(url: unknown): NavigationDecision {
  if (isAllowedNavigation(url)) return 'allow';
  return isSafeExternalUrl(url) ? 'external' : 'deny';
}

/** window.open / target=_blank: never a new Electron window; https goes to the browser. */
export function decideWindowOpen(url: unknown): 'deny' | 'external' {
  return isSafeExternalUrl(url) ? 'external' : 'deny';
}

/**
 * The one guarded way out to the OS browser: anything but an https URL is refused and
 * `open` (shell.openExternal) is never called for it. Returns whether it was opened.
 */
export function createOpenExternal(open: (url: string) => Promise<void>, onError: (err: unknown) => void = () => {}) {
  return function openExternal(url: unknown): boolean {
    if (!isSafeExternalUrl(url)) return false;
    const href = new URL(url as string).href;
    open(href).catch(onError);
    return true;
  };
}

/** The IPC sender frame must be a page of the app itself (not a subframe on another origin). */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/**
 * Downloads (an `<a download>` of bytes the renderer built) may only come from the app itself,
 * e.g. blob:app://gradebook/...; anything else is cancelled.
 */
export function isAllowedDownload(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  return url.startsWith('blob:') ? isAppUrl(url.slice('blob:'.length)) : isAppUrl(url);
}
