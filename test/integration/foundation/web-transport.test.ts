import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { containedPath } from '../../../main/backend/paths';
import { startWebServer, type WebServer } from '../../../main/web/server';
import { tmpDir } from '../../helpers/tmp';

let server: WebServer | undefined;
afterEach(async () => server?.close());

async function start() {
  const root = tmpDir();
  fs.writeFileSync(path.join(root, 'index.html'), '<h1>app</h1>');
  const calls: [string, unknown][] = [];
  server = await startWebServer({
    staticDir: root,
    dispatch: async (m, i) => {
      calls.push([m, i]);
      return { ok: true, value: 'pong' };
    },
  });
  return { root, calls, base: `http://127.0.0.1:${server.port}` };
}

describe('the web transport', () => {
  it('listens on 127.0.0.1 and prints a URL with the per-run token', async () => {
    await start();
    expect(server!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('requires the token on every call', async () => {
    const { base, calls } = await start();
    const none = await fetch(`${base}/rpc/app.state`, { method: 'POST', body: '{}' });
    const wrong = await fetch(`${base}/rpc/app.state`, { method: 'POST', body: '{}', headers: { Authorization: 'Bearer nope' } });
    expect([none.status, wrong.status]).toEqual([401, 401]);
    const ok = await fetch(`${base}/rpc/app.state`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { Authorization: `Bearer ${server!.token}` },
    });
    expect(await ok.json()).toEqual({ ok: true, value: 'pong' });
    expect(calls).toEqual([['app.state', { a: 1 }]]);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { base } = await start();
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get(`${base}/`, { headers: { Host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(421);
  });

  it('serves the renderer with a strict CSP and never outside its folder', async () => {
    const { base, root } = await start();
    const res = await fetch(`${base}/`);
    expect(await res.text()).toBe('<h1>app</h1>');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
    expect(containedPath(root, '/../../etc/passwd')).not.toBe('/etc/passwd');
    expect(containedPath(root, '/%2e%2e/%2e%2e/etc/passwd')?.startsWith(root)).toBe(true);
    expect(containedPath(root, '/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
    expect(containedPath(root, '/..hidden.js')).toBe(path.join(root, '..hidden.js'));
  });

  it('answers a malformed method name with 400 and keeps serving', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/rpc/%E0%A4%A`, { method: 'POST', body: '{}', headers: { Authorization: `Bearer ${server!.token}` } });
    expect(res.status).toBe(400);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('answers bad JSON with invalid_input', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/rpc/app.state`, {
      method: 'POST',
      body: '{oops',
      headers: { Authorization: `Bearer ${server!.token}` },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
