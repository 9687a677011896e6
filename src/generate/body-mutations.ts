/**
 * Body mutations of one media type, from a walk of its schema (JSON: nested; form and multipart: top-level
 * fields only): value mutations of every node, missing required properties, an unexpected property where
 * `additionalProperties: false`, and a body its parser must refuse.
 */
import type { Json, JsonObject } from '../types.ts';
import { isObject, type CompileContext } from './context.ts';
import type { Mutation } from './mutation.ts';
import { nodeMutations, resolveNode, type NodeMutation } from './mutations.ts';
import { isHidden, visibleProperties } from './object.ts';
import type { MediaModel } from './operation-model.ts';
import type { Draft, OperationGen, RequestValue } from './request.ts';
import { primitiveText } from './serialize.ts';
import { typesOf } from './types.ts';
import { at, replaceAt } from './value-path.ts';
import { readings } from './wire-readings.ts';

const MAX_DEPTH = 3;

type Path = Array<string | number>;

/** Where a body location is written: `body`, `body.a[0].b`. */
export const locationOf = (path: Path): string =>
  `body${path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;

/** One media type's walk: what every mutation of it shares. */
interface BodyWalk {
  og: OperationGen;
  media: MediaModel;
  index: number;
  ctx: CompileContext;
  /** Form and multipart bodies: objects of text fields. */
  fields: boolean;
  /** The server reads text (form, multipart, text, binary): only primitive bad values count. */
  textual: boolean;
  out: Mutation[];
}

function bodyFails(w: BodyWalk, draft: Draft, keyword: string): boolean {
  const errors = w.og.gen.validator.validateSchema(w.media.schema, draft.value.body?.value, 'request');
  const keywords = keyword === 'additionalProperties' ? ['additionalProperties', 'unevaluatedProperties'] : [keyword];
  return errors.some((e) => keywords.includes(e.keyword));
}

/** `base` with the body value at `path` replaced (or removed); undefined when the base has another media type. */
function withBody(w: BodyWalk, base: RequestValue, path: Path, next: unknown, remove = false): Draft | undefined {
  if (base.body?.media !== w.index) return undefined;
  return { value: { ...base, body: { media: w.index, value: replaceAt(base.body.value, path, next, remove) } } };
}

/** Every reading of the text at `path` still fails the schema (text bodies and fields travel untyped). */
function failsAsText(w: BodyWalk, draft: Draft, path: Path): boolean {
  const body = draft.value.body!.value;
  return readings(primitiveText(at(body, path))).every(
    (r) => w.og.gen.validator.validateSchema(w.media.schema, replaceAt(body, path, r), 'request').length > 0,
  );
}

function valueMutation(w: BodyWalk, path: Path, nm: NodeMutation): Mutation {
  return {
    id: `${w.index}:${locationOf(path)}#${nm.keyword}`,
    location: locationOf(path),
    keyword: nm.keyword,
    apply(base) {
      const cur = base.body?.media === w.index ? at(base.body.value, path) : undefined;
      if (cur === undefined) return undefined; // the spot is absent in this base (optional property)
      const bad = nm.value(cur);
      if (bad === undefined || (w.textual && (bad === null || typeof bad === 'object'))) return undefined;
      if (w.fields && bad === '') return undefined; // an empty form field may be read as "not given"
      const draft = withBody(w, base, path, bad);
      return draft && { draft, message: nm.message(bad) };
    },
    verify: (draft) => bodyFails(w, draft, nm.keyword) && (!w.textual || failsAsText(w, draft, path)),
  };
}

function requiredMutations(w: BodyWalk, node: JsonObject, path: Path): void {
  const props = isObject(node.properties) ? node.properties : {};
  const required = Array.isArray(node.required)
    ? node.required.filter((k): k is string => typeof k === 'string' && !(k in props && isHidden(props[k], w.ctx)))
    : [];
  for (const k of required) {
    w.out.push({
      id: `${w.index}:${locationOf([...path, k])}#required`,
      location: locationOf([...path, k]),
      keyword: 'required',
      apply: (base) => {
        const d =
          at(base.body?.value, path) !== undefined ? withBody(w, base, [...path, k], undefined, true) : undefined;
        return d && { draft: d, message: `missing required property ${k}` };
      },
      verify: (draft) => bodyFails(w, draft, 'required'),
    });
  }
}

function extraPropertyMutation(w: BodyWalk, path: Path): void {
  const extra = 'specgate_unexpected';
  w.out.push({
    id: `${w.index}:${locationOf(path)}#additionalProperties`,
    location: locationOf([...path, extra]),
    keyword: 'additionalProperties',
    apply: (base) => {
      const d = isObject(at(base.body?.value, path)) ? withBody(w, base, [...path, extra], 'x') : undefined;
      return d && { draft: d, message: `unexpected property ${extra} where additionalProperties is false` };
    },
    verify: (draft) => bodyFails(w, draft, 'additionalProperties'),
  });
}

function walk(w: BodyWalk, schema: Json | undefined, path: Path, depth: number): void {
  const node = resolveNode(schema, w.ctx);
  if (!node) return;
  if (!(w.fields && depth === 0)) for (const nm of nodeMutations(node, w.ctx)) w.out.push(valueMutation(w, path, nm));
  if (Array.isArray(node.oneOf) || Array.isArray(node.anyOf) || depth >= MAX_DEPTH || (w.textual && depth > 0)) return;
  const types = typesOf(node, w.ctx);
  if (types.includes('object')) {
    requiredMutations(w, node, path);
    if (node.additionalProperties === false || node.unevaluatedProperties === false) extraPropertyMutation(w, path);
    for (const [k, s] of visibleProperties(node, w.ctx)) walk(w, s, [...path, k], depth + 1);
  }
  if (types.includes('array') && node.items !== undefined && typeof node.items !== 'boolean')
    walk(w, node.items, [...path, 0], depth + 1);
}

/** A body its parser must refuse: cut JSON, or XML whose elements are not closed. */
function malformedMutation(w: BodyWalk): void {
  const malformed =
    w.media.kind === 'json'
      ? { text: '{"specgate": ', message: 'body is not JSON' }
      : w.media.kind === 'xml'
        ? { text: '<?xml version="1.0" encoding="UTF-8"?><specgate><unclosed>', message: 'body is not well-formed XML' }
        : undefined;
  if (!malformed) return;
  w.out.push({
    id: `${w.index}:body#malformed`,
    location: 'body',
    keyword: 'type',
    apply: (base) =>
      base.body?.media === w.index
        ? { draft: { value: base, bodyText: malformed.text }, message: malformed.message }
        : undefined,
  });
}

/** Body mutations of one media type (see the file comment). */
export function bodyMutations(og: OperationGen, media: MediaModel, index: number): Mutation[] {
  const fields = media.kind === 'form' || media.kind === 'multipart';
  const textual = fields || media.kind === 'text' || media.kind === 'binary';
  const w: BodyWalk = { og, media, index, ctx: og.gen.context('any'), fields, textual, out: [] };
  walk(w, media.schema, [], 0);
  malformedMutation(w);
  return w.out;
}
