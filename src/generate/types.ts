/**
 * `type` (a name, a list, or inferred from the other keywords when absent) → the keyword family that
 * generates it; 3.0 `nullable: true` adds `null`.
 */
import fc from 'fast-check';
import type { JsonObject } from '../types.ts';
import { never, type CompileContext } from './context.ts';
import { arrayArbitrary } from './array.ts';
import { numberArbitrary } from './number.ts';
import { objectArbitrary } from './object.ts';
import { stringArbitrary } from './string.ts';

const FAMILY_HINTS: Array<[string, string[]]> = [
  [
    'object',
    [
      'properties',
      'required',
      'additionalProperties',
      'patternProperties',
      'minProperties',
      'maxProperties',
      'propertyNames',
      'dependentRequired',
    ],
  ],
  ['array', ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains']],
  ['string', ['minLength', 'maxLength', 'pattern']],
  ['number', ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
];

/** The JSON types a schema admits, in the order they are tried. */
export function typesOf(schema: JsonObject, ctx: CompileContext): string[] {
  let types: string[];
  if (typeof schema.type === 'string') types = [schema.type];
  else if (Array.isArray(schema.type)) types = schema.type.filter((t): t is string => typeof t === 'string');
  else {
    const hinted = FAMILY_HINTS.filter(([, keys]) => keys.some((k) => k in schema)).map(([t]) => t);
    types = hinted.length > 0 ? hinted : typeof schema.format === 'string' ? ['string'] : ['any'];
  }
  if (schema.nullable === true && ctx.line === '3.0' && !types.includes('null')) types.push('null');
  return types;
}

/** Small JSON values of any type, for `{}` (unconstrained) schemas. */
function anyJson(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(stringArbitrary({ maxLength: 8 }, ctx), fc.integer({ min: -100, max: 100 }), fc.boolean());
  if (depth > ctx.maxDepth) return scalar;
  return fc.oneof(
    { arbitrary: scalar, weight: 4 },
    { arbitrary: fc.array(scalar, { maxLength: 2 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), scalar, { maxKeys: 2 }), weight: 1 },
  );
}

function one(type: string, schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(schema, ctx);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, schema.format === 'int32' || schema.format === 'int64');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'object':
      return objectArbitrary(schema, ctx, depth);
    case 'array':
      return arrayArbitrary(schema, ctx, depth);
    case 'any':
      return anyJson(schema, ctx, depth);
    default:
      return never();
  }
}

/** Arbitrary for a schema without combinators, by its type(s). */
export function typedArbitrary(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  const types = typesOf(schema, ctx);
  if (types.length === 0) return never();
  if (types.length === 1) return one(types[0]!, schema, ctx, depth);
  // null last and rarer: a nullable field is mostly sent with a value.
  return fc.oneof(...types.map((t) => ({ arbitrary: one(t, schema, ctx, depth), weight: t === 'null' ? 1 : 3 })));
}
