/**
 * The RegExp engine handed to ajv. Real specs carry patterns that are valid in some regex dialect but not
 * in ECMA-262 `u` mode (e.g. `\-` or `\/` escapes); rejecting the whole schema for that would hide every other
 * check, so we fall back to non-unicode mode, and to a match-anything pattern as a last resort. The lint rule
 * `pattern-valid` reports such patterns separately.
 */
export function lenientRegExp(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch {
    try {
      return new RegExp(pattern, flags.replace('u', ''));
    } catch {
      return /(?:)/;
    }
  }
}
lenientRegExp.code = 'new RegExp';
