/**
 * A name in `required` is defined somewhere the instance can get it from: the schema's own `properties`,
 * a matching `patternProperties`, an `additionalProperties` schema, a member of its `allOf`/`anyOf`/`oneOf`
 * (through `$ref`s), or an `allOf` sibling of the schema. Schemas without `properties` are pure constraints
 * and are not checked.
 */
import type { Json, JsonObject } from '../../types.ts';
import type { LintContext, Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';

function resolve(ctx: LintContext, node: Json | undefined): JsonObject | undefined {
  const value = ctx.spec.deref<Json>(node).value;
  return isObject(value) ? value : undefined;
}

/** True when `schema` (or what it composes) can define property `name`. */
function supplies(ctx: LintContext, schema: JsonObject, name: string, depth = 0, seen = new Set<object>()): boolean {
  if (depth > 20 || seen.has(schema)) return false;
  seen.add(schema);
  if (isObject(schema.properties) && name in schema.properties) return true;
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return true;
  if (isObject(schema.patternProperties) && Object.keys(schema.patternProperties).some((p) => safeTest(p, name)))
    return true;
  if (schema.if !== undefined || schema.dependentSchemas !== undefined) return true; // Too dynamic to judge.
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const member of list) {
      const target = resolve(ctx, member);
      if (target && supplies(ctx, target, name, depth + 1, seen)) return true;
    }
  }
  const target = typeof schema.$ref === 'string' ? resolve(ctx, schema) : undefined;
  return target !== undefined && target !== schema && supplies(ctx, target, name, depth + 1, seen);
}

function safeTest(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(name);
  } catch {
    return true; // An invalid pattern is pattern-invalid's finding; do not add a second one here.
  }
}

/** For every schema that is an `allOf` member, the other members of that `allOf`. */
function allOfSiblings(ctx: LintContext): Map<object, JsonObject[]> {
  const siblings = new Map<object, JsonObject[]>();
  for (const { schema } of ctx.schemas()) {
    if (!Array.isArray(schema.allOf)) continue;
    const members = schema.allOf.map((m) => [m, resolve(ctx, m)] as const);
    for (const [raw, member] of members) {
      const others = members.filter(([r]) => r !== raw).flatMap(([, m]) => (m ? [m] : []));
      for (const key of [raw, member]) {
        if (isObject(key ?? null)) siblings.set(key as object, [...(siblings.get(key as object) ?? []), ...others]);
      }
    }
  }
  return siblings;
}

const rule: Rule = {
  id: 'required-property-undefined',
  description: 'Every name in `required` is a property the schema (or what it is combined with) defines.',
  defaultSeverity: 'warn',
  run(ctx) {
    const reports: Report[] = [];
    let siblings: Map<object, JsonObject[]> | undefined;
    for (const { schema, pointer } of ctx.schemas()) {
      if (!Array.isArray(schema.required) || !isObject(schema.properties)) continue;
      schema.required.forEach((name, i) => {
        if (typeof name !== 'string' || supplies(ctx, schema, name)) return;
        siblings ??= allOfSiblings(ctx);
        if ((siblings.get(schema) ?? []).some((s) => supplies(ctx, s, name))) return;
        reports.push({
          pointer: joinPointer(pointer, 'required', i),
          message: `"${name}" is required but not defined in properties (nor by allOf/anyOf/oneOf, patternProperties or additionalProperties).`,
        });
      });
    }
    return reports;
  },
};
export default rule;
