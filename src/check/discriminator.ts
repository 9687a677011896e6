/**
 * OpenAPI's `discriminator` settles a `oneOf` that JSON Schema alone finds ambiguous: when a value matches
 * several branches (common, since branches rarely forbid each other's properties), the branch the discriminator
 * property names is the one meant. A `oneOf` error whose passing branches include that one is not drift.
 * @see https://spec.openapis.org/oas/v3.1.0#discriminator-object
 */
import type { Json, Spec } from '../types.ts';
import type { SchemaError } from '../validate/index.ts';
import { isObject, joinPointer, splitFragment } from './pointer.ts';
import { valueAt } from './schema-message.ts';

/** The `$ref` a discriminator value names: its mapping entry (a reference or a schema name), else the schema of that name. */
function targetRef(mapping: Json | undefined, value: string): string {
  const mapped = isObject(mapping) ? mapping[value] : undefined;
  const name = typeof mapped === 'string' ? mapped : value;
  return name.includes('/') || name.startsWith('#') ? name : `#/components/schemas/${name}`;
}

/** True when the discriminator of the `oneOf` behind `error` names one of the branches that matched. */
function settled(spec: Spec, error: SchemaError, root: unknown): boolean {
  const passing = error.params.passingSchemas;
  if (error.keyword !== 'oneOf' || !Array.isArray(passing) || passing.length < 2) return false;
  const segments = splitFragment(error.schemaPath);
  if (segments.at(-1) !== 'oneOf') return false;
  const schema = spec.get(joinPointer(segments.slice(0, -1)));
  if (!isObject(schema) || !isObject(schema.discriminator) || !Array.isArray(schema.oneOf)) return false;
  const property = schema.discriminator.propertyName;
  const instance = valueAt(root, error.instancePath);
  if (typeof property !== 'string' || !isObject(instance as Json)) return false;
  const value = (instance as Record<string, unknown>)[property];
  if (typeof value !== 'string') return false;
  const ref = targetRef(schema.discriminator.mapping, value);
  const branch = schema.oneOf.findIndex((b) => isObject(b) && b.$ref === ref);
  return branch >= 0 && passing.includes(branch);
}

/** `errors` without the `oneOf` failures a discriminator settles (see above). */
export function withoutSettledOneOf(spec: Spec, errors: SchemaError[], root: unknown): SchemaError[] {
  if (!errors.some((e) => e.keyword === 'oneOf')) return errors;
  return errors.filter((e) => !settled(spec, e, root));
}
