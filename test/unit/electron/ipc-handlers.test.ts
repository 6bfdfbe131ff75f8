import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '@shared/api/envelope';
import { dispatch } from '../../../main/backend/rpc/dispatch';
import { Workspace } from '../../../main/backend/workspace';
import {
  assertTrusted,
  courseFileFromArgv,
  createInvokeHandler,
  dialogPath,
  saveDialogOptions,
  UntrustedSenderError,
} from '../../../main/electron/ipc-handlers';

const trusted = { senderFrame: { url: 'app://gradebook/index.html', parent: null } };
const ok: Envelope = { ok: true, value: 1 };

describe('assertTrusted', () => {
  it('accepts the app top-level frame', () => {
    expect(() => assertTrusted(trusted)).not.toThrow();
  });
  it('refuses other origins, subframes and missing frames', () => {
    expect(() => assertTrusted({ senderFrame: { url: 'https://evil.example/', parent: null } })).toThrow(UntrustedSenderError);
    expect(() => assertTrusted({ senderFrame: { url: 'file:///x/index.html', parent: null } })).toThrow(UntrustedSenderError);
    expect(() => assertTrusted({ senderFrame: { url: 'app://gradebook/index.html', parent: {} } })).toThrow(UntrustedSenderError);
    expect(() => assertTrusted({ senderFrame: null })).toThrow(UntrustedSenderError);
    expect(() => assertTrusted({ senderFrame: undefined })).toThrow(UntrustedSenderError);
  });
});

describe('createInvokeHandler', () => {
  it('forwards method and input to dispatch and returns its envelope', async () => {
    const d = vi.fn(async () => ok);
    const after = vi.fn();
    const handle = createInvokeHandler(d, after);
    await expect(handle(trusted, 'course.summary', { a: 1 })).resolves.toEqual(ok);
    expect(d).toHaveBeenCalledWith('course.summary', { a: 1 });
    expect(after).toHaveBeenCalledWith('course.summary', ok);
  });

  it('never dispatches for an untrusted sender', async () => {
    const d = vi.fn(async () => ok);
    const handle = createInvokeHandler(d);
    await expect(handle({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'course.close', {})).rejects.toThrow(
      UntrustedSenderError,
    );
    expect(d).not.toHaveBeenCalled();
  });

  it('answers a non-string method with an envelope, not a throw', async () => {
    const d = vi.fn(async () => ok);
    const res = await createInvokeHandler(d)(trusted, { toString: () => 'course.close' }, {});
    expect(res).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(d).not.toHaveBeenCalled();
  });

  it('a failing after-hook does not change the answer', async () => {
    const handle = createInvokeHandler(
      async () => ok,
      () => {
        throw new Error('menu broke');
      },
    );
    await expect(handle(trusted, 'x', {})).resolves.toEqual(ok);
  });

  describe('with the real dispatcher', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-ipc-'));
    const workspace = new Workspace(dir);
    afterAll(() => {
      workspace.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const handle = createInvokeHandler((m, i) => dispatch({ workspace }, m, i));

    it('answers unknown methods and invalid input with error envelopes', async () => {
      await expect(handle(trusted, 'no.such.method', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      await expect(handle(trusted, 'course.open', { file: 42 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      await expect(handle(trusted, '__proto__', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    });

    it('answers a valid call', async () => {
      const res = await handle(trusted, 'app.state', {});
      expect(res.ok).toBe(true);
    });
  });
});

describe('saveDialogOptions', () => {
  const join = path.posix.join;
  it('builds a filtered dialog in the data folder', () => {
    expect(saveDialogOptions('Fall 2025', 'course', '/data', join)).toMatchObject({
      defaultPath: '/data/Fall 2025.gradebook',
      filters: [{ extensions: ['gradebook'] }],
    });
    expect(saveDialogOptions('grades.xlsx', 'xlsx', '/data', join)?.defaultPath).toBe('/data/grades.xlsx');
    expect(saveDialogOptions('grades', 'csv', '/data', join)?.defaultPath).toBe('/data/grades.csv');
  });
  it('reduces the suggested name to a plain file name', () => {
    expect(saveDialogOptions('../../etc/passwd', 'csv', '/data', join)?.defaultPath).toBe('/data/passwd.csv');
    expect(saveDialogOptions('C:\\Windows\\evil', 'course', '/data', join)?.defaultPath).toBe('/data/evil.gradebook');
    expect(saveDialogOptions('..', 'course', '/data', join)?.defaultPath).toBe('/data/Course.gradebook');
  });
  it('refuses invalid kinds and names', () => {
    expect(saveDialogOptions('x', 'exe', '/data', join)).toBeNull();
    expect(saveDialogOptions(42, 'csv', '/data', join)).toBeNull();
    expect(saveDialogOptions('x'.repeat(300), 'csv', '/data', join)).toBeNull();
  });
});

describe('dialogPath and courseFileFromArgv', () => {
  it('maps dialog answers to a path or null', () => {
    expect(dialogPath({ canceled: true, filePaths: ['/a'] })).toBeNull();
    expect(dialogPath({ canceled: false, filePaths: ['/a.gradebook'] })).toBe('/a.gradebook');
    expect(dialogPath({ canceled: false, filePath: '/b.csv' })).toBe('/b.csv');
    expect(dialogPath({ canceled: false, filePaths: [] })).toBeNull();
  });
  it('finds an existing .gradebook file on the command line', () => {
    const exists = (f: string) => f === '/c/Fall.gradebook';
    expect(courseFileFromArgv(['/usr/bin/gradebook', '--flag', '/c/Fall.gradebook'], exists)).toBe('/c/Fall.gradebook');
    expect(courseFileFromArgv(['/usr/bin/gradebook', '/c/Missing.gradebook'], exists)).toBeNull();
    expect(courseFileFromArgv(['/c/Fall.gradebook'], exists)).toBeNull(); // argv[0] is the executable
    expect(courseFileFromArgv(['electron', '.'], exists)).toBeNull();
  });
});
