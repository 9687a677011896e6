/**
 * What the spec says about one `text/event-stream` response: the schema each event is validated against
 * (`itemSchema` on 3.2, `schema` on 3.0/3.1), whether that schema describes the whole event
 * (`{event, data, id, retry}`) or only its `data`, and whether an OpenAI-style `[DONE]` sentinel is implied.
 * @see https://spec.openapis.org/oas/v3.2.0#special-considerations-for-server-sent-events
 */
import type { Exchange, Json, JsonObject, Operation, Spec } from '../types.ts';
import type { CheckContext } from './check.ts';
import { isEventStream } from './media-type.ts';
import { followRefs, resolveObject } from './pointer.ts';
import { isObject } from '../json/is-object.ts';
import { documentedContent, findResponse } from './responses.ts';
import { asksForUsage } from './stream-request.ts';

/** How the events of one stream are judged. */
export interface StreamPlan {
  /** 'event': the schema describes the event object; 'data': it describes the (parsed) data; 'none': no schema. */
  mode: 'event' | 'data' | 'none';
  schemaPointer?: string;
  /** Data mode: parse `data` as JSON before validating (the schema does not expect a plain string). */
  dataAsJson: boolean;
  /** Event mode: pointer of `data`'s `contentSchema` when `contentMediaType` is JSON. */
  contentSchemaPointer?: string;
  expectDone: boolean;
  expectUsage: boolean;
}

const EVENT_FIELDS = new Set(['data', 'event', 'id', 'retry']);

/** True when any string reachable from `node` (following `$ref`s, bounded) contains `needle`. */
export function mentions(
  spec: Spec,
  node: Json | undefined,
  needle: string,
  budget = { left: 5000 },
  seen = new Set<Json>(),
): boolean {
  if (typeof node === 'string') return node.includes(needle);
  if (node === null || typeof node !== 'object' || seen.has(node) || --budget.left < 0) return false;
  seen.add(node);
  if (isObject(node) && typeof node.$ref === 'string')
    return mentions(spec, followRefs(spec, node, '').value, needle, budget, seen);
  return Object.values(node).some((v) => mentions(spec, v, needle, budget, seen));
}

function describesEvent(schema: JsonObject): boolean {
  const props = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  return props.includes('data') && props.every((p) => EVENT_FIELDS.has(p));
}

function schemaPart(
  spec: Spec,
  mediaPointer: string,
  media: JsonObject,
): Pick<StreamPlan, 'mode' | 'schemaPointer' | 'dataAsJson' | 'contentSchemaPointer'> {
  const key = 'itemSchema' in media ? 'itemSchema' : 'schema';
  const schema = resolveObject(spec, mediaPointer, [key]);
  if (!schema) return { mode: 'none', dataAsJson: true };
  if (key === 'itemSchema' || describesEvent(schema.value)) {
    const data = resolveObject(spec, schema.pointer, ['properties', 'data']);
    const json = typeof data?.value.contentMediaType === 'string' && /json/i.test(data.value.contentMediaType);
    const content = json ? resolveObject(spec, data!.pointer, ['contentSchema']) : undefined;
    return { mode: 'event', schemaPointer: schema.pointer, dataAsJson: false, contentSchemaPointer: content?.pointer };
  }
  const type = schema.value.type;
  return { mode: 'data', schemaPointer: schema.pointer, dataAsJson: type !== 'string' };
}

/** The plan for a stream response to this exchange's request (the response status and headers must be known). */
export function streamPlan(exchange: Exchange, ctx: CheckContext): StreamPlan {
  return { ...documentedPlan(ctx, exchange.response?.status), expectUsage: asksForUsage(exchange) };
}

// What the spec says depends only on (operation, status); streams of one operation share it.
const plans = new WeakMap<Operation, Map<number | undefined, Omit<StreamPlan, 'expectUsage'>>>();

function documentedPlan(ctx: CheckContext, status: number | undefined): Omit<StreamPlan, 'expectUsage'> {
  let byStatus = plans.get(ctx.operation);
  if (!byStatus) plans.set(ctx.operation, (byStatus = new Map()));
  let plan = byStatus.get(status);
  if (!plan) {
    const base = { expectDone: mentions(ctx.spec, ctx.operation.object, '[DONE]') };
    const doc = status === undefined ? undefined : findResponse(ctx.spec, ctx.operation, status);
    const content = doc ? documentedContent(ctx.spec, doc) : {};
    // Only an explicit text/event-stream entry: a `*/*` schema describes some other body, not each event.
    const key = Object.keys(content).find((k) => isEventStream(k));
    const media = key === undefined ? undefined : content[key]!;
    plan = media
      ? { ...base, ...schemaPart(ctx.spec, media.pointer, media.object) }
      : { ...base, mode: 'none', dataAsJson: true };
    byStatus.set(status, plan);
  }
  return plan;
}
