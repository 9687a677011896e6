/**
 * `pattern`: strings matching an ECMA-262 regular expression, through fast-check's `stringMatching`.
 * stringMatching does not implement lookaround, backreferences or `\b`; for those the regex is relaxed
 * (the unsupported parts dropped) and candidates are filtered by the real regex, then plain random strings are
 * filtered. If nothing matches, the reason is kept so the caller can report it instead of emitting a bad value.
 */
import fc from 'fast-check';
import { attempt } from './context.ts';

/** The regex a JSON Schema `pattern` means (Unicode mode as ajv uses it, falling back to legacy mode). */
export function patternRegExp(pattern: string): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(pattern, flags);
    } catch {
      // try the next flag set
    }
  }
  return undefined;
}

/** Why a pattern could not be generated exactly, per pattern source (for GenerationProblem reasons). */
export const patternFallbacks = new Map<string, string>();

/** Source of each capturing group, by number (a rough scan: enough to inline a backreference). */
function capturingGroups(source: string): string[] {
  const groups: string[] = [];
  const open: Array<{ start: number; index: number | undefined }> = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') {
      const capturing = source[i + 1] !== '?' || (source[i + 2] === '<' && !'=!'.includes(source[i + 3] ?? ''));
      open.push({ start: i, index: capturing ? groups.push('') - 1 : undefined });
    } else if (c === ')') {
      const g = open.pop();
      if (g?.index !== undefined) groups[g.index] = source.slice(g.start, i + 1).replace(/^\((?:\?<[^>]*>)?/, '(?:');
    }
  }
  return groups;
}

/**
 * Rewrites what stringMatching cannot build into a candidate superset: lookarounds and word boundaries dropped,
 * each backreference replaced by a copy of its group (so `(a|b)\1` yields `aa` often enough for the filter).
 */
function relax(source: string): string {
  const groups = capturingGroups(source);
  return source
    .replace(/\(\?<?[=!](?:[^()\\]|\\.)*\)/g, '')
    .replace(/\\[bB]/g, '')
    .replace(/\\([1-9])/g, (_m, n: string) => groups[Number(n) - 1] ?? '');
}

/** Arbitrary of strings matching `pattern` (best effort; the caller's validation is the gate). */
export function patternArbitrary(pattern: string, base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const re = patternRegExp(pattern);
  if (!re) {
    patternFallbacks.set(pattern, `pattern ${JSON.stringify(pattern)} is not a valid ECMA-262 regular expression`);
    return base;
  }
  try {
    return fc.stringMatching(re);
  } catch (error) {
    const reason = (error as Error).message;
    patternFallbacks.set(
      pattern,
      `pattern ${JSON.stringify(pattern)} uses a regex feature fast-check cannot generate (${reason}); values are filtered random strings`,
    );
    const test = (s: string): boolean => re.test(s);
    const relaxed = patternRegExp(relax(re.source));
    if (relaxed) {
      try {
        return attempt(fc.oneof(fc.stringMatching(relaxed), base), test, 50);
      } catch {
        // relaxed regex still unsupported: fall through to random strings
      }
    }
    return attempt(base, test, 100);
  }
}
