/**
 * Sandboxed preload (bundled to one CJS file by build/bundle.mjs): a sandboxed preload may only
 * require 'electron', so everything else is inlined. Exposes exactly the GradebookBridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '@shared/api/bridge';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));
