import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appResponse, APP_SCHEME_PRIVILEGES, resolveAppUrl } from '../../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '@shared/security';

let tmp: string;
let root: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-app-protocol-'));
  root = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Gradebook</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'my file.css'), 'body{}');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'student data');
  fs.writeFileSync(path.join(tmp, 'renderer-evil.txt'), 'sibling folder with a common prefix');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('resolveAppUrl', () => {
  it('maps app://gradebook paths inside the renderer folder', () => {
    expect(resolveAppUrl(root, 'app://gradebook/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://gradebook/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://gradebook/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppUrl(root, 'app://gradebook/assets/my%20file.css')).toBe(path.join(root, 'assets', 'my file.css'));
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppUrl(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppUrl(root, 'https://gradebook/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'app://gradebook:1234/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'not a url')).toBeNull();
  });

  it.each([
    'app://gradebook/..%2f..%2fsecret.txt',
    'app://gradebook/assets/..%2f..%2fsecret.txt',
    'app://gradebook/%2e%2e%2fsecret.txt',
    'app://gradebook/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://gradebook/..%5c..%5csecret.txt',
    'app://gradebook/assets%5c..%5c..%5csecret.txt',
    'app://gradebook/index.html%00.js',
    'app://gradebook/%E0%A4%A', // malformed percent-encoding
  ])('refuses the encoded escape %s', (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });

  it('never resolves outside the root, whatever the URL parser normalizes', () => {
    for (const url of [
      'app://gradebook/../secret.txt',
      'app://gradebook/../../secret.txt',
      'app://gradebook/%2e%2e/secret.txt',
      'app://gradebook/assets/../../renderer-evil.txt',
      'app://gradebook/./../secret.txt',
    ]) {
      const file = resolveAppUrl(root, url);
      if (file !== null) {
        const rel = path.relative(root, file);
        expect(rel.startsWith('..') || path.isAbsolute(rel), `${url} -> ${file}`).toBe(false);
      }
    }
  });
});

describe('appResponse', () => {
  it('serves files with the CSP header and a content type', async () => {
    const res = await appResponse(root, { url: 'app://gradebook/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Gradebook</title>');

    const js = await appResponse(root, { url: 'app://gradebook/assets/app.js' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers refused and missing paths with 404 (still with the CSP header), never the file', async () => {
    for (const url of ['app://gradebook/..%2fsecret.txt', 'app://other/index.html', 'app://gradebook/assets/missing.js']) {
      const res = await appResponse(root, { url });
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('student data');
    }
  });

  it('does not read a file for a refused URL', async () => {
    const readFile = vi.fn(async () => new Uint8Array());
    await appResponse(root, { url: 'app://gradebook/..%2f..%2fsecret.txt' }, readFile);
    expect(readFile).not.toHaveBeenCalled();
  });

  it('falls back to index.html for client-side routes only', async () => {
    const route = await appResponse(root, { url: 'app://gradebook/course/settings' });
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('refuses methods other than GET and HEAD; HEAD has no body', async () => {
    const post = await appResponse(root, { url: 'app://gradebook/index.html', method: 'POST' });
    expect(post.status).toBe(405);
    const head = await appResponse(root, { url: 'app://gradebook/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('registers the scheme as standard and secure with fetch support', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});
