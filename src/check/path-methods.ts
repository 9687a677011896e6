/** The methods a path documents, from the spec's operations (so `$ref`'d Path Items count too). */
import { templateMatches } from '../load/operations.ts';
import { HTTP_METHODS, type Operation, type Spec } from '../types.ts';

// Asked for every exchange by unsupported_method: one scan of the operations per (spec, operation).
const memo = new WeakMap<Spec, WeakMap<Operation, string[]>>();

/** Upper-case documented methods of the operation's path, in HTTP_METHODS order. Do not mutate the result. */
export function pathMethods(spec: Spec, operation: Operation): string[] {
  let bySpec = memo.get(spec);
  if (!bySpec) memo.set(spec, (bySpec = new WeakMap()));
  let out = bySpec.get(operation);
  if (!out) {
    const methods = new Set(
      spec.operations.filter((o) => o.path === operation.path && o.webhook === operation.webhook).map((o) => o.method),
    );
    bySpec.set(operation, (out = HTTP_METHODS.filter((m) => methods.has(m)).map((m) => m.toUpperCase())));
  }
  return out;
}

/**
 * Upper-case methods that *other* path templates document for a concrete path of `operation`: a request to
 * `/items/_template` is also a request to `/items/{id}`, so a method `/items/{id}` documents is not unsupported there.
 */
export function otherTemplatesMethods(spec: Spec, operation: Operation, concretePath: string): Set<string> {
  return new Set(
    spec.operations
      .filter(
        (o) => o.path !== operation.path && o.webhook === operation.webhook && templateMatches(o.path, concretePath),
      )
      .map((o) => o.method.toUpperCase()),
  );
}
