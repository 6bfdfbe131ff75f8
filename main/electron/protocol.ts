import { protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES, appResponse } from './app-protocol';
import { APP_SCHEME } from './channels';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Serves out/renderer at app://gradebook/ with the CSP header; never file://. After ready. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(root, { url: request.url, method: request.method }));
}
