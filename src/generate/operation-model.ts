/**
 * What a request to one Operation is made of: its parameters (with schema, style and where the schema lives)
 * and its request body's media types, each classified by how it is serialized.
 */
import { HARNESS_OWNED_HEADERS } from '../headers.ts';
import { joinPointer } from '../load/pointer.ts';
import type { Json, JsonObject, Operation, Spec } from '../types.ts';
import { specResolver, xmlRootName, type SchemaResolver } from '../validate/xml-shape.ts';
import { isObject } from './context.ts';
import { defaultStyle } from './serialize.ts';
import { specGeneration } from './spec-context.ts';

/** One parameter, ready for generation and serialization. */
export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
  /** Pointer of `schema` in the document. */
  pointer: string;
  style: string;
  explode: boolean;
  allowReserved: boolean;
  /** Set when the parameter uses `content` instead of `schema` (the value is written in that media type). */
  contentType?: string;
  object: JsonObject;
}

/** How a body media type is written. */
export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary' | 'xml';

/** What writing an XML body needs: the root element name, `$ref` resolution, and a validity oracle. */
export interface XmlBodyModel {
  root: string;
  resolve: SchemaResolver;
  line: Spec['line'];
  /** Keywords of the errors of `value` against the media type's schema (empty when it validates). */
  errorKeywords(value: unknown): string[];
}

/** One request body media type. */
export interface MediaModel {
  /** The media type key as written in the spec (may be a range such as `application/*`). */
  key: string;
  /** The concrete media type sent in Content-Type. */
  send: string;
  kind: BodyKind;
  schema: Json;
  pointer: string;
  object: JsonObject;
  /** Set for `xml` media types. */
  xml?: XmlBodyModel;
}

/** Parameters and body of an operation, plus what cannot be generated and why. */
export interface RequestModel {
  operation: Operation;
  parameters: ParameterModel[];
  body?: { required: boolean; media: MediaModel[]; pointer: string; unsupported: string[] };
}

/** Classifies a media type by how a body of it is serialized; undefined when specgate cannot write it. */
export function bodyKind(mediaType: string): { kind: BodyKind; send: string } | undefined {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || /^[a-z]+\/[^;]*\+json$/.test(type)) return { kind: 'json', send: mediaType };
  if (type === '*/*' || type === 'application/*') return { kind: 'json', send: 'application/json' };
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', send: mediaType };
  if (type === 'multipart/form-data') return { kind: 'multipart', send: 'multipart/form-data' };
  if (type === 'text/plain' || type === 'text/*')
    return { kind: 'text', send: type === 'text/*' ? 'text/plain' : mediaType };
  if (type === 'application/octet-stream') return { kind: 'binary', send: mediaType };
  if (type === 'application/xml' || type === 'text/xml' || /^[a-z]+\/[^;]*\+xml$/.test(type))
    return { kind: 'xml', send: mediaType };
  return undefined;
}

function parameterModel(p: Operation['parameters'][number]): ParameterModel {
  const o = p.object;
  const content = isObject(o.content) ? Object.entries(o.content)[0] : undefined;
  const style = typeof o.style === 'string' ? o.style : defaultStyle(p.in);
  const base = { name: p.name, in: p.in, required: p.required || p.in === 'path', style, object: o };
  const explode = typeof o.explode === 'boolean' ? o.explode : style === 'form';
  if (content && isObject(content[1])) {
    const pointer = joinPointer(p.pointer, 'content', content[0], 'schema');
    return {
      ...base,
      schema: content[1].schema ?? {},
      pointer,
      explode,
      allowReserved: false,
      contentType: content[0],
    };
  }
  return {
    ...base,
    schema: o.schema ?? {},
    pointer: joinPointer(p.pointer, 'schema'),
    explode,
    allowReserved: o.allowReserved === true,
  };
}

/** Builds the request model of an operation (pure; `$ref`s resolved through the spec). */
export function requestModel(spec: Spec, operation: Operation): RequestModel {
  const parameters = operation.parameters
    .filter((p) => !(p.in === 'header' && HARNESS_OWNED_HEADERS.has(p.name.toLowerCase())))
    .map(parameterModel);
  const model: RequestModel = { operation, parameters };
  const raw = operation.object.requestBody;
  if (raw === undefined) return model;
  const { value, pointer } = spec.deref<JsonObject>(raw, joinPointer(operation.pointer, 'requestBody'));
  if (!isObject(value) || !isObject(value.content)) return model;
  const media: MediaModel[] = [];
  const unsupported: string[] = [];
  for (const [key, mt] of Object.entries(value.content)) {
    const kind = bodyKind(key);
    if (!kind || !isObject(mt)) {
      unsupported.push(key);
      continue;
    }
    const schema = mt.schema ?? {};
    const m: MediaModel = { key, ...kind, schema, pointer: joinPointer(pointer, 'content', key, 'schema'), object: mt };
    if (kind.kind === 'xml') {
      const resolve = specResolver(spec);
      // The run's validator (specGeneration is cached per spec, so this is the one generation already uses).
      const errorKeywords = (value: unknown): string[] =>
        specGeneration(spec)
          .validator.validateSchema(schema, value, 'request')
          .map((e) => e.keyword);
      m.xml = { root: xmlRootName(schema, resolve), resolve, line: spec.line, errorKeywords };
    }
    media.push(m);
  }
  model.body = { required: value.required === true, media, pointer, unsupported };
  return model;
}
