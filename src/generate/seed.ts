/** Per-case seeds: each case is reproducible alone from (run seed, operation, kind, index). */

/** FNV-1a 32-bit hash of a string, as a non-negative integer. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The seed of case `index` of `kind` for an operation under a run seed. */
export function caseSeed(seed: number, operationKey: string, kind: string, index: number): number {
  return fnv1a(`${seed}|${operationKey}|${kind}|${index}`);
}
