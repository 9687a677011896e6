/** Builds the OperationContext of a matched operation: parameters, request bodies and responses, paired. */
import type { Json, JsonObject, Operation, Parameter, Spec } from '../types.ts';
import { joinPointer } from '../json/pointer.ts';
import { pairBy } from './match.ts';
import type { OperationContext, OperationPair, Paired, SchemaRef } from './types.ts';

/** Pairs every part of one operation between the two documents. */
export function operationContext(base: Spec, head: Spec, pair: OperationPair): OperationContext {
  const b = pair.base;
  const h = pair.head;
  const bodyB = resolve(base, b.object.requestBody, joinPointer(b.pointer, 'requestBody'));
  const bodyH = resolve(head, h.object.requestBody, joinPointer(h.pointer, 'requestBody'));
  const responsesB = resolve(base, b.object.responses, joinPointer(b.pointer, 'responses'));
  const responsesH = resolve(head, h.object.responses, joinPointer(h.pointer, 'responses'));
  const responses = pairBy(
    entries(responsesB),
    entries(responsesH),
    { base: responsesB.pointer, head: responsesH.pointer },
    (k) => k.toUpperCase(),
  );
  const resolved =
    (side: Spec) =>
    (r: SchemaRef): SchemaRef => {
      const t = resolve(side, r.node, r.pointer);
      return { node: t.node ?? null, pointer: t.pointer };
    };
  return {
    key: pair.key,
    base,
    head,
    pair,
    requestReader: h.webhook ? 'response' : 'request',
    parameters: pairParameters(b, h),
    requestBody: {
      base: bodyB.node === undefined ? undefined : { node: bodyB.node, pointer: bodyB.pointer },
      head: bodyH.node === undefined ? undefined : { node: bodyH.node, pointer: bodyH.pointer },
      baseRequired: field(bodyB.node, 'required') === true,
      headRequired: field(bodyH.node, 'required') === true,
    },
    requestMedia: mediaOf(base, head, bodyB, bodyH),
    responses,
    responseMedia: responses.matched.map((m) => ({
      status: m.key,
      ...mediaOf(base, head, resolved(base)(m.base), resolved(head)(m.head)),
    })),
    responseHeaders: responses.matched.map((m) => {
      const hb = resolved(base)(m.base);
      const hh = resolved(head)(m.head);
      const headers = (spec: Spec, r: SchemaRef) =>
        entries(resolve(spec, field(r.node, 'headers'), joinPointer(r.pointer, 'headers')));
      return {
        status: m.key,
        ...pairBy(headers(base, hb), headers(head, hh), { base: hb.pointer, head: hh.pointer }, (k) => k.toLowerCase()),
      };
    }),
  };
}

/** Path parameters are keyed by position (names are free to change); the others by location and name. */
function parameterKey(op: Operation, p: Parameter): string {
  if (p.in === 'path') {
    const names = [...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
    const index = names.indexOf(p.name);
    return `path#${index < 0 ? p.name : index}`;
  }
  return `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

function pairParameters(b: Operation, h: Operation): Paired<Parameter> {
  const paired = pairBy(
    b.parameters.map((p) => [parameterKey(b, p), p] as [string, Parameter]),
    h.parameters.map((p) => [parameterKey(h, p), p] as [string, Parameter]),
    { base: joinPointer(b.pointer, 'parameters'), head: joinPointer(h.pointer, 'parameters') },
  );
  const toItem = <T extends { item: Parameter }>(x: T) => ({ ...x, key: x.item });
  return {
    ...paired,
    removed: paired.removed.map(toItem),
    added: paired.added.map(toItem),
    matched: paired.matched.map((m) => ({ ...m, key: m.head })),
  };
}

/** The schema of a parameter: `schema`, or the schema of its single `content` entry. */
export function parameterSchema(p: Parameter): SchemaRef | undefined {
  if (p.object.schema !== undefined) return { node: p.object.schema, pointer: joinPointer(p.pointer, 'schema') };
  const content = p.object.content;
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return undefined;
  const [media, value] = Object.entries(content)[0] ?? [];
  if (media === undefined) return undefined;
  return { node: field(value, 'schema') ?? null, pointer: joinPointer(p.pointer, 'content', media, 'schema') };
}

function mediaOf(base: Spec, head: Spec, b: Located, h: Located): Paired<SchemaRef, string> {
  const content = (spec: Spec, r: Located) =>
    resolve(spec, field(r.node, 'content'), joinPointer(r.pointer, 'content'));
  const cb = content(base, b);
  const ch = content(head, h);
  return pairBy(entries(cb), entries(ch), { base: cb.pointer, head: ch.pointer }, mediaKey);
}

/** `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaKey(media: string): string {
  return media.split(';')[0]!.trim().toLowerCase();
}

/** Follows `$ref`s of a node at a pointer; the result's pointer is where the value is defined. */
export function resolve(
  spec: Spec,
  node: Json | undefined,
  pointer: string,
): { node: Json | undefined; pointer: string } {
  const target = spec.deref(node, pointer);
  return { node: target.value, pointer: target.pointer };
}

function entries(ref: { node: Json | undefined; pointer: string }): Array<[string, SchemaRef]> {
  const node = ref.node;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
  return Object.entries(node)
    .filter(([k]) => !k.startsWith('x-'))
    .map(([k, v]) => [k, { node: v, pointer: joinPointer(ref.pointer, k) }]);
}

function field(node: Json | undefined, key: string): Json | undefined {
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as JsonObject)[key] : undefined;
}

/** A node that may be absent, with the pointer where it is (or would be). */
type Located = { node: Json | undefined; pointer: string };
