/** Small shared pieces of schema rules: the deltas of types, enums, bounds and properties between two views. */
import type { Json } from '../../types.ts';
import { compareBounds, sameJson } from '../schema-view.ts';
import type { Bound, BoundFamily, Detail, Direction, SchemaContext, SchemaView } from '../types.ts';

/** A detail at the schema pair `ctx` is looking at, prefixed with where it is in the operation. */
export function at(ctx: SchemaContext, message: string, base = ctx.base.pointer, head = ctx.head.pointer): Detail {
  return { message: `${ctx.location}: ${message}`, base, head };
}

/** Runs `fn` only for schemas read by `direction`. */
export function only(direction: Direction, fn: (ctx: SchemaContext) => Detail[]): (ctx: SchemaContext) => Detail[] {
  return (ctx) => (ctx.direction === direction ? fn(ctx) : []);
}

function accepts(types: Set<string> | undefined, type: string): boolean {
  if (!types || type === 'any') return !types;
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/**
 * Types the head no longer accepts (`lost`) and types it newly accepts (`gained`); `any` stands for an absent
 * `type`. Undefined when a union is compared branch by branch instead.
 */
export function typeDelta(ctx: SchemaContext): { lost: string[]; gained: string[] } | undefined {
  const { base, head } = ctx;
  if ((!base.types && base.variants) || (!head.types && head.variants)) return undefined;
  const lost = base.types ? [...base.types].filter((t) => !accepts(head.types, t)) : head.types ? ['any'] : [];
  const gained = head.types ? [...head.types].filter((t) => !accepts(base.types, t)) : base.types ? ['any'] : [];
  return { lost, gained };
}

/** `string | null`, or `any type`. */
export function formatTypes(view: SchemaView): string {
  return view.types ? [...view.types].join(' | ') || 'nothing' : 'any type';
}

/** Values only the base allows (`removed`) and only the head allows (`added`); `null` is left to `types`. */
export function enumDelta(ctx: SchemaContext): { removed: string[]; added: string[] } {
  const clean = (values: Json[] | undefined) => values?.filter((v) => v !== null);
  const b = clean(ctx.base.enum);
  const h = clean(ctx.head.enum);
  const minus = (xs: Json[], ys: Json[]) =>
    xs.filter((x) => !ys.some((y) => sameJson(x, y))).map((x) => JSON.stringify(x));
  if (b && h) return { removed: minus(b, h), added: minus(h, b) };
  if (b) return { removed: [], added: ['(any value: enum removed)'] };
  if (h) return { removed: [`(any value but ${h.map((v) => JSON.stringify(v)).join(', ')}: enum added)`], added: [] };
  return { removed: [], added: [] };
}

const KEYWORDS: Record<BoundFamily, [string, string]> = {
  value: ['minimum', 'maximum'],
  length: ['minLength', 'maxLength'],
  items: ['minItems', 'maxItems'],
  properties: ['minProperties', 'maxProperties'],
};

/** Bounds of one side that got tighter (`tighter`) or looser in the head, as messages. */
export function boundChanges(ctx: SchemaContext, side: 'min' | 'max', want: 'tighter' | 'looser'): Detail[] {
  const out: Detail[] = [];
  for (const family of Object.keys(KEYWORDS) as BoundFamily[]) {
    const b = ctx.base.bounds[family][side];
    const h = ctx.head.bounds[family][side];
    const tighter = h !== undefined && (b === undefined || compareBounds(h, b, side) > 0);
    const looser = b !== undefined && (h === undefined || compareBounds(b, h, side) > 0);
    if (want === 'tighter' ? tighter : looser) {
      const keyword = KEYWORDS[family][side === 'min' ? 0 : 1];
      out.push(at(ctx, `${keyword} changed from ${formatBound(b, side)} to ${formatBound(h, side)}`));
    }
  }
  return out;
}

function formatBound(bound: Bound | undefined, side: 'min' | 'max'): string {
  if (!bound) return 'none';
  return bound.exclusive ? `${side === 'min' ? '>' : '<'} ${bound.value}` : String(bound.value);
}

/** One property of a schema pair, with its views. */
export interface PropertyDelta {
  name: string;
  base?: SchemaView;
  head?: SchemaView;
  requiredInBase: boolean;
  requiredInHead: boolean;
}

/** Every property either side declares, with requiredness on each side. */
export function properties(ctx: SchemaContext): PropertyDelta[] {
  const names = new Set([...ctx.base.properties.keys(), ...ctx.head.properties.keys()]);
  return [...names].map((name) => {
    const b = ctx.base.properties.get(name);
    const h = ctx.head.properties.get(name);
    return {
      name,
      base: b && ctx.view('base', b),
      head: h && ctx.view('head', h),
      requiredInBase: ctx.base.required.has(name),
      requiredInHead: ctx.head.required.has(name),
    };
  });
}

/** Whether a property takes part in the given direction (readOnly ones are not sent, writeOnly ones not returned). */
export function inDirection(view: SchemaView | undefined, direction: Direction): boolean {
  return !!view && !(direction === 'request' ? view.readOnly : view.writeOnly);
}

/** A detail about one property of the schema pair, located at the property. */
export function atProperty(ctx: SchemaContext, name: string, message: string, base: string, head: string): Detail {
  return { message: `${ctx.location}.${name}: ${message}`, base, head };
}
