/**
 * Reduces a Schema Object to the facts compatibility depends on, following `$ref`s (with sibling keywords),
 * merging `allOf`, and folding nullable unions (`anyOf: [X, {type: 'null'}]`, 3.0 `nullable`) into `types`,
 * so that equivalent spellings of one schema compare equal (oasdiff's `$ref`-refactor false positive).
 */
import type { Json, JsonObject, Spec } from '../types.ts';
import { joinPointer, parsePointer } from '../json/pointer.ts';
import type { Bound, BoundFamily, SchemaRef, SchemaView } from './types.ts';
import { isObject } from '../json/is-object.ts';

/** Keywords that never change what a schema accepts; a `$ref` with only these beside it is a plain `$ref`. */
const ANNOTATIONS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  '$comment',
  'externalDocs',
  'xml',
]);

const BOUND_KEYWORDS: Array<[BoundFamily, 'min' | 'max', string]> = [
  ['length', 'min', 'minLength'],
  ['length', 'max', 'maxLength'],
  ['items', 'min', 'minItems'],
  ['items', 'max', 'maxItems'],
  ['properties', 'min', 'minProperties'],
  ['properties', 'max', 'maxProperties'],
];

const cache = new WeakMap<Spec, Map<string, SchemaView>>();

/** The view of the schema at `ref` in `spec`; cached per pointer (nodes are those of `spec.document`). */
export function viewSchema(spec: Spec, ref: SchemaRef): SchemaView {
  let byPointer = cache.get(spec);
  if (!byPointer) cache.set(spec, (byPointer = new Map()));
  const hit = byPointer.get(ref.pointer);
  if (hit) return hit;
  const view = emptyView(ref);
  const state = { nullable: false, resolved: false };
  mergeInto(spec, view, ref.node, ref.pointer, new Set(), state);
  finish(spec, view, state);
  byPointer.set(ref.pointer, view);
  return view;
}

function emptyView(source: SchemaRef): SchemaView {
  return {
    pointer: source.pointer,
    source,
    bounds: { value: {}, length: {}, items: {}, properties: {} },
    hasDefault: false,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    properties: new Map(),
    required: new Set(),
  };
}

interface MergeState {
  nullable: boolean;
  /** False until the first concrete schema is met: its pointer becomes the view's pointer (where it is defined). */
  resolved: boolean;
}

function mergeInto(
  spec: Spec,
  view: SchemaView,
  node: Json | undefined,
  pointer: string,
  seen: Set<string>,
  state: MergeState,
): void {
  if (node === false) view.types = new Set();
  if (!isObject(node)) return;
  if (typeof node.$ref === 'string') {
    const target = spec.deref(node, pointer);
    if (seen.has(target.pointer)) return; // a cycle through allOf/$ref: what was merged so far is the answer
    seen.add(target.pointer);
    view.name ??= componentName(target.pointer);
    mergeInto(spec, view, target.value, target.pointer, seen, state);
    const siblings = Object.keys(node).filter((k) => k !== '$ref' && !ANNOTATIONS.has(k));
    if (siblings.length > 0)
      applyKeywords(view, Object.fromEntries(siblings.map((k) => [k, node[k] as Json])), pointer, state);
    return;
  }
  if (!state.resolved) {
    state.resolved = true;
    view.pointer = pointer;
  }
  applyKeywords(view, node, pointer, state);
  const allOf = node.allOf;
  if (Array.isArray(allOf))
    allOf.forEach((part, i) => mergeInto(spec, view, part, joinPointer(pointer, 'allOf', i), seen, state));
}

/** Adds one schema's keywords to the view with `allOf` semantics: every constraint applies, the tightest wins. */
function applyKeywords(view: SchemaView, node: JsonObject, pointer: string, state: MergeState): void {
  const types = typeSet(node.type);
  if (types)
    view.types = view.types
      ? new Set([...view.types].filter((t) => types.has(t) || (t === 'integer' && types.has('number'))))
      : types;
  if (node.nullable === true) state.nullable = true;
  const allowed = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const as Json] : undefined;
  if (allowed) view.enum = view.enum ? view.enum.filter((v) => allowed.some((a) => sameJson(a, v))) : allowed;
  applyNumericBounds(view, node);
  for (const [family, side, keyword] of BOUND_KEYWORDS) {
    const value = node[keyword];
    if (typeof value === 'number') tighten(view, family, side, { value, exclusive: false });
  }
  if (typeof node.pattern === 'string') view.pattern ??= node.pattern;
  if (typeof node.format === 'string') view.format ??= node.format;
  if ('default' in node && !view.hasDefault) {
    view.hasDefault = true;
    view.default = node.default as Json;
  }
  view.readOnly ||= node.readOnly === true;
  view.writeOnly ||= node.writeOnly === true;
  view.deprecated ||= node.deprecated === true;
  if (typeof node.title === 'string') view.name ??= node.title;
  if (isObject(node.properties)) {
    for (const [name, prop] of Object.entries(node.properties)) {
      if (!view.properties.has(name))
        view.properties.set(name, { node: prop, pointer: joinPointer(pointer, 'properties', name) });
    }
  }
  if (Array.isArray(node.required))
    for (const name of node.required) if (typeof name === 'string') view.required.add(name);
  if (node.additionalProperties === false) view.additionalProperties = false;
  else if (isObject(node.additionalProperties) && view.additionalProperties === undefined) {
    view.additionalProperties = {
      node: node.additionalProperties,
      pointer: joinPointer(pointer, 'additionalProperties'),
    };
  }
  if (isObject(node.items) && !view.items) view.items = { node: node.items, pointer: joinPointer(pointer, 'items') };
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    view.variants = [
      ...(view.variants ?? []),
      ...branches.map((b, i) => ({ node: b, pointer: joinPointer(pointer, keyword, i) })),
    ];
  }
}

/** 3.0 writes `exclusiveMinimum: true` beside `minimum`; 3.1 writes the bound itself in `exclusiveMinimum`. */
function applyNumericBounds(view: SchemaView, node: JsonObject): void {
  for (const [side, plain, exclusive] of [
    ['min', 'minimum', 'exclusiveMinimum'],
    ['max', 'maximum', 'exclusiveMaximum'],
  ] as const) {
    const bound = node[plain];
    const ex = node[exclusive];
    if (typeof bound === 'number') tighten(view, 'value', side, { value: bound, exclusive: ex === true });
    if (typeof ex === 'number') tighten(view, 'value', side, { value: ex, exclusive: true });
  }
}

function tighten(view: SchemaView, family: BoundFamily, side: 'min' | 'max', bound: Bound): void {
  const current = view.bounds[family][side];
  if (!current || compareBounds(bound, current, side) > 0) view.bounds[family][side] = bound;
}

/** Positive when `a` is tighter than `b` (accepts fewer values) on that side. */
export function compareBounds(a: Bound, b: Bound, side: 'min' | 'max'): number {
  const sign = side === 'min' ? 1 : -1;
  if (a.value !== b.value) return sign * (a.value - b.value);
  return Number(a.exclusive) - Number(b.exclusive);
}

/** Folds null-only branches into `types`, lifts a single remaining branch, and infers an obvious `type`. */
function finish(spec: Spec, view: SchemaView, state: MergeState): void {
  if (view.variants) {
    const rest = view.variants.filter((b) => !isNullOnly(spec.deref(b.node, b.pointer).value));
    if (rest.length < view.variants.length) state.nullable = true;
    view.variants = rest.length > 0 ? rest : undefined;
    if (rest.length === 0 && state.nullable) view.types = new Set(['null']);
    if (rest.length === 1) {
      const only = rest[0]!;
      view.variants = undefined;
      mergeInto(spec, view, only.node, only.pointer, new Set(), { nullable: false, resolved: true });
      if (view.variants) finish(spec, view, state);
    }
  }
  if (!view.types && !view.variants) {
    if (view.properties.size > 0 || view.additionalProperties !== undefined) view.types = new Set(['object']);
    else if (view.items) view.types = new Set(['array']);
  }
  if (state.nullable && view.types) view.types.add('null');
}

function isNullOnly(node: Json | undefined): boolean {
  if (!isObject(node)) return false;
  const types = typeSet(node.type);
  if (types) return types.size === 1 && types.has('null');
  if ('const' in node) return node.const === null;
  return Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null;
}

function typeSet(type: Json | undefined): Set<string> | undefined {
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === 'string'));
  return undefined;
}

/** `#/components/schemas/Pet` → `Pet`; inline schemas have no component name. */
function componentName(pointer: string): string | undefined {
  const segments = parsePointer(pointer);
  return segments.length === 3 && segments[0] === 'components' ? segments[2] : undefined;
}

/** Order-insensitive JSON equality for objects (key order never matters), order-sensitive for arrays. */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return stableJson(a) === stableJson(b);
}

/** JSON text with object keys sorted, so equal values have equal text. */
export function stableJson(value: Json | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
    .join(',')}}`;
}
