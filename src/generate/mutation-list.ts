/**
 * The list of single-violation mutations of an operation's request: missing required parameters and
 * properties, out-of-range and wrong-type values, too long/short strings, pattern and enum outsiders,
 * unexpected properties where `additionalProperties: false`, a missing required body, a body that is not JSON
 * (or not well-formed XML).
 * Built once per operation; each mutation knows how to apply itself to a valid request value and how to
 * check that the result really is invalid (see negative.ts for the rules).
 */
import type { Case, Json } from '../types.ts';
import { isObject } from './context.ts';
import { nodeMutations, resolveNode, type NodeMutation } from './mutations.ts';
import { at, readings, replaceAt, routesElsewhere } from './negative.ts';
import { isHidden, visibleProperties } from './object.ts';
import type { MediaModel, ParameterModel } from './operation-model.ts';
import { primitiveText } from './serialize.ts';
import { fitsCharset } from './string.ts';
import { paramKey, type Draft, type OperationGen, type RequestValue } from './request.ts';
import { typesOf } from './types.ts';

/** One single-violation mutation of a request. */
export interface Mutation {
  id: string;
  location: string;
  keyword: string;
  apply(base: RequestValue): { draft: Draft; message: string } | undefined;
  /** True when the rendered case really violates the schema as recorded. */
  verify?(draft: Draft, c: Case): boolean;
}

const MAX_DEPTH = 3;
const PRIMITIVE = new Set(['string', 'integer', 'number', 'boolean']);
const cache = new WeakMap<OperationGen, Mutation[]>();

const locationOf = (path: Array<string | number>): string =>
  `body${path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;

function parameterMutations(og: OperationGen, p: ParameterModel): Mutation[] {
  const key = paramKey(p);
  const location = `${p.in}.${p.name}`;
  const out: Mutation[] = [];
  const label = p.in === 'header' ? 'header' : `${p.in} parameter`;
  if (p.required && p.in !== 'path') {
    out.push({
      id: `${location}#required`,
      location,
      keyword: 'required',
      apply: (base) => ({
        draft: { value: base, raw: { [key]: null } },
        message: `missing required ${label} ${p.name}`,
      }),
    });
  }
  const node = p.contentType ? undefined : resolveNode(p.schema, og.gen.context('any'));
  if (!node) return out;
  const types = typesOf(node, og.gen.context('any'));
  if (!types.every((t) => PRIMITIVE.has(t))) return out;
  for (const nm of nodeMutations(node, og.gen.context('any'))) {
    const probe = nm.value(undefined);
    if (probe !== null && typeof probe === 'object') continue; // an object cannot travel as a parameter's text
    if (p.in === 'path' && typeof probe === 'string' && !fitsCharset(probe, 'path')) continue; // "" or "." would change the route
    out.push({
      id: `${location}#${nm.keyword}`,
      location,
      keyword: nm.keyword,
      apply(base) {
        const bad = nm.value(base.params[key]);
        if (bad === undefined || (bad !== null && typeof bad === 'object')) return undefined;
        const text = primitiveText(bad);
        return { draft: { value: base, raw: { [key]: text } }, message: nm.message(bad) };
      },
      verify(draft, c) {
        const text = draft.raw![key]!;
        // `?tag=` on an optional parameter is read as "not given" by many servers: not a violation they must reject.
        if (text === '' && !p.required) return false;
        if (p.in === 'header' && !fitsCharset(text, 'header')) return false;
        if (p.in === 'path' && (!fitsCharset(text, 'path') || routesElsewhere(og, c.path))) return false;
        // Every reading a server may make of the text must be invalid, or this is no violation.
        return readings(text).every((r) => og.gen.validator.validateSchema(p.schema, r, 'request').length > 0);
      },
    });
  }
  return out;
}

function bodyFails(og: OperationGen, media: MediaModel, draft: Draft, keyword: string): boolean {
  const errors = og.gen.validator.validateSchema(media.schema, draft.value.body?.value, 'request');
  const keywords = keyword === 'additionalProperties' ? ['additionalProperties', 'unevaluatedProperties'] : [keyword];
  return errors.some((e) => keywords.includes(e.keyword));
}

/** Body mutations of one media type: schema walk (JSON: nested; form and multipart: top-level fields only). */
function bodyMutations(og: OperationGen, media: MediaModel, index: number): Mutation[] {
  const ctx = og.gen.context('any');
  const out: Mutation[] = [];
  // Form and multipart bodies are objects of text fields; text and binary bodies are text themselves. Either way
  // the server reads text, so only primitive bad values count, checked against every reading of that text.
  const fields = media.kind === 'form' || media.kind === 'multipart';
  const textual = fields || media.kind === 'text' || media.kind === 'binary';
  const withBody = (
    base: RequestValue,
    path: Array<string | number>,
    next: unknown,
    remove = false,
  ): Draft | undefined => {
    if (base.body?.media !== index) return undefined;
    return { value: { ...base, body: { media: index, value: replaceAt(base.body.value, path, next, remove) } } };
  };
  const valueMutation = (path: Array<string | number>, nm: NodeMutation): Mutation => ({
    id: `${index}:${locationOf(path)}#${nm.keyword}`,
    location: locationOf(path),
    keyword: nm.keyword,
    apply(base) {
      const cur = base.body?.media === index ? at(base.body.value, path) : undefined;
      if (cur === undefined) return undefined; // the spot is absent in this base (optional property)
      const bad = nm.value(cur);
      if (bad === undefined || (textual && (bad === null || typeof bad === 'object'))) return undefined;
      if (fields && bad === '') return undefined; // an empty form field may be read as "not given"
      const draft = withBody(base, path, bad);
      return draft && { draft, message: nm.message(bad) };
    },
    verify: (draft) =>
      bodyFails(og, media, draft, nm.keyword) &&
      (!textual ||
        readings(primitiveText(at(draft.value.body!.value, path))).every(
          (r) =>
            og.gen.validator.validateSchema(media.schema, replaceAt(draft.value.body!.value, path, r), 'request')
              .length > 0,
        )),
  });
  const walk = (schema: Json | undefined, path: Array<string | number>, depth: number): void => {
    const node = resolveNode(schema, ctx);
    if (!node) return;
    if (!(fields && depth === 0)) for (const nm of nodeMutations(node, ctx)) out.push(valueMutation(path, nm));
    if (Array.isArray(node.oneOf) || Array.isArray(node.anyOf) || depth >= MAX_DEPTH || (textual && depth > 0)) return;
    const types = typesOf(node, ctx);
    if (types.includes('object')) {
      const props = isObject(node.properties) ? node.properties : {};
      const required = Array.isArray(node.required)
        ? node.required.filter((k): k is string => typeof k === 'string' && !(k in props && isHidden(props[k], ctx)))
        : [];
      for (const k of required) {
        out.push({
          id: `${index}:${locationOf([...path, k])}#required`,
          location: locationOf([...path, k]),
          keyword: 'required',
          apply: (base) => {
            const d =
              at(base.body?.value, path) !== undefined ? withBody(base, [...path, k], undefined, true) : undefined;
            return d && { draft: d, message: `missing required property ${k}` };
          },
          verify: (draft) => bodyFails(og, media, draft, 'required'),
        });
      }
      if (node.additionalProperties === false || node.unevaluatedProperties === false) {
        const extra = 'specgate_unexpected';
        out.push({
          id: `${index}:${locationOf(path)}#additionalProperties`,
          location: locationOf([...path, extra]),
          keyword: 'additionalProperties',
          apply: (base) => {
            const d = isObject(at(base.body?.value, path)) ? withBody(base, [...path, extra], 'x') : undefined;
            return d && { draft: d, message: `unexpected property ${extra} where additionalProperties is false` };
          },
          verify: (draft) => bodyFails(og, media, draft, 'additionalProperties'),
        });
      }
      for (const [k, s] of visibleProperties(node, ctx)) walk(s, [...path, k], depth + 1);
    }
    if (types.includes('array') && node.items !== undefined && typeof node.items !== 'boolean')
      walk(node.items, [...path, 0], depth + 1);
  };
  walk(media.schema, [], 0);
  // A body its parser must refuse: cut JSON, or XML whose elements are not closed.
  const malformed =
    media.kind === 'json'
      ? { text: '{"specgate": ', message: 'body is not JSON' }
      : media.kind === 'xml'
        ? { text: '<?xml version="1.0" encoding="UTF-8"?><specgate><unclosed>', message: 'body is not well-formed XML' }
        : undefined;
  if (malformed) {
    out.push({
      id: `${index}:body#malformed`,
      location: 'body',
      keyword: 'type',
      apply: (base) =>
        base.body?.media === index
          ? { draft: { value: base, bodyText: malformed.text }, message: malformed.message }
          : undefined,
    });
  }
  return out;
}

/** Every mutation of an operation's request, ranked by importance, then depth, then declaration order (cached). */
export function mutationsOf(og: OperationGen): Mutation[] {
  const hit = cache.get(og);
  if (hit) return hit;
  const list: Mutation[] = og.model.parameters.flatMap((p) => parameterMutations(og, p));
  const body = og.model.body;
  if (body?.required && body.media.length > 0) {
    list.push({
      id: 'body#required',
      location: 'body',
      keyword: 'required',
      apply: (base) =>
        base.body ? { draft: { value: { params: base.params } }, message: 'missing required request body' } : undefined,
    });
  }
  body?.media.forEach((m, i) => list.push(...bodyMutations(og, m, i)));
  const seen = new Set<string>();
  const unique = list.filter((m) => !seen.has(m.id) && Boolean(seen.add(m.id)));
  const ranked = unique
    .map((m, i) => ({ m, i, rank: rankOf(m) }))
    .sort((a, b) => a.rank - b.rank || depthOf(a.m) - depthOf(b.m) || a.i - b.i)
    .map((x) => x.m);
  cache.set(og, ranked);
  return ranked;
}

/**
 * Importance of a violation, most important first: a missing required field is the violation every server
 * must catch, then wrong types, out-of-range values and lengths, enum outsiders, unexpected properties,
 * patterns. A small budget of negative cases then always covers the first kinds, whatever the seed.
 */
const RANKS: Record<string, number> = {
  required: 0,
  type: 1,
  minimum: 2,
  maximum: 2,
  exclusiveMinimum: 2,
  exclusiveMaximum: 2,
  multipleOf: 2,
  minLength: 2,
  maxLength: 2,
  minItems: 2,
  maxItems: 2,
  uniqueItems: 2,
  enum: 3,
  const: 3,
  additionalProperties: 4,
  pattern: 5,
};

const rankOf = (m: Mutation): number => RANKS[m.keyword] ?? 6;

/** Nesting of the mutated spot in the body (parameters and the body itself are 0): shallow spots come first. */
const depthOf = (m: Mutation): number => (m.location.startsWith('body') ? (m.location.match(/[.[]/g) ?? []).length : 0);
