/** Deterministic operation sharding: the same operation lands in the same shard on every machine and run. */
import { HarnessError } from '../errors.ts';
import type { Shard } from '../types.ts';

/** 32-bit FNV-1a of a string: stable across platforms and Node versions. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Parses `i/n` (1 ≤ i ≤ n); anything else is bad usage. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new HarnessError('USAGE', `--shard expects i/n with 1 ≤ i ≤ n (e.g. 1/4), got "${text}"`);
  }
  return { index, count };
}

/** True when the operation with this key belongs to `shard`. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || stableHash(key) % shard.count === shard.index - 1;
}

/** The seed an operation's cases are generated from: independent of which other operations run. */
export function operationSeed(seed: number, key: string): number {
  return (seed + stableHash(key)) >>> 0;
}
