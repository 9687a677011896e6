/**
 * Turns ajv's raw error list for the official OpenAPI schemas into the few errors a person should read.
 * The official schemas express "X or a Reference" and "one of these parameter locations" with `oneOf`/`anyOf`,
 * so one mistake yields an error per branch. For each failed `oneOf`/`anyOf` we keep only the errors of the
 * branch that fits best: branches whose errors say "this is not even the right kind of object" (missing `$ref`,
 * discriminating `enum`/`const` mismatch, wrong type at the branch root) lose to branches with real complaints.
 */
import type { ErrorObject } from 'ajv';

const COMPOSITE = new Set(['oneOf', 'anyOf', 'if', 'allOf', '$ref', 'dependentSchemas']);

/** How strongly an error says "wrong branch" rather than "right branch, wrong detail" (0 = a real complaint). */
function noise(error: ErrorObject, root: string): number {
  if (error.keyword === 'required' && (error.params as { missingProperty?: string }).missingProperty === '$ref')
    return 3;
  if (error.keyword === 'enum' || error.keyword === 'const') return 2;
  if (error.keyword === 'type' && error.instancePath === root) return 2;
  if (error.keyword === 'not') return 1;
  return 0;
}

function under(path: string, root: string): boolean {
  return path === root || path.startsWith(root + '/');
}

/** Keeps the most specific errors; order is preserved. */
export function collapseErrors(input: readonly ErrorObject[]): ErrorObject[] {
  const errors = [...input];
  const alive = errors.map(() => true);
  errors.forEach((error, k) => {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') return;
    const root = error.instancePath;
    const group: number[] = [];
    for (let i = k - 1; i >= 0; i--) {
      const candidate = errors[i];
      if (!candidate || !under(candidate.instancePath, root)) break;
      if (alive[i] && !COMPOSITE.has(candidate.keyword)) group.push(i);
    }
    if (group.length === 0) return;
    const best = Math.min(...group.map((i) => noise(errors[i]!, root)));
    for (const i of group) if (noise(errors[i]!, root) > best) alive[i] = false;
    mergeAlternatives(
      errors as ErrorObject[],
      alive,
      group.filter((i) => alive[i]),
      root,
    );
  });
  const kept = errors.filter((error, i) => alive[i] && !COMPOSITE.has(error.keyword));
  return dropShadowedTypeErrors(kept);
}

/**
 * When every surviving branch only misses one field at the root ("paths" or "components" or "webhooks"),
 * say so in one error instead of three contradictory ones.
 */
function mergeAlternatives(errors: ErrorObject[], alive: boolean[], group: number[], root: string): void {
  if (group.length < 2) return;
  const missing = group.map((i) => errors[i]!).filter((e) => e.keyword === 'required' && e.instancePath === root);
  if (missing.length !== group.length) return;
  const first = group[group.length - 1]!;
  for (const i of group) alive[i] = false;
  alive[first] = true;
  const names = missing.map((e) => (e.params as { missingProperty: string }).missingProperty).reverse();
  errors[first] = { ...errors[first]!, keyword: 'requiredAny', params: { missingProperties: names } };
}

/** A type error is noise when another error at the same place says more (it came from another branch). */
function dropShadowedTypeErrors(errors: ErrorObject[]): ErrorObject[] {
  const detailed = new Set(errors.filter((e) => e.keyword !== 'type').map((e) => e.instancePath));
  const seenType = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword !== 'type') return true;
    if (detailed.has(e.instancePath) || seenType.has(e.instancePath)) return false;
    seenType.add(e.instancePath);
    return true;
  });
}
