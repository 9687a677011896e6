/** Element and attribute names for JSON property names: any key survives the trip to XML and back. */

// XML 1.0 (5th edition) names, without ':' (namespace prefixes are added separately).
const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const START_RE = new RegExp(`^[${NAME_START}]$`, 'u');
const CHAR_RE = new RegExp(`^[${NAME_CHAR}]$`, 'u');

/**
 * A JSON property name as an XML element/attribute name. Characters a name cannot hold are written `_xHHHH_`
 * (the SQL/XML and XML Schema-tools convention), and so is the `_` of a literal `_xHHHH_`, so `decodeName` inverts it.
 */
export function encodeName(key: string): string {
  if (key === '') return '_x0000_';
  const points = [...key];
  // Names JavaScript objects cannot safely hold: fast-xml-parser refuses them as element names, so escape one character.
  const reserved = RESERVED.has(key);
  let out = '';
  points.forEach((ch, i) => {
    const literalEscape = ch === '_' && /^_x[0-9A-F]{4,8}_/.test(points.slice(i, i + 11).join(''));
    const ok = !(reserved && i === 0) && !literalEscape && (i === 0 ? START_RE.test(ch) : CHAR_RE.test(ch));
    out += ok ? ch : `_x${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}_`;
  });
  return out;
}

/** Inverse of `encodeName`. */
export function decodeName(name: string): string {
  return name.replace(/_x([0-9A-F]{4,8})_/g, (m, hex: string) => {
    const cp = parseInt(hex, 16);
    return cp === 0 ? '' : cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}
