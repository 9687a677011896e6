/**
 * Where a request names the URL the API will call back: the body fields of the operation's `callbacks` runtime
 * expressions (`{$request.body#/callback_url}`) and any body field named like `webhook_url` / `callback_url`.
 * A valid case gets the harness's receiver there, so the deliveries come to the run. Pure.
 * @see https://spec.openapis.org/oas/v3.1.0#callback-object
 */
import type { Case, JsonObject, Operation, Spec } from '../types.ts';

const NAMED = /^(webhook|callback|notify|notification)_?ur[il]$/i;

/** JSON pointers into the request body that the operation's callbacks read their URL from. */
export function callbackPointers(spec: Spec, op: Operation): string[] {
  const callbacks = spec.deref<JsonObject>(op.object.callbacks).value ?? {};
  const out: string[] = [];
  for (const name of Object.keys(callbacks)) {
    const cb = spec.deref<JsonObject>(callbacks[name]).value ?? {};
    for (const expression of Object.keys(cb)) {
      const m = /\{\$request\.body#(\/[^}]*)\}/.exec(expression);
      if (m && !out.includes(m[1]!)) out.push(m[1]!);
    }
  }
  return out;
}

function setAt(body: unknown, pointer: string, url: string): boolean {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = body as Record<string, unknown> | undefined;
  for (const p of parts.slice(0, -1)) node = node?.[p] as Record<string, unknown> | undefined;
  const last = parts.at(-1);
  if (!node || typeof node !== 'object' || last === undefined || typeof node[last] !== 'string') return false;
  node[last] = url;
  return true;
}

function setNamed(node: unknown, url: string): boolean {
  if (typeof node !== 'object' || node === null) return false;
  let hit = false;
  for (const [k, v] of Object.entries(node)) {
    if (typeof v === 'string' && NAMED.test(k)) ((node as Record<string, unknown>)[k] = url), (hit = true);
    else hit = setNamed(v, url) || hit;
  }
  return hit;
}

/**
 * `c` with `url` in its callback fields (only fields the case already sends, as strings, so it stays valid), or
 * `c` itself when it has none or is a negative case (its one violation must stay the only one).
 */
export function withCallbackUrl(c: Case, pointers: readonly string[], url: string): Case {
  if (c.kind === 'negative' || typeof c.body !== 'object' || c.body === null) return c;
  if (!/json/i.test(c.mediaType ?? '')) return c;
  const body = structuredClone(c.body);
  let hit = false;
  for (const p of pointers) hit = setAt(body, p, url) || hit;
  hit = setNamed(body, url) || hit;
  return hit ? { ...c, body, bodyText: JSON.stringify(body) } : c;
}
