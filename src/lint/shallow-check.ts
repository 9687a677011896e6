/**
 * A fast local verdict for the common case of a primitive value (string, number, boolean) against a schema
 * made only of primitive keywords. Compiling an ajv function per example costs about a millisecond, and large
 * descriptions carry tens of thousands of examples, defaults and enum members; most are primitives.
 * Anything else (null, objects, arrays, composition, `$ref`) gets no verdict and goes to the real validator.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Json, JsonObject } from '../types.ts';
import { STRICT_FORMATS } from '../validate/formats.ts';

const DEFER = ['not', 'if', 'then', 'else', '$dynamicRef', 'dependentSchemas'];

/** Resolves a `$ref` node to its target schema (or undefined). */
export type Resolve = (node: Json) => JsonObject | undefined;
const regexps = new Map<string, RegExp | undefined>();

function regexp(pattern: string): RegExp | undefined {
  if (!regexps.has(pattern)) {
    try {
      regexps.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      regexps.set(pattern, undefined);
    }
  }
  return regexps.get(pattern);
}

function typeOk(type: string, value: string | number | boolean): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  return typeof value === type;
}

/** `null` = valid, a string = the first error (ajv wording), `undefined` = no verdict (ask the validator). */
export function shallowCheck(schema: JsonObject, value: Json, resolve: Resolve, depth = 0): string | null | undefined {
  if (typeof value === 'object' && value !== null) return undefined;
  if (depth > 8 || DEFER.some((k) => k in schema)) return undefined;
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema);
    // In 3.0 a $ref's siblings are ignored; in 3.1 they apply, but we only decide the plain-$ref case.
    return target && Object.keys(schema).length === 1 ? shallowCheck(target, value, resolve, depth + 1) : undefined;
  }
  const own = ownCheck(schema, value);
  if (own !== null) return own;
  return composedCheck(schema, value, resolve, depth);
}

/** allOf/anyOf/oneOf over branches that can each be decided locally. */
function composedCheck(schema: JsonObject, value: Json, resolve: Resolve, depth: number): string | null | undefined {
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    const verdicts = list.map((b) =>
      b !== null && typeof b === 'object' && !Array.isArray(b) ? shallowCheck(b, value, resolve, depth + 1) : undefined,
    );
    if (verdicts.some((v) => v === undefined)) return undefined;
    const passed = verdicts.filter((v) => v === null).length;
    if (key === 'allOf' && passed < list.length) return verdicts.find((v) => typeof v === 'string');
    if (key === 'anyOf' && passed === 0) return 'must match a schema in anyOf';
    if (key === 'oneOf' && passed !== 1) return 'must match exactly one schema in oneOf';
  }
  return null;
}

function ownCheck(schema: JsonObject, value: string | number | boolean | null): string | null | undefined {
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
  if (value === null) {
    if (types.includes('null') || (schema.nullable === true && !Array.isArray(schema.enum))) return null;
    if (Array.isArray(schema.enum))
      return schema.enum.includes(null) && (types.length === 0 || schema.nullable === true) ? null : undefined;
    return types.length > 0 ? `must be ${types.join(',')}` : undefined;
  }
  if (types.length > 0 && !types.some((t) => typeof t === 'string' && typeOk(t, value)))
    return `must be ${types.join(',')}`;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return 'must be equal to one of the allowed values';
  if ('const' in schema && schema.const !== value) return 'must be equal to constant';
  if (typeof value === 'string') return stringCheck(schema, value);
  if (typeof value === 'number') return numberCheck(schema, value);
  return null;
}

function stringCheck(schema: JsonObject, value: string): string | null | undefined {
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength)
    return `must NOT have fewer than ${schema.minLength} characters`;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength)
    return `must NOT have more than ${schema.maxLength} characters`;
  if (typeof schema.pattern === 'string') {
    const re = regexp(schema.pattern);
    if (!re) return undefined;
    if (!re.test(value)) return `must match pattern "${schema.pattern}"`;
  }
  if (typeof schema.format !== 'string') return null;
  if (schema.format === 'byte') return undefined;
  const format = STRICT_FORMATS[schema.format] ?? (fullFormats as Record<string, unknown>)[schema.format];
  const test =
    format instanceof RegExp
      ? (s: string) => format.test(s)
      : typeof format === 'function'
        ? (format as (s: string) => boolean)
        : format &&
            typeof format === 'object' &&
            typeof (format as { validate?: unknown }).validate === 'function' &&
            (format as { type?: string }).type !== 'number'
          ? ((format as { validate: unknown }).validate as (s: string) => boolean)
          : undefined;
  if (test && typeof (format as { async?: boolean }).async !== 'boolean' && !test(value))
    return `must match format "${schema.format}"`;
  return null;
}

function numberCheck(schema: JsonObject, value: number): string | null | undefined {
  const { minimum, maximum, exclusiveMinimum: exMin, exclusiveMaximum: exMax, multipleOf } = schema;
  if (typeof minimum === 'number' && (exMin === true ? value <= minimum : value < minimum))
    return `must be ${exMin === true ? '>' : '>='} ${minimum}`;
  if (typeof maximum === 'number' && (exMax === true ? value >= maximum : value > maximum))
    return `must be ${exMax === true ? '<' : '<='} ${maximum}`;
  if (typeof exMin === 'number' && value <= exMin) return `must be > ${exMin}`;
  if (typeof exMax === 'number' && value >= exMax) return `must be < ${exMax}`;
  if (
    typeof multipleOf === 'number' &&
    multipleOf > 0 &&
    !Number.isInteger(Number((value / multipleOf).toPrecision(12)))
  )
    return `must be multiple of ${multipleOf}`;
  if (schema.format === 'int32' && (!Number.isInteger(value) || value < -(2 ** 31) || value > 2 ** 31 - 1))
    return 'must match format "int32"';
  if (schema.format === 'int64' && !Number.isInteger(value)) return 'must match format "int64"';
  return null;
}
