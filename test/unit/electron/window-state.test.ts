import { describe, expect, it, vi } from 'vitest';
import { clampToDisplays, DEFAULT_STATE, readWindowState, writeWindowState, type Rect } from '../../../main/electron/window-state';

const fsWith = (text: string | Error) => ({
  readFileSync: vi.fn(() => {
    if (text instanceof Error) throw text;
    return text;
  }),
});

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rect = { x: 1920, y: 0, width: 1280, height: 984 };

describe('readWindowState', () => {
  it('reads a saved state', () => {
    expect(readWindowState('/u/w.json', fsWith('{"x":10,"y":20,"width":1000,"height":700,"maximized":true}'))).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it.each([
    ['a missing file', Object.assign(new Error('ENOENT'), { code: 'ENOENT' })],
    ['corrupt JSON', '{"width": 1000, "hei'],
    ['an empty file', ''],
    ['null', 'null'],
    ['an array', '[1,2]'],
    ['a string size', '{"width":"big","height":700}'],
    ['a negative size', '{"width":-5,"height":700}'],
    ['a NaN-ish size', '{"width":1e400,"height":700}'],
  ])('survives %s with the defaults', (_name, text) => {
    expect(readWindowState('/u/w.json', fsWith(text))).toEqual(DEFAULT_STATE);
  });

  it('drops a half-known position', () => {
    expect(readWindowState('/u/w.json', fsWith('{"x":10,"width":1000,"height":700}'))).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});

describe('clampToDisplays', () => {
  it('keeps a window that is on a display', () => {
    const s = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
    expect(clampToDisplays(s, [primary, right])).toEqual(s);
  });

  it('keeps a window on a secondary display', () => {
    const s = { x: 2000, y: 50, width: 1000, height: 700, maximized: false };
    expect(clampToDisplays(s, [primary, right], primary)).toEqual(s);
  });

  it('drops the position of a window on a display that is gone (centred on primary instead)', () => {
    const out = clampToDisplays({ x: 4000, y: 100, width: 1000, height: 700, maximized: false }, [primary], primary);
    expect(out).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('drops a position whose title bar is above the screen', () => {
    const out = clampToDisplays({ x: 100, y: -500, width: 1000, height: 700, maximized: false }, [primary], primary);
    expect(out.x).toBeUndefined();
    expect(out.y).toBeUndefined();
  });

  it('shrinks a window larger than the display and pulls it fully inside', () => {
    const out = clampToDisplays({ x: 1800, y: 10, width: 3000, height: 2000, maximized: true }, [primary], primary);
    expect(out.width).toBe(1920);
    expect(out.height).toBe(1040);
    expect(out.x).toBe(0);
    expect(out.y).toBe(0);
    expect(out.maximized).toBe(true);
  });

  it('pulls a partly off-screen window back inside its display', () => {
    const out = clampToDisplays({ x: 1500, y: 500, width: 1000, height: 700, maximized: false }, [primary], primary);
    expect(out.x! + out.width).toBeLessThanOrEqual(1920);
    expect(out.y! + out.height).toBeLessThanOrEqual(1040);
  });

  it('returns the state unchanged without any display information', () => {
    expect(clampToDisplays({ width: 900, height: 600, maximized: false }, [])).toEqual({ width: 900, height: 600, maximized: false });
  });
});

describe('writeWindowState', () => {
  it('writes JSON the reader reads back', () => {
    let written = '';
    const fs = { mkdirSync: vi.fn(), writeFileSync: vi.fn((_f: string, d: string) => (written = d)) };
    expect(writeWindowState('/u/w.json', '/u', { x: 5, y: 6, width: 900, height: 600, maximized: false }, fs)).toBe(true);
    expect(fs.mkdirSync).toHaveBeenCalledWith('/u', { recursive: true });
    expect(readWindowState('/u/w.json', { readFileSync: () => written })).toEqual({
      x: 5,
      y: 6,
      width: 900,
      height: 600,
      maximized: false,
    });
  });

  it('reports a failed write instead of throwing', () => {
    const fs = {
      mkdirSync: vi.fn(),
      writeFileSync: vi.fn(() => {
        throw new Error('EROFS');
      }),
    };
    expect(writeWindowState('/u/w.json', '/u', DEFAULT_STATE, fs)).toBe(false);
  });
});
