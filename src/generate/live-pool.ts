/**
 * The live value pool: values the API itself handed out in 2xx answers (ids and names of created or listed
 * resources, the `Location` header), for later cases to use where generated values only reach 404/422. Pure:
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
  const r = exchange.response;
  if (!r || r.status < 200 || r.status >= 300) return pool;
  const c = exchange.case;
  const scope = pathValues(template, c.path);
  if (c.method.toUpperCase() === 'DELETE') return forget(pool, collectionOf(template), Object.values(scope).at(-1));
  const collection = c.method.toUpperCase() === 'POST' || !/\}$/.test(template) ? template : collectionOf(template);
  const found: LiveValue[] = [];
  const source = (where: string) => `${c.method} ${template} → ${r.status} ${where}`;
  const add = (name: string, value: unknown, where: string): void => {
    if (SECRET.test(name)) return; // a minted credential is not a value to spread through later requests and reports
    if ((typeof value === 'string' && value !== '' && value.length <= 200) || typeof value === 'number')
      found.push({ name, value, collection, scope, source: source(where) });
  };
  const location = r.headers.location;
  if (typeof location === 'string') add('id', location.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1), 'Location');
  for (const [name, value] of Object.entries(bodyFields(r))) add(name.split('.').at(-1)!, value, `body.${name}`);
  return found.length === 0 ? pool : merge(pool, found);
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

function merge(pool: LivePool, found: LiveValue[]): LivePool {
  const fresh = new Set(found.map((f) => `${f.collection} ${f.name} ${f.value}`));
  const kept = pool.filter((v) => !fresh.has(`${v.collection} ${v.name} ${v.value}`));
  const out = [...kept, ...found];
  const count = new Map<string, number>();
  // Oldest values beyond LIMIT per (collection, name) go: newer ones are likelier to still exist.
  return out
    .reverse()
    .filter((v) => {
      const k = `${v.collection} ${v.name}`;
      count.set(k, (count.get(k) ?? 0) + 1);
      return count.get(k)! <= LIMIT;
    })
    .reverse();
}

/** The pool without a deleted resource and without what lived under it (the keys of a deleted account). */
function forget(pool: LivePool, collection: string, value: string | undefined): LivePool {
  if (value === undefined) return pool;
  const child = (v: LiveValue) => v.collection.startsWith(`${collection}/`) && Object.values(v.scope).includes(value);
  return pool.filter((v) => !((v.collection === collection && String(v.value) === value) || child(v)));
}
