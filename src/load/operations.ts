/**
 * Spec → Operation[]: every Operation Object under `paths` (and 3.1 `webhooks`), with Path Item
 * parameters merged in and `$ref`s resolved, in document order.
 * @see https://spec.openapis.org/oas/v3.1.0#path-item-object
 */
import {
  HTTP_METHODS,
  type HttpMethod,
  type Json,
  type JsonObject,
  type Operation,
  type Parameter,
  type Spec,
} from '../types.ts';
import { joinPointer } from '../json/pointer.ts';
import { isObject } from '../json/is-object.ts';

type Deref = Spec['deref'];

/** Lists the operations of a bundled document. */
export function listOperations(document: JsonObject, deref: Deref): Operation[] {
  const out: Operation[] = [];
  const rootSecurity = Array.isArray(document.security) ? (document.security as Array<Record<string, string[]>>) : [];
  for (const [section, webhook] of [
    ['paths', false],
    ['webhooks', true],
  ] as const) {
    const items = deref<JsonObject>(document[section], `/${section}`).value;
    if (!isObject(items)) continue;
    for (const [path, rawItem] of Object.entries(items)) {
      const item = deref<JsonObject>(rawItem, joinPointer(`/${section}`, path));
      if (!isObject(item.value)) continue;
      const shared = parameters(item.value.parameters, joinPointer(item.pointer, 'parameters'), deref);
      for (const [method, rawOp] of methodsOf(item.value)) {
        const op = deref<JsonObject>(rawOp, joinPointer(item.pointer, method));
        if (!isObject(op.value)) continue;
        out.push(operation(path, method, op.value, op.pointer, shared, rootSecurity, webhook, deref));
      }
    }
  }
  return out;
}

function methodsOf(item: JsonObject): Array<[HttpMethod, Json]> {
  const found: Array<[HttpMethod, Json]> = [];
  for (const method of HTTP_METHODS) if (item[method] !== undefined) found.push([method, item[method]!]);
  return found;
}

function operation(
  path: string,
  method: HttpMethod,
  op: JsonObject,
  pointer: string,
  shared: Parameter[],
  rootSecurity: Array<Record<string, string[]>>,
  webhook: boolean,
  deref: Deref,
): Operation {
  const own = parameters(op.parameters, joinPointer(pointer, 'parameters'), deref);
  const merged = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
  return {
    key: `${method.toUpperCase()} ${path}`,
    operationId: typeof op.operationId === 'string' ? op.operationId : undefined,
    method,
    path,
    pointer,
    object: op,
    parameters: merged,
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
    security: Array.isArray(op.security) ? (op.security as Array<Record<string, string[]>>) : rootSecurity,
    webhook,
  };
}

function parameters(list: Json | undefined, pointer: string, deref: Deref): Parameter[] {
  if (!Array.isArray(list)) return [];
  const out: Parameter[] = [];
  list.forEach((raw, i) => {
    const p = deref<JsonObject>(raw, joinPointer(pointer, i));
    const v = p.value;
    if (!isObject(v) || typeof v.name !== 'string' || typeof v.in !== 'string') return;
    if (!['path', 'query', 'header', 'cookie'].includes(v.in)) return;
    out.push({
      name: v.name,
      in: v.in as Parameter['in'],
      required: v.in === 'path' || v.required === true,
      object: v,
      pointer: p.pointer,
    });
  });
  return out;
}

/**
 * The path a request to `template` goes to: a `#fragment` in a path key (`/{Bucket}#acl`, how some converted
 * specs tell variants of one URL apart) never reaches a server, so it is left out.
 */
export function requestPathTemplate(template: string): string {
  const hash = template.indexOf('#');
  return hash < 0 ? template : template.slice(0, hash);
}

const segmentPatterns = new Map<string, RegExp>();

/** A path template segment (`{id}`, `{name}.json`, `items`) as an anchored regular expression. */
function segmentPattern(segment: string): RegExp {
  let re = segmentPatterns.get(segment);
  if (!re) {
    const source = segment
      .split(/(\{[^}]*\})/)
      .map((part) => (/^\{[^}]*\}$/.test(part) ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    segmentPatterns.set(segment, (re = new RegExp(`^${source}$`)));
  }
  return re;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * True when the path template could route the concrete (percent-encoded) path. A `#fragment` (path keys such as
 * `/{Bucket}#acl` that document variants of one URL) never reaches a server, so it is left out on both sides.
 */
export function templateMatches(template: string, concretePath: string): boolean {
  const t = requestPathTemplate(template).replace(/\/+$/, '').split('/');
  const c = requestPathTemplate(concretePath).replace(/\/+$/, '').split('/');
  return (
    t.length === c.length &&
    t.every((s, i) => {
      const re = segmentPattern(s);
      return re.test(c[i]!) || re.test(decoded(c[i]!));
    })
  );
}
