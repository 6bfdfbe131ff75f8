import { describe, expect, it, vi } from 'vitest';
import {
  createOpenExternal,
  decideNavigation,
  decideWindowOpen,
  isAllowedDownload,
  isAllowedNavigation,
  isTrustedSender,
} from '../../../main/electron/navigation';

const refused = [
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'http://evil.example/',
  'https://evil.example/',
  'app://other/index.html',
  'app://gradebook.evil.example/index.html',
  'app://evil@gradebook/index.html',
  'app://gradebook:8080/index.html',
  'APP://other/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  'chrome://settings',
  '',
  'not a url',
];

describe('isAllowedNavigation', () => {
  it('allows the app origin', () => {
    expect(isAllowedNavigation('app://gradebook/index.html')).toBe(true);
    expect(isAllowedNavigation('app://gradebook/')).toBe(true);
    expect(isAllowedNavigation('app://gradebook/index.html#/course/1')).toBe(true);
    expect(isAllowedNavigation('APP://GRADEBOOK/index.html')).toBe(true); // scheme and host are case-insensitive
  });

  it.each(refused)('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedNavigation(undefined)).toBe(false);
    expect(isAllowedNavigation(null)).toBe(false);
    expect(isAllowedNavigation(42)).toBe(false);
  });
});

describe('decideNavigation / decideWindowOpen', () => {
  it('sends only https links outside, and only through the guarded function', () => {
    expect(decideNavigation('app://gradebook/index.html')).toBe('allow');
    expect(decideNavigation('https://example.org/help')).toBe('external');
    expect(decideNavigation('http://example.org/help')).toBe('deny');
    expect(decideNavigation('file:///etc/passwd')).toBe('deny');
    expect(decideNavigation('app://other/')).toBe('deny');
  });

  it('never opens a new app window, even for the app origin', () => {
    expect(decideWindowOpen('app://gradebook/index.html')).toBe('deny');
    expect(decideWindowOpen('https://example.org/')).toBe('external');
    expect(decideWindowOpen('file:///etc/passwd')).toBe('deny');
    expect(decideWindowOpen('javascript:alert(1)')).toBe('deny');
  });
});

describe('createOpenExternal', () => {
  it('opens https URLs and nothing else', async () => {
    const open = vi.fn(async (_url: string) => {});
    const openExternal = createOpenExternal(open);
    expect(openExternal('https://example.org/docs?a=1')).toBe(true);
    for (const url of [
      'http://example.org',
      'file:///etc/passwd',
      'smb://host/share',
      'javascript:alert(1)',
      'app://gradebook/',
      'https://user:pw@example.org/',
      42,
      '',
    ]) {
      expect(openExternal(url)).toBe(false);
    }
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://example.org/docs?a=1');
  });

  it('reports a failed open instead of throwing', async () => {
    const onError = vi.fn();
    const openExternal = createOpenExternal(() => Promise.reject(new Error('no browser')), onError);
    expect(openExternal('https://example.org/')).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('isTrustedSender', () => {
  it('trusts only frames of the app origin', () => {
    expect(isTrustedSender('app://gradebook/index.html')).toBe(true);
    expect(isTrustedSender('app://other/index.html')).toBe(false);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('file:///app/out/renderer/index.html')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('isAllowedDownload', () => {
  it('allows only bytes the app itself produced', () => {
    expect(isAllowedDownload('blob:app://gradebook/5f0c2c8e-1b7a-4c7f-9a0e-1d2e3f4a5b6c')).toBe(true);
    expect(isAllowedDownload('app://gradebook/export.xlsx')).toBe(true);
    expect(isAllowedDownload('blob:https://evil.example/abc')).toBe(false);
    expect(isAllowedDownload('https://evil.example/malware.exe')).toBe(false);
    expect(isAllowedDownload('data:application/octet-stream;base64,AAAA')).toBe(false);
  });
});
