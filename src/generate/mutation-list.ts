/**
 * The list of single-violation mutations of an operation's request: missing required parameters and
 * properties, out-of-range and wrong-type values, too long/short strings, pattern and enum outsiders,
 * unexpected properties where `additionalProperties: false`, a missing required body, a body that is not JSON
 * (or not well-formed XML).
 * Built once per operation; each mutation knows how to apply itself to a valid request value and how to
 * check that the result really is invalid (see negative.ts for the rules).
 */
import { nodeMutations, resolveNode } from './mutations.ts';
import type { Mutation } from './mutation.ts';
import { readings, routesElsewhere } from './wire-readings.ts';
import type { ParameterModel } from './operation-model.ts';
import { primitiveText } from './serialize.ts';
import { fitsCharset } from './string.ts';
import { paramKey, type OperationGen } from './request.ts';
import { bodyMutations } from './body-mutations.ts';
import { typesOf } from './types.ts';

export type { Mutation } from './mutation.ts';

const PRIMITIVE = new Set(['string', 'integer', 'number', 'boolean']);
const cache = new WeakMap<OperationGen, Mutation[]>();

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
