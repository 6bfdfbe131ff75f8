// shared/ is type-checked without DOM or Node types (tsconfig.shared.json). These are the few
// standard globals it uses, present in browsers, Node and workers alike.

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
