/** The one XML escape of every XML writer (junit.xml of run, lint and diff; the certificate badge). */

// XML 1.0 allows only these characters; anything else (NUL, other C0 controls, lone surrogates) is dropped,
// because escaping cannot make them legal and a reader rejects the whole file for one of them.
const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content and attribute values (both quote kinds). */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
