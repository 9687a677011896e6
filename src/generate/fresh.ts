/**
 * Values that must be fresh. An `Idempotency-Key` (or nonce, request id) reused across unrelated requests turns
 * them into replays and conflicts; a create that repeats the spec's example email, username, name or slug gets
 * the documented 409 and nothing behind it is ever checked. So every case gets its own token, derived from its
 * seed, kind and index (same seed, same cases), written into such spots in place of the spec's example:
 * - parameters named like an idempotency key, nonce or request/correlation id, in every operation;
 * - top-level body properties of creates (POST) named like a unique identifier
 *   (email, username, login, handle, name, title, slug, ...), `format: email`, `format: uuid` that is not a
 *   reference (`project_id`), or marked `x-unique: true`.
 * A fresh value replaces the old one only where the schema accepts it. The stateful phase sets its own key when it
 * tests idempotency itself (a replay reuses the created request's key on purpose).
 */
import type { Json, JsonObject } from '../types.ts';
import { isObject } from './context.ts';
import { resolveNode } from './mutations.ts';
import { charsetFor, paramKey, positiveProblem, type OperationGen, type RequestValue } from './request.ts';
import { fnv1a } from './seed.ts';
import { codePoints, fitsCharset } from './string.ts';

const FRESH_PARAMETER = /idempot|nonce|request[-_]?id|correlation[-_]?id|dedup/i;
const UNIQUE_NAME =
  /^(e-?mail(_?address)?|user_?name|login|handle|nick_?name|display_?name|name|title|slug|sku|code|subdomain|domain)$|(email|username|slug)$/i;
const CREATES = new Set(['post']);

/** The token of one case: deterministic from its seed, kind and index (and a retry count), lowercase alphanumeric. */
export function freshToken(seed: number, kind: string, index: number, attempt = 0): string {
  return `${(seed >>> 0).toString(36)}${kind.charAt(0)}${index.toString(36)}${attempt > 0 ? `r${attempt}` : ''}`;
}

/** True when a create must not repeat the value of this top-level body property (see the file comment). */
export function isFreshField(og: OperationGen, name: string, node: JsonObject): boolean {
  if (!CREATES.has(og.model.operation.method)) return false;
  if (Array.isArray(node.enum) || 'const' in node) return false;
  if (node['x-unique'] === true) return true;
  if (node.format === 'email' || node.format === 'idn-email') return true;
  if (node.format === 'uuid' && !/(_id|Id|_uuid|Uuid)$/.test(name)) return true;
  return UNIQUE_NAME.test(name) && (node.type === 'string' || node.type === undefined);
}

/** A uuid (version 4 shape) from the token's hash. */
function uuidOf(token: string): string {
  const hex = [0, 1, 2, 3].map((i) => fnv1a(`${i}|${token}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Candidate fresh strings for a spot holding `current`, most natural first. */
function candidates(current: unknown, node: JsonObject, token: string): string[] {
  if (node.format === 'uuid') return [uuidOf(token)];
  if (node.format === 'email' || node.format === 'idn-email') {
    const local = typeof current === 'string' ? current.split('@')[0]!.replace(/[^a-z0-9.]/gi, '') : '';
    return [`${local || 'specgate'}.${token}@example.com`, `${token}@example.com`];
  }
  const base = typeof current === 'string' && current.length > 0 ? current : 'specgate';
  const max = typeof node.maxLength === 'number' ? node.maxLength : Infinity;
  const fit = (s: string): string => (codePoints(s) > max ? [...s].slice(codePoints(s) - max).join('') : s);
  return [`${base}-${token}`, `${base}_${token}`, `${base}${token}`, token].map(fit);
}

/** A fresh value for a spot, accepted by its schema; undefined when none is. */
function freshValue(
  og: OperationGen,
  schema: Json,
  current: unknown,
  token: string,
  charset: 'any' | 'header',
): string | undefined {
  const ctx = og.gen.context(charset);
  const node = resolveNode(schema, ctx);
  if (!node || (node.type !== undefined && node.type !== 'string')) return undefined;
  return candidates(current, node, token).find(
    (s) => fitsCharset(s, charset) && og.gen.validator.validateSchema(schema, s, 'request').length === 0,
  );
}

/** `value` with every spot that must be fresh set to a value derived from `token` (see the file comment). */
export function freshen(og: OperationGen, value: RequestValue, token: string): RequestValue {
  let params = value.params;
  for (const p of og.model.parameters) {
    const key = paramKey(p);
    if (!FRESH_PARAMETER.test(p.name) || !(key in params) || p.contentType || p.in === 'path') continue;
    const next = freshValue(og, p.schema, params[key], token, charsetFor(p) === 'header' ? 'header' : 'any');
    if (next !== undefined) params = { ...params, [key]: next };
  }
  const body = value.body;
  const media = body && og.model.body?.media[body.media];
  if (!media || !isObject(body.value)) return params === value.params ? value : { ...value, params };
  const ctx = og.gen.context('any');
  const root = resolveNode(media.schema, ctx);
  const props = root && isObject(root.properties) ? root.properties : {};
  let out: Record<string, unknown> | undefined;
  for (const [name, schema] of Object.entries(props)) {
    const node = resolveNode(schema, ctx);
    if (!Object.hasOwn(body.value, name) || !node || !isFreshField(og, name, node)) continue;
    const next = freshValue(og, schema, body.value[name], token, 'any');
    if (next !== undefined) (out ??= { ...body.value })[name] = next;
  }
  if (!out) return params === value.params ? value : { ...value, params };
  return { params, body: { media: body.media, value: out } };
}

/** `value` with fresh values where a repeat would conflict, if the request stays valid (else `value`). */
export function freshened(og: OperationGen, value: RequestValue, token: string): RequestValue {
  const next = freshen(og, value, token);
  return next === value || positiveProblem(og, next) ? value : next;
}
