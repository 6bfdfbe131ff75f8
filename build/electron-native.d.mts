// Types for build/electron-native.mjs (imported by unit tests).
export declare const NATIVE_DIR: string;
export declare const NATIVE_BINARY: string;
export declare const NATIVE_STAMP: string;
export interface NativeStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}
export declare function wantedStamp(root: string, platform?: string, arch?: string): NativeStamp;
export declare function isUpToDate(stamp: unknown, want: NativeStamp, binaryExists: boolean): boolean;
export declare function main(argv?: string[]): Promise<number>;
