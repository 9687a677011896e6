/**
 * Parameter serialization by `style`/`explode` (OAS "Style Values"), with RFC 3986 percent-encoding.
 * Delimiters the style introduces (`,` `;` `.` `=` `&` `[` `]` `|`) stay literal as in the specification's
 * style table; the same characters inside values are encoded. Label style for arrays and objects with
 * `explode: false` follows the 3.0/3.1 table (`.blue.black.brown`) and RFC 6570 for 3.2 (`.blue,black,brown`),
 * where the 3.2 table was corrected.
 * @see https://spec.openapis.org/oas/v3.1.0#style-examples
 */
import type { OpenApiLine } from '../types.ts';
import { jsonText, numberText } from './json-text.ts';

/** How one parameter is written. */
export interface StyleOptions {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  style: string;
  explode: boolean;
  allowReserved: boolean;
  line: OpenApiLine;
}

/** The default style per location (OAS Parameter Object `style`). */
export function defaultStyle(location: StyleOptions['in']): string {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;
// With allowReserved these pass through, except the ones that would change the query's structure (& # + =).
const RESERVED_KEPT = /[!$'()*,;:@/?[\]]/;

/** RFC 3986 percent-encoding of a value's UTF-8 bytes; `undefined` for a lone surrogate (not encodable). */
export function percentEncode(text: string, allowReserved = false): string | undefined {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch) || (allowReserved && RESERVED_KEPT.test(ch))) out += ch;
    else {
      try {
        out += encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
      } catch {
        return undefined;
      }
    }
  }
  return out;
}

/** Text of a primitive as it travels in a URL or header (JSON spelling for numbers and booleans). */
export function primitiveText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  return jsonText(value) as string;
}

type Kind = 'primitive' | 'array' | 'object';
const kindOf = (v: unknown): Kind =>
  Array.isArray(v) ? 'array' : v !== null && typeof v === 'object' ? 'object' : 'primitive';

/** Serializes a parameter value: the path segment, the query fragment (`a=1&b=2`), or the header/cookie value. */
export function serializeParameter(value: unknown, o: StyleOptions): string | undefined {
  const encode = (s: unknown): string | undefined =>
    o.in === 'header' ? primitiveText(s) : percentEncode(primitiveText(s), o.allowReserved);
  const kind = kindOf(value);
  const items =
    kind === 'array'
      ? (value as unknown[]).map(encode)
      : kind === 'object'
        ? Object.entries(value as object).flatMap(([k, v]) => [encode(k), encode(v)])
        : [encode(value)];
  if (items.some((x) => x === undefined)) return undefined;
  const parts = items as string[];
  const name = percentEncode(o.name, true)!;
  const pairs = (): string[] => {
    const out: string[] = [];
    for (let i = 0; i < parts.length; i += 2) out.push(`${parts[i]}=${parts[i + 1]}`);
    return out;
  };
  switch (o.style) {
    case 'matrix':
      if (kind === 'primitive') return parts[0] === '' ? `;${name}` : `;${name}=${parts[0]}`;
      if (!o.explode) return `;${name}=${parts.join(',')}`;
      return kind === 'array'
        ? parts.map((p) => `;${name}=${p}`).join('')
        : pairs()
            .map((p) => `;${p}`)
            .join('');
    case 'label': {
      if (kind === 'primitive') return `.${parts[0]}`;
      if (o.explode)
        return kind === 'array'
          ? parts.map((p) => `.${p}`).join('')
          : pairs()
              .map((p) => `.${p}`)
              .join('');
      return `.${parts.join(o.line === '3.2' ? ',' : '.')}`;
    }
    case 'form':
      if (kind === 'primitive') return `${name}=${parts[0]}`;
      if (!o.explode) return parts.length === 0 && kind === 'array' ? '' : `${name}=${parts.join(',')}`;
      return kind === 'array' ? parts.map((p) => `${name}=${p}`).join('&') : pairs().join('&');
    case 'spaceDelimited':
    case 'pipeDelimited': {
      if (kind === 'primitive' || (o.explode && kind === 'array'))
        return serializeParameter(value, { ...o, style: 'form' });
      const sep = o.style === 'spaceDelimited' ? '%20' : o.line === '3.2' ? '%7C' : '|';
      return parts.length === 0 ? '' : `${name}=${parts.join(sep)}`;
    }
    case 'deepObject':
      return kind === 'object'
        ? deepObject(o.name, value as Record<string, unknown>, o.allowReserved)
        : serializeParameter(value, { ...o, style: 'form' });
    default: // simple (and cookie values, which are written as form values without the name)
      if (kind === 'primitive') return parts[0];
      if (!o.explode || kind === 'array') return parts.join(',');
      return pairs().join(',');
  }
}

/** `name[key]=value` pairs; nested objects and arrays continue the brackets (the qs convention Stripe and Rails use). */
function deepObject(
  prefix: string,
  value: Record<string, unknown> | unknown[],
  allowReserved: boolean,
): string | undefined {
  const out: string[] = [];
  const walk = (path: string, v: unknown): boolean => {
    if (v !== null && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) if (!walk(`${path}[${percentEncode(k, false)}]`, inner)) return false;
      return true;
    }
    const text = percentEncode(primitiveText(v), allowReserved);
    if (text === undefined) return false;
    out.push(`${path}=${text}`);
    return true;
  };
  return walk(percentEncode(prefix, true)!, value) ? out.join('&') : undefined;
}
