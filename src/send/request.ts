/**
 * Turns a Case into what goes on the wire: absolute URL, origin + path for the dispatcher, header map
 * (cookies folded into one `Cookie` header, Content-Type from the media type) and body text.
 */
import { HTTP_TOKEN } from '../headers.ts';
import type { Case, Exchange } from '../types.ts';

/** The wire form of a Case against one base URL. */
export interface WireRequest {
  origin: string;
  /** Path plus query, relative to the origin (includes any base-URL path prefix). */
  path: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** Joins a base URL (which may carry a path prefix such as `/api`) and a Case's path and query. */
export function wireRequest(c: Case, baseUrl: string): WireRequest {
  const { origin, prefix } = parseBase(baseUrl);
  const query = c.query ? `?${c.query}` : '';
  const path = `${prefix}${c.path.startsWith('/') ? '' : '/'}${c.path}${query}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.headers)) headers[name.toLowerCase()] = value;
  const cookies = Object.entries(c.cookies).map(([k, v]) => `${k}=${v}`);
  if (cookies.length > 0) headers.cookie = [headers.cookie, ...cookies].filter(Boolean).join('; ');
  if (c.bodyText !== undefined && c.mediaType && headers['content-type'] === undefined) {
    headers['content-type'] = c.mediaType;
  }
  const request: WireRequest = { origin, path, url: `${origin}${path}`, method: c.method.toUpperCase(), headers };
  if (c.bodyText !== undefined) request.body = c.bodyText;
  return request;
}

// A run sends everything to one base URL: parse it once, not per request.
let lastBase: { url: string; origin: string; prefix: string } | undefined;

function parseBase(baseUrl: string): { origin: string; prefix: string } {
  if (lastBase?.url !== baseUrl) {
    const base = new URL(baseUrl);
    lastBase = { url: baseUrl, origin: base.origin, prefix: base.pathname.replace(/\/+$/, '') };
  }
  return lastBase;
}

/** The `Exchange.request` record of a wire request. */
export function exchangeRequest(w: WireRequest): Exchange['request'] {
  const request: Exchange['request'] = { method: w.method, url: w.url, headers: { ...w.headers } };
  if (w.body !== undefined) request.body = w.body;
  return request;
}

const BAD_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const BAD_PATH = /[^\u0021-\u00ff]/;
const REFUSED_HEADERS = new Set(['transfer-encoding', 'keep-alive', 'upgrade', 'expect']);
// Duplicate host/content-length cannot happen: a header map holds each name once.

/**
 * Why undici would refuse to send `w`, or undefined. Checked before dispatching because undici 7's pool loses a
 * connection slot for every request it refuses at construction: after as many refusals as connections, every
 * later request of the run waits forever. The rules mirror undici's own (lib/core/request.js).
 */
export function unsendable(w: WireRequest): string | undefined {
  if (!HTTP_TOKEN.test(w.method)) return `invalid request method ${JSON.stringify(w.method)}`;
  if (BAD_PATH.test(w.path)) return 'invalid request path (a character outside U+0021-U+00FF)';
  for (const [name, value] of Object.entries(w.headers)) {
    if (!HTTP_TOKEN.test(name)) return `invalid header name ${JSON.stringify(name)}`;
    if (BAD_HEADER_VALUE.test(value)) return `invalid ${name} header (a control character or a character above U+00FF)`;
    const lower = name.toLowerCase();
    if (REFUSED_HEADERS.has(lower)) return `the HTTP client does not send a ${lower} header`;
    if (lower === 'content-length' && !/^\d+$/.test(value)) return 'invalid content-length header';
    if (lower === 'connection' && !value.split(',').every((t) => HTTP_TOKEN.test(t.trim())))
      return 'invalid connection header';
  }
  return undefined;
}
