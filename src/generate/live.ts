/**
 * Live values in generated cases: a path parameter takes an id the API handed out for its collection, other
 * parameters and top-level body fields take values whose names match (`request_id` ← `id` of `/requests`,
 * `model` ← `id` of `/models`). The case is rebuilt from its logical value, so it is serialized as any other; a
 * valid case stays valid (a substitution the schema refuses is dropped), and a negative case keeps its one
 * violation (only path parameters and body fields it does not violate change, and only while its valid base
 * with the same values stays valid). `Case.live` records each field's source.
 */
import { stableHash } from '../plan/shard.ts';
import type { Case } from '../types.ts';
import { isObject } from './context.ts';
import { origins } from './generate.ts';
import { norm, type LivePool, type LiveValue } from './live-pool.ts';
import type { ParameterModel } from './operation-model.ts';
import { paramKey, positiveProblem, renderCase, type OperationGen, type RequestValue } from './request.ts';

/** Values of the pool a field named `name` can take; a path parameter first takes ids of its own collection. */
export function candidates(pool: LivePool, name: string, pathPrefix?: string): LiveValue[] {
  const n = norm(name);
  const at = indexOf(pool);
  // A conditional request names an ETag the API handed out (with the path of the resource it belongs to).
  if (CONDITIONAL.has(n)) return at.byName.get('etag') ?? [];
  if (pathPrefix !== undefined) {
    const own = (at.byCollection.get(pathPrefix) ?? []).filter((v) => v.name === 'id' || norm(v.name) === n);
    if (own.length > 0) return own;
  }
  const named = (at.byName.get(n) ?? []).filter((v) => v.name !== 'id');
  if (named.length > 0) return named;
  return at.idsByResource.get(n) ?? [];
}

const CONDITIONAL = new Set(['ifmatch', 'ifnonematch']);

/** The pool's lookups, built once per pool (a round's cases ask it for every field), in pool order. */
interface PoolLookup {
  byCollection: Map<string, LiveValue[]>;
  byName: Map<string, LiveValue[]>;
  idsByResource: Map<string, LiveValue[]>;
}
const lookups = new WeakMap<LivePool, PoolLookup>();

function indexOf(pool: LivePool): PoolLookup {
  const known = lookups.get(pool);
  if (known) return known;
  const at: PoolLookup = { byCollection: new Map(), byName: new Map(), idsByResource: new Map() };
  const push = (m: Map<string, LiveValue[]>, k: string, v: LiveValue) =>
    void (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const v of pool) {
    push(at.byCollection, v.collection, v);
    push(at.byName, norm(v.name), v);
    if (v.name === 'id') for (const r of new Set(resourceNames(v.collection))) push(at.idsByResource, r, v);
  }
  lookups.set(pool, at);
  return at;
}

/** What a reference to an item of `collection` is called: `/v1/requests` → request, requestid, requestsid. */
function resourceNames(collection: string): string[] {
  const last = norm(
    collection
      .split('/')
      .filter((s) => s && !s.startsWith('{'))
      .at(-1) ?? '',
  );
  const one = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.replace(/s$/, '');
  return last ? [one, `${one}id`, `${last}id`] : [];
}

/** How much of a case takes live values: `all` (an operation with no 2xx yet) or about half of the fields. */
export interface LiveOptions {
  all: boolean;
}

/** `c` with live values where the pool has some; `c` itself when none fits. */
export function withLive(c: Case, pool: LivePool, options: LiveOptions): Case {
  const origin = origins.get(c);
  if (!origin || pool.length === 0) return c;
  const { og, draft } = origin;
  const live: Record<string, string> = {};
  const chosen = (field: string, all: LiveValue[]): LiveValue | undefined => {
    // A DELETE takes the older half of the values, every other method the newer half: deletes do not consume
    // the resources the reads and updates of the same round are about.
    const half = Math.ceil(all.length / 2);
    const list = c.method.toUpperCase() === 'DELETE' ? all.slice(0, half) : all.slice(all.length - half);
    const v = list.length === 0 ? undefined : list[stableHash(`${c.id}|${field}`) % list.length];
    if (v) live[field] = v.source;
    return v;
  };
  const pick = (p: ParameterModel, list: LiveValue[]) => chosen(`${p.in}.${p.name}`, list);
  const params = liveParams(c, og.model.parameters, draft.value.params, pool, options, pick, live);
  let body = draft.value.body;
  const changed: Record<string, unknown> = {};
  if (body && isObject(body.value) && (c.kind !== 'negative' || bodyFieldViolated(c) !== undefined)) {
    for (const k of Object.keys(body.value)) {
      if (bodyFieldViolated(c) === k || (!options.all && stableHash(`${c.id}|body.${k}`) % 2 === 1)) continue;
      const v = chosen(`body.${k}`, candidates(pool, k));
      if (v) changed[k] = like(body.value[k], v.value);
    }
    body = { ...body, value: { ...body.value, ...changed } };
  }
  if (Object.keys(live).length === 0) return c;
  const value: RequestValue = { ...draft.value, params, ...(body ? { body } : {}) };
  if (c.kind !== 'negative' && positiveProblem(og, value) !== undefined) return c;
  if (c.kind === 'negative' && !stillOneViolation(og, origin.base, changed, value)) return c;
  const index = Number(c.id.slice(c.id.lastIndexOf('/') + 1)) || 0;
  const meta = { kind: c.kind, index, seed: c.seed, ...(c.violation ? { violation: c.violation } : {}) };
  const rendered = renderCase(og, { ...draft, value }, meta);
  if (!rendered) return c;
  const out: Case = { ...rendered, id: c.id, live };
  origins.set(out, { ...origin, draft: { ...draft, value } });
  return out;
}

/** The top-level body field a negative case's violation is in (`days` for `body.days` or `body.days[0]`). */
function bodyFieldViolated(c: Case): string | undefined {
  return /^body\.([^.[]+)/.exec(c.violation?.location ?? '')?.[1];
}

/**
 * A negative case whose other body fields took live values (a live `bookId` beside the out-of-range `days`, so
 * the refusal cannot come from an unknown id) is kept only when its valid base with the same values stays valid
 * and the case itself stays invalid: the violation is still its one reason to be refused.
 */
function stillOneViolation(
  og: OperationGen,
  base: RequestValue | undefined,
  changed: Record<string, unknown>,
  value: RequestValue,
): boolean {
  if (Object.keys(changed).length === 0) return true;
  if (!base?.body || !isObject(base.body.value)) return false;
  const valid: RequestValue = { ...base, body: { ...base.body, value: { ...base.body.value, ...changed } } };
  return positiveProblem(og, valid) === undefined && positiveProblem(og, value) !== undefined;
}

/**
 * Parameter values with live ones put in: path parameters always (with the path values of the request that
 * produced the value, so a key is used under its own parent), the others when the case sends them and, unless
 * `all`, for about half of them. A negative case changes only path parameters its violation is not about.
 */
function liveParams(
  c: Case,
  parameters: readonly ParameterModel[],
  current: Record<string, unknown>,
  pool: LivePool,
  options: LiveOptions,
  pick: (p: ParameterModel, list: LiveValue[]) => LiveValue | undefined,
  live: Record<string, string>,
): Record<string, unknown> {
  const params = { ...current };
  const scoped: Record<string, [string, string]> = {};
  const violated = (p: ParameterModel) => c.violation?.location.startsWith(`${p.in}.${p.name}`) ?? false;
  for (const p of parameters) {
    const key = paramKey(p);
    if (violated(p) || (p.in !== 'path' && (c.kind === 'negative' || !(key in params)))) continue;
    if (p.in !== 'path' && !options.all && stableHash(`${c.id}|${key}`) % 2 === 1) continue;
    const prefix = p.in === 'path' ? c.operation.split(' ')[1]!.split(`/{${p.name}}`)[0] : undefined;
    const used = pick(p, candidates(pool, p.name, prefix));
    if (!used) continue;
    params[key] = like(current[key], used.value);
    for (const [name, v] of Object.entries(used.scope))
      if (parameters.some((q) => q.in === 'path' && q.name === name && !violated(q)))
        scoped[name] = [v, `${used.source} (its parent's path.${name})`];
  }
  for (const [name, [v, source]] of Object.entries(scoped)) {
    params[`path:${name}`] = like(current[`path:${name}`], v);
    live[`path.${name}`] = source;
  }
  return params;
}

/** `value` in the JSON type of the generated value it replaces (an id `42` for a string parameter is `"42"`). */
function like(generated: unknown, value: string | number): unknown {
  if (typeof generated === 'string') return String(value);
  if (
    typeof generated === 'number' &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  )
    return Number(value);
  return value;
}
