import { MIN_HEIGHT, MIN_WIDTH, type WindowBounds } from './window-options';

/** Remembered window geometry, stored as JSON in userData/window-state.json. */
export interface WindowState extends WindowBounds {
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The file-system calls window state needs, injected so tests run without a disk or Electron. */
export interface StateFs {
  readFileSync(file: string, encoding: 'utf8'): string;
  writeFileSync(file: string, data: string): void;
  mkdirSync(dir: string, opts: { recursive: true }): unknown;
}

export const DEFAULT_STATE: WindowState = { width: 1280, height: 800, maximized: false };
export const WINDOW_STATE_FILE = 'window-state.json';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads the state file; a missing, corrupt or nonsensical file gives the defaults. */
export function readWindowState(file: string, fs: Pick<StateFs, 'readFileSync'>): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { ...DEFAULT_STATE };
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_STATE };
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height) || r.width <= 0 || r.height <= 0) return { ...DEFAULT_STATE };
  const state: WindowState = { width: Math.round(r.width), height: Math.round(r.height), maximized: r.maximized === true };
  if (isInt(r.x) && isInt(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** How much of the window's title bar must be on a display for the saved position to be kept. */
const MIN_VISIBLE = 64;

/**
 * Fits a remembered state to the displays connected now: the size never exceeds the work area
 * of the display it lands on, and a position whose title bar would be off every display
 * (a monitor was unplugged) is dropped so the window opens centred on the primary display.
 */
export function clampToDisplays(state: WindowState, workAreas: Rect[], primary: Rect | undefined = workAreas[0]): WindowState {
  if (!primary) return { ...state };
  let target = primary;
  let keepPosition = false;
  if (state.x !== undefined && state.y !== undefined) {
    const titleBar: Rect = { x: state.x, y: state.y, width: state.width, height: Math.min(32, state.height) };
    let best = 0;
    for (const area of workAreas) {
      const o = overlap(titleBar, area);
      if (o > best) {
        best = o;
        target = area;
      }
    }
    const visibleWidth = best / titleBar.height;
    keepPosition = visibleWidth >= Math.min(MIN_VISIBLE, state.width);
  }
  const width = Math.max(Math.min(state.width, target.width), Math.min(MIN_WIDTH, target.width));
  const height = Math.max(Math.min(state.height, target.height), Math.min(MIN_HEIGHT, target.height));
  const out: WindowState = { width, height, maximized: state.maximized };
  if (keepPosition && state.x !== undefined && state.y !== undefined) {
    // Pull the window back so it starts inside the display's work area.
    out.x = Math.min(Math.max(state.x, target.x), target.x + target.width - width);
    out.y = Math.min(Math.max(state.y, target.y), target.y + target.height - height);
  }
  return out;
}

/** Writes the state; failures (read-only profile, full disk) are reported, never thrown. */
export function writeWindowState(file: string, dir: string, state: WindowState, fs: Pick<StateFs, 'writeFileSync' | 'mkdirSync'>): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const clean: WindowState = { width: state.width, height: state.height, maximized: state.maximized };
    if (state.x !== undefined && state.y !== undefined) Object.assign(clean, { x: state.x, y: state.y });
    fs.writeFileSync(file, JSON.stringify(clean, null, 2));
    return true;
  } catch {
    return false;
  }
}
