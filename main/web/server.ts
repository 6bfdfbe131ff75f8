import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { containedPath } from '../backend/paths';
import type { Envelope } from '@shared/api';
import { CONTENT_SECURITY_POLICY } from '@shared/security';

export type Dispatch = (method: string, input: unknown) => Promise<Envelope>;

export interface WebServerOptions {
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  dispatch: Dispatch;
  port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
  maxBodyBytes?: number;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json'): void {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const errorBody = (code: string, message: string) => JSON.stringify({ ok: false, error: { code, message } });

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * The browser transport: serves the built renderer and `POST /rpc/:method` on 127.0.0.1 only.
 * Every RPC call must carry the per-run token, and the Host header must be the loopback
 * address (which stops DNS-rebinding pages from reaching it).
 */
export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 200 * 1024 * 1024;
  const root = path.resolve(opts.staticDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, errorBody('forbidden', 'Wrong host.'));
    const url = req.url ?? '/';
    if (url.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, errorBody('forbidden', 'Use POST.'));
      const auth = req.headers.authorization ?? '';
      if (!safeEqual(auth, `Bearer ${token}`))
        return send(res, 401, errorBody('forbidden', 'Missing or wrong session token. Open the URL printed by npm run web.'));
      let method: string;
      try {
        method = decodeURIComponent(url.slice('/rpc/'.length));
      } catch {
        return send(res, 400, errorBody('invalid_input', 'The method name in the URL is malformed.'));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBody) {
          send(res, 413, errorBody('invalid_input', 'The request is too large.'));
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (res.headersSent) return;
        let input: unknown;
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          input = text ? JSON.parse(text) : {};
        } catch {
          return send(res, 400, errorBody('invalid_input', 'The request body is not valid JSON.'));
        }
        opts.dispatch(method, input).then(
          (envelope) => send(res, 200, JSON.stringify(envelope)),
          (err: Error) => send(res, 500, errorBody('internal', err.message)),
        );
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, errorBody('forbidden', 'Method not allowed.'));
    const pathname = url.split('?')[0] ?? '/';
    let file = containedPath(root, pathname === '/' ? '/index.html' : pathname);
    if (!file) return send(res, 404, 'Not found', 'text/plain');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) return send(res, 500, 'The renderer is not built. Run npm run web (it builds first).', 'text/plain');
    send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        token,
        port,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
