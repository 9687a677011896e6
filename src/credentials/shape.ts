/**
 * What a credential value looks like, for values nobody declared: a token an API mints in a `key` field is
 * long, varied and has no spaces (`sk-aig-0123456789abcdef`, a JWT); a model id (`gpt-4o-mini`,
 * `claude-3-5-sonnet-20241022`), a name or a path is not.
 */

/** Shannon entropy in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

const MAX_TOKEN_LENGTH = 8192;

/**
 * True for a value that reads as a generated credential: 16+ characters without whitespace, one run of 12+
 * letters and digits mixing both (or both cases), and ≥ 3 bits of entropy per character.
 */
export function looksLikeCredential(value: string): boolean {
  if (value.length < 16 || value.length > MAX_TOKEN_LENGTH || /\s/.test(value)) return false;
  const runs = value.match(/[A-Za-z0-9]{12,}/g) ?? [];
  const mixed = runs.some((r) => (/[0-9]/.test(r) ? /[A-Za-z]/.test(r) : /[a-z]/.test(r) && /[A-Z]/.test(r)));
  return mixed && entropy(value) >= 3;
}

/**
 * True for a known secret distinctive enough to be found inside other text (an echo, a message) without
 * hitting ordinary words: 8+ characters of at least two kinds (lower, upper, digit, symbol), no whitespace.
 * Shorter or plainer secrets are still hidden where credentials live, by whole value.
 */
export function isDistinctive(value: string): boolean {
  if (value.length < 8 || /\s/.test(value)) return false;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((k) => k.test(value)).length;
  return kinds >= 2;
}
