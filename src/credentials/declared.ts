/**
 * The credential names a spec declares: every apiKey security scheme's header, query or cookie name, and
 * every schema property of `format: password` (its values are secrets whatever they look like).
 * @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object
 */
import type { JsonObject } from '../types.ts';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The names, lower-cased; one walk over the document. */
export function declaredNames(document: unknown): string[] {
  const out = new Set<string>();
  const schemes = isObject(document) && isObject(document.components) ? document.components.securitySchemes : {};
  for (const s of Object.values(isObject(schemes) ? schemes : {}))
    if (isObject(s) && s.type === 'apiKey' && typeof s.name === 'string') out.add(s.name.toLowerCase());
  const stack: unknown[] = [document];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (isObject(v) && isObject(v.properties))
      for (const [name, p] of Object.entries(v.properties))
        if (isObject(p) && p.format === 'password') out.add(name.toLowerCase());
    stack.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
  return [...out];
}
