/**
 * The seeded generator of the team draw. Everything is 32-bit integer arithmetic (Math.imul,
 * >>> 0), so Node, Chromium and any other JavaScript engine give the same numbers.
 *
 * - Seed hash: MurmurHash3_x86_32 (Austin Appleby, public domain; reference
 *   https://github.com/aappleby/smhasher/blob/master/src/MurmurHash3.cpp) of the seed's UTF-8
 *   bytes, once with each of the hash seeds 1, 2, 3 and 4, gives the generator's four state words.
 * - Generator: sfc32, Chris Doty-Humphrey's Small Fast Chaotic generator from PractRand 0.94
 *   (http://pracrand.sourceforge.net/), 128-bit state; the first 12 outputs are discarded as
 *   PractRand's own seeding does.
 * - Choice among n: rejection sampling (outputs at or above the largest multiple of n below 2^32
 *   are drawn again), so every index is exactly equally likely; no modulo bias.
 */

/** MurmurHash3_x86_32 of `bytes` with hash seed `seed`, as an unsigned 32-bit integer. */
export function murmur3(bytes: Uint8Array, seed: number): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed >>> 0;
  const blocks = bytes.length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, c2);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = bytes.length & 3;
  if (tail > 0) {
    let k = bytes[blocks]!;
    if (tail > 1) k ^= bytes[blocks + 1]! << 8;
    if (tail > 2) k ^= bytes[blocks + 2]! << 16;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, c2);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Generator {
  /** The next unsigned 32-bit output. */
  next(): number;
  /** A uniform integer in [0, n), n between 1 and 2^32. */
  below(n: number): number;
}

const TWO_32 = 2 ** 32;

/** An sfc32 generator seeded from the text `seed`. */
export function seededGenerator(seed: string): Generator {
  const bytes = new TextEncoder().encode(seed);
  let a = murmur3(bytes, 1);
  let b = murmur3(bytes, 2);
  let c = murmur3(bytes, 3);
  let d = murmur3(bytes, 4);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    below(n) {
      if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`below(${n}): n must be an integer from 1 to 2^32`);
      const limit = TWO_32 - (TWO_32 % n);
      for (;;) {
        const u = next();
        if (u < limit) return u % n;
      }
    },
  };
}
