/**
 * Which ajv errors only explain a failing `oneOf`/`anyOf`: the errors of its branches. Through `$ref`s ajv
 * reports a branch error with the schema path of the referenced schema (`#/components/schemas/OutputMessage/
 * required`), not under the composite's own path, so nesting by schema path misses them: on OpenAI's spec one
 * response that matched none of 12 output item types became 20 findings ("role missing", "queries missing", …),
 * one per branch. Here an error at or below the composite's instance is a branch error when validating that
 * instance against the composite's own schema without the composite does not give it.
 */
import { isObject } from '../json/is-object.ts';
import { splitFragment, valueAt } from '../json/pointer.ts';
import type { JsonObject } from '../types.ts';
import type { SchemaError } from '../validate/index.ts';
import type { CheckContext } from './check.ts';
import { resolveFrom } from './pointer.ts';

const COMPOSITES = new Set(['oneOf', 'anyOf']);

/** The errors of `errors` that are branch errors of a failing composite in it (the composites themselves stay). */
export function branchErrors(
  ctx: CheckContext,
  schemaPointer: string,
  value: unknown,
  errors: readonly SchemaError[],
): Set<SchemaError> {
  const out = new Set<SchemaError>();
  for (const c of errors) {
    if (!COMPOSITES.has(c.keyword) || out.has(c)) continue;
    const under = errors.filter((e) => e !== c && !out.has(e) && within(e.instancePath, c.instancePath));
    if (under.length === 0) continue;
    const owner = resolveFrom(ctx.spec, schemaPointer, splitFragment(c.schemaPath).slice(0, -1))?.value;
    // Without the owning schema there is nothing to compare with: every error below is taken as the branches'.
    const rest = isObject(owner) ? remaining(ctx, owner, c, valueAt(value, c.instancePath)) : new Set<string>();
    for (const e of under) if (!rest.has(keyOf(e, c.instancePath))) out.add(e);
  }
  return out;
}

/** Keys of the errors the instance has against the owning schema without the composite keyword. */
function remaining(ctx: CheckContext, owner: JsonObject, c: SchemaError, instance: unknown): Set<string> {
  const errors = ctx.validator.validateSchema(without(owner, c.keyword), instance, 'response');
  return new Set(errors.map((e) => keyOf(e, '')));
}

// One stripped copy per schema object and keyword: the validator compiles a fresh schema once per identity.
const stripped = new WeakMap<JsonObject, Map<string, JsonObject>>();

function without(schema: JsonObject, keyword: string): JsonObject {
  let byKeyword = stripped.get(schema);
  if (!byKeyword) stripped.set(schema, (byKeyword = new Map()));
  let copy = byKeyword.get(keyword);
  if (!copy) byKeyword.set(keyword, (copy = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== keyword))));
  return copy;
}

export const within = (path: string, base: string): boolean => path === base || path.startsWith(`${base}/`);

/** What an error says, relative to the instance at `base`: where, which keyword, with which parameters. */
const keyOf = (e: SchemaError, base: string): string =>
  `${e.instancePath.slice(base.length)} ${e.keyword} ${JSON.stringify(e.params)}`;
