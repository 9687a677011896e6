/**
 * Schema-level mutations: for one (resolved) schema node, the values that break exactly one of its keywords.
 *
 * False positives are the field's #1 complaint, so a mutation must produce a value a server MUST reject:
 * - wrong types are chosen so no lenient coercion turns them back into a valid value (an object for a string,
 *   a non-numeric word for a number, never `"123"` for an integer);
 * - a node without constraints (`{}`) yields no mutation at all: there is nothing to violate;
 * - format violations are not generated (JSON Schema makes `format` an annotation by default);
 * - every candidate is re-validated by the caller against the real schema and dropped unless it fails.
 */
import type { Json, JsonObject } from '../types.ts';
import { isObject, num, type CompileContext } from './context.ts';
import { mergeAllOf } from './merge.ts';
import { numericBounds } from './number.ts';
import { patternRegExp } from './pattern.ts';
import { codePoints, PROBE_MAX, stringOfLength } from './string.ts';
import { typesOf } from './types.ts';

/** One way to break a node: the keyword broken, the bad value (from the valid one, if any), and a message. */
export interface NodeMutation {
  keyword: string;
  /** Tells apart two mutations of one keyword (`case`: an enum value in another letter case). */
  variant?: string;
  value: (current: unknown) => unknown;
  message: (bad: unknown) => string;
}

/** Follows `$ref`s and merges `allOf`, so the node's own keywords can be read. */
export function resolveNode(schema: Json | undefined, ctx: CompileContext): JsonObject | undefined {
  let node = schema;
  for (let i = 0; i < 16 && isObject(node) && typeof node.$ref === 'string'; i++) node = ctx.resolve(node.$ref);
  if (!isObject(node)) return undefined;
  return Array.isArray(node.allOf) ? mergeAllOf(node, ctx) : node;
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

/** A value of a type the node does not admit, that lenient parsers do not coerce back. */
function wrongType(types: string[]): unknown {
  const admits = (t: string): boolean => types.includes(t) || (t === 'integer' && types.includes('number'));
  if (!admits('object') && (types.includes('string') || types.includes('array'))) return { specgate: 1 };
  if (!admits('string'))
    return types.includes('boolean') ? 'not-a-boolean' : types.includes('object') ? 'not-an-object' : 'not-a-number';
  if (!admits('array') && !admits('object')) return [1];
  return undefined;
}

function numberMutations(node: JsonObject, integer: boolean): NodeMutation[] {
  const b = numericBounds(node);
  const out: NodeMutation[] = [];
  const step = integer ? 1 : Math.max(1, Math.abs(b.min ?? b.max ?? 1) * 1e-6);
  if (b.min !== undefined) {
    const bad = b.minExclusive ? b.min : integer ? Math.ceil(b.min) - 1 : b.min - step;
    const keyword = b.minExclusive ? 'exclusiveMinimum' : 'minimum';
    out.push({ keyword, value: () => bad, message: (v) => `${show(v)} violates ${keyword} ${b.min}` });
  }
  if (b.max !== undefined) {
    const bad = b.maxExclusive ? b.max : integer ? Math.floor(b.max) + 1 : b.max + step;
    const keyword = b.maxExclusive ? 'exclusiveMaximum' : 'maximum';
    out.push({ keyword, value: () => bad, message: (v) => `${show(v)} violates ${keyword} ${b.max}` });
  }
  const m = num(node, 'multipleOf');
  if (m !== undefined && m > 0) {
    out.push({
      keyword: 'multipleOf',
      value: (cur) => (typeof cur === 'number' ? cur : 0) + m / 2,
      message: (v) => `${show(v)} is not a multiple of ${m}`,
    });
  }
  return out;
}

function stringMutations(node: JsonObject): NodeMutation[] {
  const out: NodeMutation[] = [];
  const min = num(node, 'minLength');
  const max = num(node, 'maxLength');
  const base = (cur: unknown): string => (typeof cur === 'string' && cur.length > 0 ? cur : 'a');
  if (min !== undefined && min > 0 && min <= PROBE_MAX) {
    out.push({
      keyword: 'minLength',
      value: (cur) => stringOfLength(base(cur), min - 1),
      message: () => `string of ${min - 1} characters violates minLength ${min}`,
    });
  }
  if (max !== undefined && max < PROBE_MAX) {
    out.push({
      keyword: 'maxLength',
      value: (cur) => stringOfLength(base(cur), max + 1),
      message: () => `string of ${max + 1} characters violates maxLength ${max}`,
    });
  }
  const re = typeof node.pattern === 'string' ? patternRegExp(node.pattern) : undefined;
  if (re) {
    const fits = (s: string): boolean => codePoints(s) >= (min ?? 0) && codePoints(s) <= (max ?? Infinity);
    const pick = (cur: unknown): unknown => {
      const seeds = ['!', '~', '-', '0', 'a', 'Z', ' ', '_'];
      for (const n of [min ?? 1, 1, 2, 8])
        for (const s of seeds) if (n > 0 && fits(s.repeat(n)) && !re.test(s.repeat(n))) return s.repeat(n);
      const rev = [...base(cur)].reverse().join('');
      return !re.test(rev) && fits(rev) ? rev : undefined;
    };
    out.push({
      keyword: 'pattern',
      value: pick,
      message: (v) => `${show(v)} does not match pattern ${node.pattern as string}`,
    });
  }
  return out;
}

function arrayMutations(node: JsonObject): NodeMutation[] {
  const out: NodeMutation[] = [];
  const min = num(node, 'minItems');
  const max = num(node, 'maxItems');
  const items = (cur: unknown): unknown[] => (Array.isArray(cur) ? cur : []);
  if (min !== undefined && min > 0) {
    out.push({
      keyword: 'minItems',
      value: (cur) => (items(cur).length >= min ? items(cur).slice(0, min - 1) : undefined),
      message: (v) => `${(v as unknown[]).length} items violate minItems ${min}`,
    });
  }
  // Longer arrays repeat existing items, which would also break uniqueItems: not a single violation then.
  if (max !== undefined && max < 1000 && node.uniqueItems !== true) {
    out.push({
      keyword: 'maxItems',
      value: (cur) =>
        items(cur).length > 0
          ? Array.from({ length: max + 1 }, (_, i) => items(cur)[i % items(cur).length])
          : undefined,
      message: (v) => `${(v as unknown[]).length} items violate maxItems ${max}`,
    });
  }
  if (node.uniqueItems === true && (max === undefined || max >= 2)) {
    out.push({
      keyword: 'uniqueItems',
      value: (cur) =>
        items(cur).length > 0 && (max === undefined || items(cur).length < max)
          ? [...items(cur), items(cur)[0]]
          : undefined,
      message: () => 'an item repeats where uniqueItems is true',
    });
  }
  return out;
}

/** An enum outsider of the enum's own type (a string for string enums, a larger number for numeric ones). */
function outsider(values: Json[]): unknown {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length === values.length && numbers.length > 0) return Math.max(...numbers) + 1;
  const texts = new Set(values.map((v) => JSON.stringify(v)));
  for (const c of ['specgate-not-in-enum', 'SPECGATE_NOT_IN_ENUM', 'x']) if (!texts.has(JSON.stringify(c))) return c;
  return undefined;
}

/** A near miss: an enum string in another letter case ("Active" for "active"), when that is no enum value. */
function caseVariant(values: Json[]): string | undefined {
  const texts = new Set(values.filter((v): v is string => typeof v === 'string'));
  for (const v of texts) {
    const flips = [v.charAt(0).toUpperCase() + v.slice(1), v.toUpperCase(), v.toLowerCase()];
    const near = flips.find((f) => f !== v && !texts.has(f));
    if (near !== undefined) return near;
  }
  return undefined;
}

/** The value mutations of a node (its own keywords; children are walked by the caller). */
export function nodeMutations(node: JsonObject, ctx: CompileContext): NodeMutation[] {
  const out: NodeMutation[] = [];
  const values = node.enum;
  if (Array.isArray(values) && values.length > 0) {
    const bad = outsider(values);
    const listed = `${values.slice(0, 5).map(show).join(', ')}${values.length > 5 ? ', ...' : ''}`;
    if (bad !== undefined)
      out.push({ keyword: 'enum', value: () => bad, message: (v) => `${show(v)} is not one of ${listed}` });
    const near = caseVariant(values);
    if (near !== undefined)
      out.push({
        keyword: 'enum',
        variant: 'case',
        value: () => near,
        message: (v) => `${show(v)} is not one of ${listed} (letter case differs)`,
      });
  } else if ('const' in node) {
    const bad = outsider([node.const!]);
    if (bad !== undefined)
      out.push({ keyword: 'const', value: () => bad, message: (v) => `${show(v)} is not ${show(node.const)}` });
  }
  const typed = typeof node.type === 'string' || Array.isArray(node.type);
  const types = typesOf(node, ctx);
  if (typed) {
    const bad = wrongType(types);
    if (bad !== undefined)
      out.push({
        keyword: 'type',
        value: () => bad,
        message: (v) => `${show(v)} is not of type ${types.join(' or ')}`,
      });
  }
  if (types.includes('integer') || types.includes('number'))
    out.push(...numberMutations(node, !types.includes('number')));
  if (types.includes('string')) out.push(...stringMutations(node));
  if (types.includes('array')) out.push(...arrayMutations(node));
  return out;
}
