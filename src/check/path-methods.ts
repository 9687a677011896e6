/** The methods a path documents, from the spec's operations (so `$ref`'d Path Items count too). */
import { HTTP_METHODS, type Operation, type Spec } from '../types.ts';

// Asked for every exchange by unsupported_method: one scan of the operations per (spec, operation).
const memo = new WeakMap<Spec, WeakMap<Operation, string[]>>();

/** Upper-case documented methods of the operation's path, in HTTP_METHODS order. Do not mutate the result. */
export function pathMethods(spec: Spec, operation: Operation): string[] {
  let bySpec = memo.get(spec);
  if (!bySpec) memo.set(spec, (bySpec = new WeakMap()));
  let out = bySpec.get(operation);
  if (!out) {
    const methods = new Set(spec.operations
      .filter((o) => o.path === operation.path && o.webhook === operation.webhook)
      .map((o) => o.method));
    bySpec.set(operation, (out = HTTP_METHODS.filter((m) => methods.has(m)).map((m) => m.toUpperCase())));
  }
  return out;
}

const segmentPatterns = new Map<string, RegExp>();

/** A path template segment (`{id}`, `{name}.json`, `items`) as an anchored regular expression. */
function segmentPattern(segment: string): RegExp {
  let re = segmentPatterns.get(segment);
  if (!re) {
    const source = segment.split(/(\{[^}]*\})/).map((part) =>
      /^\{[^}]*\}$/.test(part) ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('');
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
  const t = template.split('#')[0]!.replace(/\/+$/, '').split('/');
  const c = concretePath.split('#')[0]!.replace(/\/+$/, '').split('/');
  return t.length === c.length && t.every((s, i) => {
    const re = segmentPattern(s);
    return re.test(c[i]!) || re.test(decoded(c[i]!));
  });
}

/**
 * Upper-case methods that *other* path templates document for a concrete path of `operation`: a request to
 * `/items/_template` is also a request to `/items/{id}`, so a method `/items/{id}` documents is not unsupported there.
 */
export function otherTemplatesMethods(spec: Spec, operation: Operation, concretePath: string): Set<string> {
  return new Set(spec.operations
    .filter((o) => o.path !== operation.path && o.webhook === operation.webhook && templateMatches(o.path, concretePath))
    .map((o) => o.method.toUpperCase()));
}
