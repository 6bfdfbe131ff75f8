import { describe, expect, it, vi } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../../main/preload/bridge';
import {
  CHOOSE_COURSE_FILE_CHANNEL,
  CHOOSE_SAVE_PATH_CHANNEL,
  INVOKE_CHANNEL,
  MENU_COMMAND_CHANNEL,
} from '../../../main/electron/channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }) as unknown),
    on: vi.fn((channel: string, l: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    }),
    removeListener: vi.fn((channel: string, l: Listener) => {
      listeners.get(channel)?.delete(l);
    }),
    emit(channel: string, ...args: unknown[]) {
      const fakeEvent = { sender: { send: () => 'I am ipcRenderer' } };
      for (const l of listeners.get(channel) ?? []) l(fakeEvent, ...args);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
  return ipc satisfies IpcRendererLike;
}

describe('createBridge', () => {
  it('exposes exactly invoke and platform with its three helpers', () => {
    const bridge = createBridge(fakeIpc());
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'platform']);
    expect(Object.keys(bridge.platform).sort()).toEqual(['chooseCourseFile', 'chooseSavePath', 'onMenuCommand']);
    expect(typeof bridge.invoke).toBe('function');
    for (const fn of Object.values(bridge.platform)) expect(typeof fn).toBe('function');
  });

  it('never exposes ipcRenderer or its methods', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const seen = new Set<unknown>();
    const walk = (v: unknown) => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
      seen.add(v);
      for (const k of Object.keys(v as object)) walk((v as Record<string, unknown>)[k]);
    };
    walk(bridge);
    for (const leak of [ipc, ipc.invoke, ipc.on, ipc.removeListener]) expect(seen.has(leak)).toBe(false);
  });

  it('is frozen, platform included', () => {
    const bridge = createBridge(fakeIpc()) as unknown as Record<string, unknown>;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.platform)).toBe(true);
    expect(() => {
      'use strict';
      bridge.invoke = () => 'hijacked';
    }).toThrow(TypeError);
  });

  it('invoke uses only the one API channel', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    await bridge.invoke('course.summary', { x: 1 });
    await bridge.invoke('course.close', {});
    expect(ipc.invoke.mock.calls).toEqual([
      [INVOKE_CHANNEL, 'course.summary', { x: 1 }],
      [INVOKE_CHANNEL, 'course.close', {}],
    ]);
    expect(INVOKE_CHANNEL).toBe('gradebook:invoke');
  });

  it('platform helpers use their dialog channels', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    await bridge.platform.chooseCourseFile();
    await bridge.platform.chooseSavePath('Fall', 'xlsx');
    expect(ipc.invoke.mock.calls).toEqual([[CHOOSE_COURSE_FILE_CHANNEL], [CHOOSE_SAVE_PATH_CHANNEL, 'Fall', 'xlsx']]);
  });

  it('onMenuCommand delivers the command string only, and the unsubscribe removes the listener', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    const off = bridge.platform.onMenuCommand(listener);
    expect(ipc.count(MENU_COMMAND_CHANNEL)).toBe(1);

    ipc.emit(MENU_COMMAND_CHANNEL, 'file.new');
    ipc.emit(MENU_COMMAND_CHANNEL, { not: 'a string' });
    expect(listener.mock.calls).toEqual([['file.new']]);

    off();
    expect(ipc.count(MENU_COMMAND_CHANNEL)).toBe(0);
    ipc.emit(MENU_COMMAND_CHANNEL, 'edit.undo');
    expect(listener).toHaveBeenCalledTimes(1);
    off(); // idempotent
    expect(ipc.removeListener).toHaveBeenCalledTimes(1);
  });

  it('keeps separate subscriptions independent', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const a = vi.fn();
    const b = vi.fn();
    const offA = bridge.platform.onMenuCommand(a);
    bridge.platform.onMenuCommand(b);
    offA();
    ipc.emit(MENU_COMMAND_CHANNEL, 'file.open');
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith('file.open');
  });
});
