import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');
const yml = fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8');
/** Top-level or nested `key: value` lines, comments stripped (a tiny YAML reader for flat keys). */
const value = (key: string) =>
  yml
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, ''))
    .find((l) => new RegExp(`^\\s*(-\\s*)?${key}:`).test(l))
    ?.split(':')
    .slice(1)
    .join(':')
    .trim();

describe('electron-builder.yml', () => {
  it('identifies the app', () => {
    expect(value('appId')).toBe('edu.gradebook.app');
    expect(value('productName')).toBe('Gradebook');
  });

  it('flips the fuses', () => {
    expect(value('runAsNode')).toBe('false');
    expect(value('enableCookieEncryption')).toBe('true');
    expect(value('enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(value('enableNodeCliInspectArguments')).toBe('false');
    expect(value('enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(value('onlyLoadAppFromAsar')).toBe('true');
  });

  it('packs into asar with native modules unpacked and rebuilt by the beforePack hook', () => {
    expect(value('asar')).toBe('true');
    expect(yml).toMatch(/asarUnpack:\s*\n\s*-\s*'\*\*\/\*\.node'/);
    expect(value('npmRebuild')).toBe('false');
    expect(value('beforePack')).toBe('build/before-pack.cjs');
    expect(fs.existsSync(path.join(repo, 'build/before-pack.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(repo, 'build/after-pack.cjs'))).toBe(true);
  });

  it('targets every desktop OS and has its resources', () => {
    for (const t of ['nsis', 'dmg', 'AppImage', 'deb']) expect(yml).toMatch(new RegExp(`-\\s*${t}\\b`));
    expect(value('hardenedRuntime')).toBe('true');
    expect(value('entitlements')).toBe('build/entitlements.mac.plist');
    expect(fs.readFileSync(path.join(repo, 'build/entitlements.mac.plist'), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    const png = fs.readFileSync(path.join(repo, 'build/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(value('ext')).toBe('gradebook');
  });

  it('keeps signing secrets out of the file', () => {
    expect(yml).not.toMatch(/^\s*(cscLink|cscKeyPassword|certificatePassword|certificateFile|password)\s*:/m);
  });
});
