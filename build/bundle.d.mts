// Types for build/bundle.mjs (imported by unit tests).
import type { BuildOptions, BuildResult } from 'esbuild';
export declare const targets: { main: BuildOptions; preload: BuildOptions };
export declare function bundle(
  overrides?: Partial<Record<'main' | 'preload', BuildOptions>>,
): Promise<Record<'main' | 'preload', BuildResult>>;
