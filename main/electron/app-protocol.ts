import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '@shared/security';
import { containedPath } from '../backend/paths';
import { APP_HOST, APP_SCHEME } from './channels';

/**
 * The app:// protocol as pure functions: URL -> file inside out/renderer (never outside it),
 * and request -> Response with the CSP header. protocol.ts only plugs this into Electron.
 */

/** Privileges for protocol.registerSchemesAsPrivileged (before app ready). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * Maps an app://gradebook/... URL to a file under `root`, or null when the URL is for another
 * scheme or host, or its path (after percent-decoding) has a `..` segment, a backslash or a NUL,
 * or would resolve outside `root` anyway.
 */
export function resolveAppUrl(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname.toLowerCase() !== APP_HOST || u.port !== '' || u.username !== '' || u.password !== '')
    return null;
  const pathname = u.pathname === '' || u.pathname === '/' ? '/index.html' : u.pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((seg) => seg === '..' || seg === '.')) return null;
  const file = containedPath(path.resolve(root), pathname);
  if (!file) return null;
  return file;
}

export interface AppRequest {
  url: string;
  method?: string;
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

function respond(status: number, body: Uint8Array | string | null, type: string): Response {
  return new Response(body as ConstructorParameters<typeof Response>[0], {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': type },
  });
}

/**
 * Builds the response for one app:// request. A path without an extension that does not exist
 * falls back to index.html (client-side routes); a missing asset is a 404.
 */
export async function appResponse(root: string, req: AppRequest, readFile: ReadFile = (f) => fs.promises.readFile(f)): Promise<Response> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
  const file = resolveAppUrl(root, req.url);
  if (!file) return respond(404, 'Not found', 'text/plain; charset=utf-8');
  const ext = path.extname(file).toLowerCase();
  let target = file;
  let body: Uint8Array;
  try {
    body = await readFile(target);
  } catch {
    if (ext !== '') return respond(404, 'Not found', 'text/plain; charset=utf-8');
    target = path.join(path.resolve(root), 'index.html');
    try {
      body = await readFile(target);
    } catch {
      return respond(500, 'The renderer is not built. Run npm run build.', 'text/plain; charset=utf-8');
    }
  }
  const type = CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
  return respond(200, method === 'HEAD' ? null : body, type);
}
