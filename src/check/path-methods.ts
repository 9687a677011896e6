/** The methods a path documents, from the spec's operations (so `$ref`'d Path Items count too). */
import { HTTP_METHODS, type Operation, type Spec } from '../types.ts';

/** Upper-case documented methods of the operation's path, in HTTP_METHODS order. */
export function pathMethods(spec: Spec, operation: Operation): string[] {
  const methods = new Set(spec.operations
    .filter((o) => o.path === operation.path && o.webhook === operation.webhook)
    .map((o) => o.method));
  return HTTP_METHODS.filter((m) => methods.has(m)).map((m) => m.toUpperCase());
}
