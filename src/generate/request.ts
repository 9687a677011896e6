/**
 * Operation → arbitrary of request values, the positive gate every emitted value passes, and rendering a
 * request value into a `Case` (path, query, headers, cookies, body text). A request value is logical (the
 * parameter and body values the schemas describe); a Draft adds the raw overrides negative cases need.
 */
import { requestPathTemplate } from '../load/operations.ts';
import fc from 'fast-check';
import type { Case, CaseKind, Json, Operation, Spec, Violation } from '../types.ts';
import { hasUnsatisfiable, isObject, type Charset } from './context.ts';
import { serializeBody } from './body.ts';
import { requestModel, type MediaModel, type ParameterModel, type RequestModel } from './operation-model.ts';
import { documentedExamples, validExamples, withExamples } from './example-variant.ts';
import { withPool } from './pooled.ts';
import { compileSchema } from './schema.ts';
import { patternFallbacks } from './pattern.ts';
import type { SchemaError } from '../validate/index.ts';
import { percentEncode, serializeParameter } from './serialize.ts';
import type { SpecGeneration } from './spec-context.ts';
import { fitsCharset } from './string.ts';
import { xmlCarries } from './xml.ts';
import { jsonText } from './json-text.ts';

/** The logical content of one request: parameter values by `in:name`, and the body with its media index. */
export interface RequestValue {
  params: Record<string, unknown>;
  body?: { media: number; value: unknown };
}

/** A request value plus raw overrides: a parameter's exact text (`null` = left out), the body's exact text. */
export interface Draft {
  value: RequestValue;
  raw?: Record<string, string | null>;
  bodyText?: string | null;
}

/** Everything needed to generate requests for one operation (built once per operation). */
export interface OperationGen {
  gen: SpecGeneration;
  model: RequestModel;
  arbitrary: fc.Arbitrary<RequestValue>;
  /** Why the operation cannot be generated at all, if it cannot. */
  blocked?: string;
}

/** Key of a parameter in `RequestValue.params`. */
export const paramKey = (p: Pick<ParameterModel, 'in' | 'name'>): string => `${p.in}:${p.name}`;

/** The charset of values a parameter carries (header and path values are narrower). */
export const charsetFor = (p: ParameterModel): Charset =>
  p.contentType ? 'any' : p.in === 'header' ? 'header' : p.in === 'path' ? 'path' : 'any';

const cache = new WeakMap<SpecGeneration, WeakMap<Operation, OperationGen>>();

function blockedReason(model: RequestModel): string | undefined {
  const declared = new Set(model.parameters.filter((p) => p.in === 'path').map((p) => p.name));
  const missing = [...model.operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((n) => !declared.has(n));
  if (missing.length > 0)
    return `path template variable(s) ${missing.map((n) => `{${n}}`).join(', ')} have no path parameter`;
  const body = model.body;
  if (body && body.required && body.media.length === 0)
    return `request body media type(s) ${body.unsupported.join(', ')} cannot be generated (supported: JSON, XML, form-urlencoded, multipart/form-data, text/plain, octet-stream)`;
  return undefined;
}

/** The (cached) generation state of an operation. */
export function operationGen(gen: SpecGeneration, operation: Operation): OperationGen {
  let byOp = cache.get(gen);
  if (!byOp) cache.set(gen, (byOp = new WeakMap()));
  const hit = byOp.get(operation);
  if (hit) return hit;
  const model = requestModel(gen.spec, operation);
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of model.parameters) {
    const ctx = gen.context(charsetFor(p));
    params[paramKey(p)] = withPool(
      compileSchema(p.schema, ctx),
      p.name,
      p.schema,
      ctx,
      documentedExamples(p.object, ctx),
    );
  }
  const requiredKeys = model.parameters.filter((p) => p.required).map(paramKey);
  const shape: Record<string, fc.Arbitrary<unknown>> = { params: fc.record(params, { requiredKeys }) };
  const media = model.body?.media ?? [];
  const any = gen.context('any');
  if (media.length > 0)
    shape.body = fc.oneof(
      ...media.map((m, i) =>
        withExamples(compileSchema(m.schema, any), validExamples(gen, m), m, any).map((value) => ({ media: i, value })),
      ),
    );
  const arbitrary = fc.record(shape, {
    requiredKeys: model.body?.required && shape.body ? ['params', 'body'] : ['params'],
  }) as fc.Arbitrary<RequestValue>;
  const made: OperationGen = { gen, model, arbitrary, blocked: blockedReason(model) };
  byOp.set(operation, made);
  return made;
}

/** The text a parameter value travels as (before the style's own prefix), for checks on legality. */
export function parameterText(p: ParameterModel, value: unknown, line: Spec['line']): string | undefined {
  if (p.contentType) {
    const json = jsonText(value);
    return json === undefined ? undefined : p.in === 'header' ? json : percentEncode(json);
  }
  const style = p.in === 'cookie' ? 'simple' : p.style;
  const explode = p.in === 'cookie' ? false : p.explode;
  return serializeParameter(value, { name: p.name, in: p.in, style, explode, allowReserved: p.allowReserved, line });
}

/** A validation error's message, with the reason a pattern could not be generated exactly when that is the cause. */
function explain(error: SchemaError): string {
  const pattern = error.keyword === 'pattern' ? error.params.pattern : undefined;
  const fallback = typeof pattern === 'string' ? patternFallbacks.get(pattern) : undefined;
  return fallback ? `${error.message} (${fallback})` : error.message;
}

/** Why a parameter value would not arrive at the server as itself (undefined when it would). */
function parameterProblem(og: OperationGen, p: ParameterModel, value: unknown): string | undefined {
  const where = `${p.in}.${p.name}`;
  if (value === null || value === undefined || hasUnsatisfiable(value))
    return `${where}: no value satisfies the schema`;
  const nested = (v: unknown): boolean => v !== null && typeof v === 'object';
  if (!p.contentType && p.style !== 'deepObject' && nested(value) && Object.values(value as object).some(nested))
    return `${where}: nested values cannot be serialized in style ${p.style}`;
  const errors = og.gen.validator.validateSchema(p.schema, value, 'request');
  if (errors.length > 0) return `${where}${errors[0]!.instancePath}: ${explain(errors[0]!)}`;
  const text = parameterText(p, value, og.gen.spec.line);
  if (text === undefined) return `${where}: value cannot be percent-encoded`;
  if (p.in === 'header' && !fitsCharset(text, 'header')) return `${where}: not a legal header value`;
  if (p.in === 'path' && !fitsCharset(decodeURIComponent(text), 'path'))
    return `${where}: would change the route (empty or dot segment)`;
  if (p.required && text === '') return `${where}: serializes to nothing, so the required parameter would be missing`;
  return undefined;
}

/** Why a request value is not a valid request (undefined when every part validates and survives serialization). */
export function positiveProblem(og: OperationGen, value: RequestValue): string | undefined {
  for (const p of og.model.parameters) {
    const key = paramKey(p);
    if (!(key in value.params)) {
      if (p.required) return `${p.in}.${p.name}: required parameter missing`;
      continue;
    }
    const problem = parameterProblem(og, p, value.params[key]);
    if (problem) return problem;
  }
  if (!value.body) return og.model.body?.required ? 'body: required request body missing' : undefined;
  const media = og.model.body!.media[value.body.media]!;
  if (hasUnsatisfiable(value.body.value)) return 'body: no value satisfies the schema';
  const errors = og.gen.validator.validateSchema(media.schema, value.body.value, 'request');
  if (errors.length > 0) return `body${errors[0]!.instancePath.replace(/\//g, '.')}: ${explain(errors[0]!)}`;
  if ((media.kind === 'form' || media.kind === 'multipart') && !isObject(value.body.value))
    return `body: a ${media.key} body must be an object`;
  if (media.kind === 'xml' && !xmlCarries(value.body.value)) return 'body: a character XML 1.0 cannot carry';
  return undefined;
}

/** Is this multipart field a file (binary string schema)? */
function fieldInfo(og: OperationGen, media: MediaModel): (name: string) => { file: boolean } {
  const ctx = og.gen.context('any');
  return (name) => {
    let schema: Json | undefined = media.schema;
    for (let i = 0; i < 8 && isObject(schema) && typeof schema.$ref === 'string'; i++)
      schema = ctx.resolve(schema.$ref);
    let prop = isObject(schema) && isObject(schema.properties) ? schema.properties[name] : undefined;
    for (let i = 0; i < 8 && isObject(prop) && typeof prop.$ref === 'string'; i++) prop = ctx.resolve(prop.$ref);
    const file =
      isObject(prop) &&
      (prop.format === 'binary' ||
        prop.format === 'base64' ||
        typeof prop.contentMediaType === 'string' ||
        typeof prop.contentEncoding === 'string');
    return { file };
  };
}

/** Identity and kind of the case being rendered. */
export interface CaseMeta {
  kind: CaseKind;
  index: number;
  seed: number;
  violation?: Violation;
}

/** Renders a draft into a fully serialized Case. Returns undefined if some part cannot be written. */
export function renderCase(og: OperationGen, draft: Draft, meta: CaseMeta): Case | undefined {
  const { operation } = og.model;
  const line = og.gen.spec.line;
  let path = requestPathTemplate(operation.path);
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  for (const p of og.model.parameters) {
    const key = paramKey(p);
    const raw = draft.raw?.[key];
    if (raw === null || (raw === undefined && !(key in draft.value.params))) continue;
    const text = raw !== undefined ? rawText(p, raw, line) : parameterText(p, draft.value.params[key], line);
    if (text === undefined) return undefined;
    if (p.in === 'path') path = path.split(`{${p.name}}`).join(text);
    else if (p.in === 'query') {
      if (text !== '') query.push(p.contentType ? `${percentEncode(p.name, true)}=${text}` : text);
    } else if (p.in === 'header') headers[p.name] = text;
    else cookies[p.name] = text;
  }
  const out: Case = {
    id: `${operation.key}/${meta.kind}/${meta.index}`,
    operation: operation.key,
    ...(operation.operationId ? { operationId: operation.operationId } : {}),
    kind: meta.kind,
    method: operation.method.toUpperCase(),
    path,
    query: query.join('&'),
    headers,
    cookies,
    seed: meta.seed,
  };
  const body = draft.value.body;
  if (body && draft.bodyText !== null) {
    const media = og.model.body!.media[body.media]!;
    const boundary = `specgate-${(meta.seed >>> 0).toString(16).padStart(8, '0')}`;
    const written = serializeBody(media, body.value, { boundary, line, fields: fieldInfo(og, media) });
    if (!written) return undefined;
    out.mediaType = media.key;
    out.headers['content-type'] = written.contentType;
    out.body = body.value;
    out.bodyText = draft.bodyText ?? written.text;
  }
  if (meta.violation) out.violation = meta.violation;
  return out;
}

/** A raw override written in the parameter's location (a primitive in the style's own shape). */
function rawText(p: ParameterModel, raw: string, line: Spec['line']): string | undefined {
  if (p.in === 'header') return raw;
  if (p.in === 'cookie') return percentEncode(raw);
  return serializeParameter(raw, {
    name: p.name,
    in: p.in,
    style: p.style,
    explode: p.explode,
    allowReserved: false,
    line,
  });
}
