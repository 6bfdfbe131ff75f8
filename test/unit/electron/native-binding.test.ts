import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as script from '../../../build/electron-native.mjs';
import { courseDataDir, electronNativeBinding, NATIVE_BINARY, NATIVE_DIR, NATIVE_STAMP } from '../../../main/electron/native-binding';

const appPath = path.resolve('/app');
const binary = path.join(appPath, '.native', 'electron', 'better_sqlite3.node');
const stampFile = path.join(appPath, '.native', 'electron', 'stamp.json');
const stamp = JSON.stringify({ electron: '45.5.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' });

const env = (files: Record<string, string>, over = {}) => ({
  appPath,
  isPackaged: false,
  electronVersion: '45.5.0',
  platform: 'linux',
  arch: 'x64',
  exists: (f: string) => f in files,
  readFile: (f: string) => {
    const text = files[f];
    if (text === undefined) throw new Error('ENOENT');
    return text;
  },
  ...over,
});

describe('electronNativeBinding', () => {
  it('uses the .native build made for this Electron', () => {
    expect(electronNativeBinding(env({ [binary]: '', [stampFile]: stamp }))).toEqual({ path: binary });
  });
  it('ignores a build for another Electron, platform or arch, with a warning', () => {
    for (const over of [{ electronVersion: '46.0.0' }, { platform: 'darwin' }, { arch: 'arm64' }]) {
      const r = electronNativeBinding(env({ [binary]: '', [stampFile]: stamp }, over));
      expect(r.path).toBeUndefined();
      expect(r.warning).toMatch(/another Electron/);
    }
  });
  it('ignores a missing binary or an unreadable stamp', () => {
    expect(electronNativeBinding(env({})).path).toBeUndefined();
    expect(electronNativeBinding(env({})).warning).toMatch(/electron-native\.mjs/);
    expect(electronNativeBinding(env({ [binary]: '', [stampFile]: '{corrupt' })).path).toBeUndefined();
  });
  it('a packaged app uses node_modules (rebuilt by before-pack)', () => {
    expect(electronNativeBinding(env({ [binary]: '', [stampFile]: stamp }, { isPackaged: true }))).toEqual({});
  });
});

describe('build/electron-native.mjs agrees with the main process', () => {
  it('uses the same folder, binary and stamp names', () => {
    expect(script.NATIVE_DIR).toBe(NATIVE_DIR);
    expect(script.NATIVE_BINARY).toBe(NATIVE_BINARY);
    expect(script.NATIVE_STAMP).toBe(NATIVE_STAMP);
  });
  it('wants the installed electron and better-sqlite3 versions', () => {
    const want = script.wantedStamp(path.resolve(__dirname, '../../..'), 'linux', 'x64');
    expect(want.electron).toMatch(/^\d+\.\d+\.\d+/);
    expect(want.betterSqlite3).toMatch(/^\d+\.\d+\.\d+/);
    expect(want).toMatchObject({ platform: 'linux', arch: 'x64' });
  });
  it('skips only an exact, present build', () => {
    const want = { electron: '45.5.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };
    expect(script.isUpToDate(JSON.parse(stamp), want, true)).toBe(true);
    expect(script.isUpToDate(JSON.parse(stamp), want, false)).toBe(false);
    expect(script.isUpToDate({ ...want, electron: '44.0.0' }, want, true)).toBe(false);
    expect(script.isUpToDate({ ...want, betterSqlite3: '12.0.0' }, want, true)).toBe(false);
    expect(script.isUpToDate(null, want, true)).toBe(false);
    // what the stamp written by the script looks like is what the main process accepts
    const written = JSON.stringify({ ...want, builtAt: 'now' });
    expect(electronNativeBinding(env({ [binary]: '', [stampFile]: written })).path).toBe(binary);
  });
});

describe('courseDataDir', () => {
  it('is userData/courses unless GRADEBOOK_DATA_DIR is set', () => {
    expect(courseDataDir('/u/Gradebook', {})).toBe(path.join('/u/Gradebook', 'courses'));
    expect(courseDataDir('/u/Gradebook', { GRADEBOOK_DATA_DIR: '/tmp/x' })).toBe(path.resolve('/tmp/x'));
  });
});
