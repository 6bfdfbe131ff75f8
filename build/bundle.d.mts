// Types for build/bundle.mjs (imported by unit tests).
import type { BuildOptions, BuildResult } from 'esbuild';
type Target = 'main' | 'worker' | 'preload';
export declare const targets: Record<Target, BuildOptions>;
export declare function bundle(overrides?: Partial<Record<Target, BuildOptions>>): Promise<Record<Target, BuildResult>>;
