/**
 * The live value pool: values the API itself handed out in 2xx answers (ids and names of created or listed
 * resources, the `Location` and `ETag` headers), for later cases to use where generated values only reach 404/422. Pure:
 * harvesting an exchange gives a new pool, matching a field to the pool reads it. Each value keeps where it came
 * from, so a case that uses one says so (`Case.live`).
 */
import { requestPathTemplate } from '../load/operations.ts';
import type { Exchange } from '../types.ts';

/** One value the API handed out. */
export interface LiveValue {
  /** The field it came in (`id`, `name`, `request_id`, ...). */
  name: string;
  value: string | number;
  /** The collection path template it belongs to: `/v1/things` for POST /v1/things and GET /v1/things/{id}. */
  collection: string;
  /** Path parameter values of the request that produced it (a key of `/subs/{id}/keys` belongs to that sub). */
  scope: Record<string, string>;
  /** Where it came from, e.g. `POST /v1/things → 201 body.id`. */
  source: string;
}

/** The pool: newest values last, at most LIMIT per (collection, name). */
export type LivePool = readonly LiveValue[];

const LIMIT = 8;
/** Distinct field names kept per collection. */
const NAMES = 64;
const SECRET = /secret|token|passw|credential|^key$|api.?key|signature/i;
const ITEMS = 5;

/** Lower case without separators: `request_id`, `requestId` and `Request-ID` are one name. */
export const norm = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The collection an operation works on: its path template up to a trailing `{param}`. */
export function collectionOf(pathTemplate: string): string {
  return pathTemplate.replace(/\/\{[^}/]+\}$/, '');
}

/** Path parameter values of a request: template `{name}` segments read from the sent path. */
export function pathValues(template: string, path: string): Record<string, string> {
  const t = requestPathTemplate(template).split('/');
  const p = path.split('/');
  const out: Record<string, string> = {};
  if (t.length !== p.length) return out;
  for (const [i, seg] of t.entries()) {
    const m = /^\{([^}]+)\}$/.exec(seg);
    if (m) out[m[1]!] = safeDecode(p[i]!);
  }
  return out;
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The pool after a 2xx exchange of the operation at `template`: its values in, a deleted resource's out. */
export function harvest(pool: LivePool, exchange: Exchange, template: string): LivePool {
  return harvestAll(pool, [[exchange, template]]);
}

/**
 * The pool after a round's exchanges, in order. One pass over an index by (collection, name), so a round costs
 * what its exchanges hold, not exchanges × pool (a mock answering random property names grew the pool into the
 * tens of thousands and the per-exchange merge took minutes).
 */
export function harvestAll(pool: LivePool, items: ReadonlyArray<readonly [Exchange, string]>): LivePool {
  const index = new PoolIndex(pool);
  for (const [exchange, template] of items) {
    const r = exchange.response;
    if (!r || r.status < 200 || r.status >= 300) continue;
    const scope = pathValues(template, exchange.case.path);
    const method = exchange.case.method.toUpperCase();
    if (method === 'DELETE') index.forget(collectionOf(template), Object.values(scope).at(-1));
    else index.add(found(exchange, template, scope));
  }
  return index.changed ? index.values() : pool;
}

/** The values one 2xx answer hands out: Location and the scalar fields of its JSON body, never credentials. */
function found(exchange: Exchange, template: string, scope: Record<string, string>): LiveValue[] {
  const c = exchange.case;
  const r = exchange.response!;
  const collection = c.method.toUpperCase() === 'POST' || !/\}$/.test(template) ? template : collectionOf(template);
  const out: LiveValue[] = [];
  const add = (name: string, value: unknown, where: string): void => {
    if (SECRET.test(name)) return; // a minted credential is not a value to spread through later requests and reports
    if ((typeof value === 'string' && value !== '' && value.length <= 200) || typeof value === 'number')
      out.push({ name, value, collection, scope, source: `${c.method} ${template} → ${r.status} ${where}` });
  };
  const location = r.headers.location;
  if (typeof location === 'string') add('id', location.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1), 'Location');
  // The validator the API gave this resource: conditional requests (If-Match, If-None-Match) can name it.
  if (typeof r.headers.etag === 'string') add('etag', r.headers.etag, 'ETag');
  for (const [name, value] of Object.entries(bodyFields(r))) add(name.split('.').at(-1)!, value, `body.${name}`);
  return out;
}

/** Scalar fields of a JSON body: top level, and those of the first items of top-level arrays (lists). */
function bodyFields(r: NonNullable<Exchange['response']>): Record<string, unknown> {
  const type = String(r.headers['content-type'] ?? '');
  if (!/json/i.test(type) || r.truncated) return {};
  let body: unknown;
  try {
    body = JSON.parse(r.body);
  } catch {
    return {};
  }
  const out: Record<string, unknown> = {};
  const scalars = (o: unknown, prefix: string): void => {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return;
    for (const [k, v] of Object.entries(o)) if (typeof v !== 'object') out[`${prefix}${k}`] ??= v;
  };
  scalars(body, '');
  if (Array.isArray(body)) body.slice(0, ITEMS).forEach((item, i) => scalars(item, `${i}.`));
  else if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body))
      if (Array.isArray(v)) v.slice(0, ITEMS).forEach((item, i) => scalars(item, `${k}.${i}.`));
  return out;
}

/**
 * The pool by (collection, name), each list newest last and at most LIMIT long (newer values are likelier to
 * still exist), at most NAMES per collection (a mock that invents property names must not grow it without end).
 * `values()` gives the pool back in the order values arrived.
 */
class PoolIndex {
  private readonly lists = new Map<string, Array<[number, LiveValue]>>();
  private readonly names = new Map<string, number>();
  private next = 0;
  changed = false;

  constructor(pool: LivePool) {
    for (const v of pool) this.append(v);
  }

  add(found: readonly LiveValue[]): void {
    const batch = new Map<string, LiveValue[]>();
    for (const f of found) batch.set(key(f), [...(batch.get(key(f)) ?? []), f]);
    for (const [k, values] of batch) {
      const list = this.lists.get(k);
      if (!list && (this.names.get(values[0]!.collection) ?? 0) >= NAMES) continue;
      const fresh = new Set(values.map((v) => String(v.value)));
      // A value seen again moves to the newest end; repeats inside one answer all count.
      const kept = (list ?? []).filter(([, v]) => !fresh.has(String(v.value)));
      this.store(k, [...kept, ...values.map((v): [number, LiveValue] => [this.next++, v])]);
    }
  }

  forget(collection: string, value: string | undefined): void {
    if (value === undefined) return;
    const child = (v: LiveValue) => v.collection.startsWith(`${collection}/`) && Object.values(v.scope).includes(value);
    for (const [k, list] of this.lists) {
      const kept = list.filter(([, v]) => !((v.collection === collection && String(v.value) === value) || child(v)));
      if (kept.length !== list.length) this.store(k, kept);
    }
  }

  values(): LiveValue[] {
    const all = [...this.lists.values()].flat();
    return all.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }

  private append(v: LiveValue): void {
    const k = key(v);
    const list = this.lists.get(k) ?? [];
    if (list.length === 0) this.names.set(v.collection, (this.names.get(v.collection) ?? 0) + 1);
    list.push([this.next++, v]);
    this.lists.set(k, list.slice(-LIMIT));
  }

  private store(k: string, list: Array<[number, LiveValue]>): void {
    this.changed = true;
    const collection = k.slice(0, k.indexOf('\n'));
    if (!this.lists.has(k)) this.names.set(collection, (this.names.get(collection) ?? 0) + 1);
    this.lists.set(k, list.slice(-LIMIT));
  }
}

const key = (v: LiveValue): string => `${v.collection}\n${v.name}`;
