/**
 * OpenAPI's `discriminator` settles a `oneOf` that JSON Schema alone finds ambiguous: when a value matches
 * several branches (common, since branches rarely forbid each other's properties), the branch the discriminator
 * property names is the one meant. A `oneOf` error whose passing branches include that one is not drift.
 * @see https://spec.openapis.org/oas/v3.1.0#discriminator-object
 */
import type { Json, Spec } from '../types.ts';
import type { SchemaError } from '../validate/index.ts';
import { mappingRef } from '../validate/convert.ts';
import { isObject } from '../json/is-object.ts';
import { joinPointer, splitFragment } from '../json/pointer.ts';
import { valueAt } from '../json/pointer.ts';

/** The `$ref` a discriminator value names: its mapping entry (a reference or a schema name), else the schema of that name. */
function targetRef(mapping: Json | undefined, value: string): string {
  const mapped = isObject(mapping) ? mapping[value] : undefined;
  return mappingRef(typeof mapped === 'string' ? mapped : value);
}

/** For a `oneOf`/`anyOf` error under a discriminator: the branch refs, and the index of the one the value names. */
function named(spec: Spec, error: SchemaError, root: unknown): { refs: string[]; chosen: number } | undefined {
  if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') return undefined;
  const segments = splitFragment(error.schemaPath);
  if (segments.at(-1) !== error.keyword) return undefined;
  const schema = spec.get(joinPointer('', ...segments.slice(0, -1)));
  const branches = isObject(schema) ? schema[error.keyword] : undefined;
  if (!isObject(schema) || !isObject(schema.discriminator) || !Array.isArray(branches)) return undefined;
  const property = schema.discriminator.propertyName;
  const instance = valueAt(root, error.instancePath);
  if (typeof property !== 'string' || !isObject(instance as Json)) return undefined;
  const value = (instance as Record<string, unknown>)[property];
  if (typeof value !== 'string') return undefined;
  const ref = targetRef(schema.discriminator.mapping, value);
  const refs = branches.map((b) => (isObject(b) && typeof b.$ref === 'string' ? b.$ref : ''));
  const chosen = refs.indexOf(ref);
  return chosen >= 0 ? { refs, chosen } : undefined;
}

/** True when the discriminator of the `oneOf` behind `error` names one of the branches that matched. */
function settled(spec: Spec, error: SchemaError, root: unknown): boolean {
  const passing = error.params.passingSchemas;
  if (error.keyword !== 'oneOf' || !Array.isArray(passing) || passing.length < 2) return false;
  const n = named(spec, error, root);
  return n !== undefined && passing.includes(n.chosen);
}

const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);

/**
 * `errors` without the `oneOf` failures a discriminator settles (see above), and, where the discriminator names
 * a branch the value fails, without the other branches' errors: a Dog's report is about Dog, not about why it
 * is no Cat. The named branch's own errors stay (the validator checks it through the discriminator too).
 */
export function withoutSettledOneOf(spec: Spec, errors: SchemaError[], root: unknown): SchemaError[] {
  if (!errors.some((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) return errors;
  let out = errors.filter((e) => !settled(spec, e, root));
  for (const e of errors) {
    const n = named(spec, e, root);
    if (!n) continue;
    const others = n.refs.filter((r, i) => i !== n.chosen && r.startsWith('#')).map((r) => `#${r.slice(1)}`);
    out = out.filter(
      (x) => x !== e && !(under(x.instancePath, e.instancePath) && others.some((o) => under(x.schemaPath, o))),
    );
  }
  // The named branch is judged twice (as a branch and through the discriminator): report each error once.
  const seen = new Set<string>();
  return out.filter(
    (x) => !seen.has(`${x.instancePath} ${x.schemaPath}`) && !!seen.add(`${x.instancePath} ${x.schemaPath}`),
  );
}
