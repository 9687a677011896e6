/** Iterators over the places rules look at (responses, media types), each resolved and visited once. */
import type { Json, JsonObject, Operation } from '../types.ts';
import type { LintContext } from './types.ts';
import { isObject } from '../json/is-object.ts';
import { joinPointer } from '../json/pointer.ts';

/** One Response Object of an operation, after `$ref` resolution. */
export interface ResponseSite {
  operation: Operation;
  status: string;
  response: JsonObject;
  /** Pointer of the resolved Response Object (a component's when it was a `$ref`). */
  pointer: string;
}

/** Every (operation, status) response; `unique` visits a shared response component only the first time. */
export function responses(ctx: LintContext, unique = true): ResponseSite[] {
  const seen = new Set<string>();
  const out: ResponseSite[] = [];
  for (const operation of ctx.spec.operations) {
    const map = operation.object.responses;
    if (!isObject(map)) continue;
    for (const [status, raw] of Object.entries(map)) {
      const { value, pointer } = ctx.spec.deref<Json>(raw, joinPointer(operation.pointer, 'responses', status));
      if (!isObject(value) || (unique && seen.has(pointer))) continue;
      seen.add(pointer);
      out.push({ operation, status, response: value, pointer });
    }
  }
  return out;
}

/** One Media Type Object (`content` entry) with where it lives. */
export interface MediaTypeSite {
  mediaType: string;
  object: JsonObject;
  pointer: string;
  direction: 'request' | 'response';
}

/** Media types of every request body and response (resolved, once each), plus parameter `content`. */
export function mediaTypes(ctx: LintContext): MediaTypeSite[] {
  const out: MediaTypeSite[] = [];
  const seen = new Set<string>();
  const add = (content: Json | undefined, pointer: string, direction: MediaTypeSite['direction']): void => {
    if (!isObject(content) || seen.has(pointer)) return;
    seen.add(pointer);
    for (const [mediaType, object] of Object.entries(content)) {
      if (isObject(object)) out.push({ mediaType, object, pointer: joinPointer(pointer, mediaType), direction });
    }
  };
  for (const operation of ctx.spec.operations) {
    const body = ctx.spec.deref<Json>(operation.object.requestBody, joinPointer(operation.pointer, 'requestBody'));
    if (isObject(body.value)) add(body.value.content, joinPointer(body.pointer, 'content'), 'request');
  }
  for (const site of responses(ctx)) add(site.response.content, joinPointer(site.pointer, 'content'), 'response');
  return out;
}

/** True for media types whose payload a JSON Schema describes structurally (JSON, forms, event streams). */
export function isStructured(mediaType: string): boolean {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return (
    /[/+]json$/.test(type) ||
    type === 'application/x-www-form-urlencoded' ||
    type.startsWith('multipart/') ||
    type === 'text/event-stream' ||
    type === 'application/x-ndjson' ||
    type === 'application/jsonl'
  );
}

/** True for JSON media types, whose examples are JSON values comparable with the schema. */
export function isJson(mediaType: string): boolean {
  return /[/+]json(\s*;|$)/i.test(mediaType.trim()) || mediaType === '*/*';
}
