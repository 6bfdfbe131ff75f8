import { app, shell, type Session, type WebContents } from 'electron';
import { createOpenExternal, decideNavigation, decideWindowOpen, isAllowedDownload } from './navigation';

/** The one guarded way to the user's browser: https only (see navigation.ts). */
export const openExternal = createOpenExternal(
  (url) => shell.openExternal(url),
  (err) => console.error('openExternal failed:', err),
);

/** Every permission (camera, notifications, clipboard-read, HID...) is refused. */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL())) event.preventDefault();
  });
}

function refuseOffOrigin(event: { preventDefault(): void }, url: string): void {
  const decision = decideNavigation(url);
  if (decision === 'allow') return;
  event.preventDefault();
  if (decision === 'external') openExternal(url);
}

/** Guards for every web contents ever created: navigation, redirects, new windows, webviews. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => refuseOffOrigin(event, url));
  contents.on('will-redirect', (event, url) => refuseOffOrigin(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'external') openExternal(url);
    return { action: 'deny' };
  });
}

/** Process-wide: sandbox every renderer, guard every web contents. Call before app ready. */
export function installAppGuards(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
