/**
 * Finds properties of a JSON value that its schema never mentions, though the schema allows them (no
 * `additionalProperties: false`). Conservative by construction: a name declared in any `allOf`/`anyOf`/`oneOf`
 * branch counts as documented, `patternProperties` and schema-valued or `true` `additionalProperties`
 * document every name, and schemas that declare no properties at all (free-form maps) are never judged.
 */
import type { Spec } from '../types.ts';
import { resolveObject } from './pointer.ts';
import { escapeSegment, parsePointer } from '../json/pointer.ts';
import { isObject } from '../json/is-object.ts';

interface Declared {
  props: Map<string, string>;
  patterns: RegExp[];
  /** Schemas of the values of undeclared names: `patternProperties` (with their pattern), `additionalProperties`. */
  values: Array<{ pattern?: RegExp; pointer: string }>;
  /** Extra names are documented (`additionalProperties: true`/schema) or already rejected (`false`). */
  settled: boolean;
}

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'];

function declared(spec: Spec, pointer: string, acc: Declared, seen: Set<string>): Declared {
  const node = resolveObject(spec, pointer);
  if (!node || seen.has(node.pointer)) return acc;
  seen.add(node.pointer);
  const s = node.value;
  if (isObject(s.properties)) {
    for (const name of Object.keys(s.properties))
      if (!acc.props.has(name)) acc.props.set(name, `${node.pointer}/properties/${escapeSegment(name)}`);
  }
  if (isObject(s.patternProperties)) {
    for (const p of Object.keys(s.patternProperties)) {
      try {
        acc.patterns.push(new RegExp(p, 'u'));
        acc.values.push({
          pattern: acc.patterns.at(-1)!,
          pointer: `${node.pointer}/patternProperties/${escapeSegment(p)}`,
        });
      } catch {
        acc.settled = true;
      }
    }
  }
  if (s.additionalProperties !== undefined || s.unevaluatedProperties !== undefined) acc.settled = true;
  if (isObject(s.additionalProperties)) acc.values.push({ pointer: `${node.pointer}/additionalProperties` });
  for (const c of COMBINATORS) {
    const list = s[c];
    if (Array.isArray(list)) list.forEach((_, i) => declared(spec, `${node.pointer}/${c}/${i}`, acc, seen));
  }
  return acc;
}

// What a schema declares is the same for every value judged against it: worked out once per (spec, pointer).
const memo = new WeakMap<Spec, Map<string, Declared>>();

function declaredAt(spec: Spec, pointer: string): Declared {
  let bySpec = memo.get(spec);
  if (!bySpec) memo.set(spec, (bySpec = new Map()));
  let d = bySpec.get(pointer);
  if (!d)
    bySpec.set(
      pointer,
      (d = declared(spec, pointer, { props: new Map(), patterns: [], values: [], settled: false }, new Set())),
    );
  return d;
}

function itemsPointer(spec: Spec, pointer: string): string | undefined {
  const node = resolveObject(spec, pointer);
  return node && isObject(node.value.items) ? `${node.pointer}/items` : undefined;
}

/** Instance paths (JSON pointers, indices kept) of undocumented properties, at most `limit`. */
export function undocumentedProperties(spec: Spec, schemaPointer: string, value: unknown, limit = 10): string[] {
  const out: string[] = [];
  const visit = (pointer: string, v: unknown, path: string, depth: number): void => {
    if (out.length >= limit || depth > 12) return;
    if (Array.isArray(v)) {
      const items = itemsPointer(spec, pointer);
      if (items) v.slice(0, 20).forEach((item, i) => visit(items, item, `${path}/${i}`, depth + 1));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const d = declaredAt(spec, pointer);
    for (const [key, child] of Object.entries(v)) {
      const at = d.props.get(key);
      if (at !== undefined) visit(at, child, `${path}/${escapeSegment(key)}`, depth + 1);
      else if (!d.settled && d.props.size > 0 && !d.patterns.some((r) => r.test(key)) && out.length < limit) {
        out.push(`${path}/${escapeSegment(key)}`);
      }
    }
  };
  visit(schemaPointer, value, '', 0);
  return out;
}

/**
 * `instancePath` with what varies from one response to the next replaced by `*`: array indices, and the keys of
 * a map (names the schema does not declare, whose values `additionalProperties`/`patternProperties` describe),
 * so one drift inside `environments/<any name>` is one cause, not one per generated name.
 */
export function stableInstancePath(spec: Spec, schemaPointer: string, instancePath: string): string {
  let pointer: string | undefined = schemaPointer;
  let out = '';
  for (const seg of parsePointer(instancePath)) {
    const items: string | undefined = pointer === undefined ? undefined : itemsPointer(spec, pointer);
    const d: Declared | undefined = pointer === undefined || items ? undefined : declaredAt(spec, pointer);
    const named: string | undefined = d?.props.get(seg);
    const value: Declared['values'][number] | undefined = d?.values.find((v) => !v.pattern || v.pattern.test(seg));
    const vary = /^\d+$/.test(seg) || (named === undefined && (items !== undefined || value !== undefined));
    out += `/${vary ? '*' : escapeSegment(seg)}`;
    pointer = items ?? named ?? value?.pointer;
  }
  return out;
}
