import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../main/electron/window-options';

describe('windowOptions', () => {
  const base = { preload: '/app/out/main/preload/preload.js', bounds: { width: 1200, height: 700 }, isDev: false };

  it('sets every security flag of the baseline explicitly', () => {
    const wp = windowOptions(base).webPreferences;
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp.webviewTag).toBe(false);
    expect(wp.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload path and hides until ready-to-show', () => {
    const o = windowOptions(base);
    expect(o.webPreferences.preload).toBe(base.preload);
    expect(o.show).toBe(false);
  });

  it('enables DevTools only in development', () => {
    expect(windowOptions(base).webPreferences.devTools).toBe(false);
    expect(windowOptions({ ...base, isDev: true }).webPreferences.devTools).toBe(true);
  });

  it('keeps the remembered position only when both coordinates are known', () => {
    expect(windowOptions({ ...base, bounds: { x: 10, y: 20, width: 900, height: 600 } })).toMatchObject({
      x: 10,
      y: 20,
      width: 900,
      height: 600,
    });
    const noPos = windowOptions({ ...base, bounds: { x: 10, width: 900, height: 600 } });
    expect('x' in noPos).toBe(false);
    expect('y' in noPos).toBe(false);
  });

  it('never turns on a dangerous flag whatever the inputs', () => {
    for (const isDev of [true, false]) {
      const wp = windowOptions({ ...base, isDev }).webPreferences as Record<string, unknown>;
      for (const key of [
        'nodeIntegration',
        'nodeIntegrationInWorker',
        'nodeIntegrationInSubFrames',
        'allowRunningInsecureContent',
        'experimentalFeatures',
        'webviewTag',
      ]) {
        expect(wp[key], key).toBe(false);
      }
      expect(wp.enableRemoteModule).toBeUndefined();
    }
  });
});
