/**
 * Stream switches: a boolean body property named `stream` on an operation whose 2xx response declares
 * `text/event-stream` turns the answer into a server-sent event stream (the OpenAI convention, followed by
 * most LLM gateways). The stream is a different code path with its own drifts, so positive and boundary
 * cases set the switch both ways on purpose instead of leaving it to chance.
 */
import type { JsonObject } from '../types.ts';
import { isObject } from './context.ts';
import { resolveNode } from './mutations.ts';
import { isHidden } from './object.ts';
import type { OperationGen, RequestValue } from './request.ts';
import { typesOf } from './types.ts';

/** Where a stream switch lives: the body media index and the top-level property name. */
export interface StreamSwitch {
  media: number;
  property: string;
}

const cache = new WeakMap<OperationGen, StreamSwitch[]>();

/** True when a 2xx response of the operation declares `text/event-stream` content. */
function streams(og: OperationGen): boolean {
  const responses = og.model.operation.object.responses;
  if (!isObject(responses)) return false;
  return Object.entries(responses).some(([status, raw]) => {
    if (!/^(2\d\d|2XX)$/i.test(status)) return false;
    const response = og.gen.spec.deref<JsonObject>(raw).value;
    return (
      isObject(response) &&
      isObject(response.content) &&
      Object.keys(response.content).some((k) => k.split(';')[0]!.trim().toLowerCase() === 'text/event-stream')
    );
  });
}

/** The stream switches of an operation's request bodies (cached). */
export function streamSwitches(og: OperationGen): StreamSwitch[] {
  const hit = cache.get(og);
  if (hit) return hit;
  const out: StreamSwitch[] = [];
  if (streams(og)) {
    const ctx = og.gen.context('any');
    og.model.body?.media.forEach((media, index) => {
      if (media.kind !== 'json') return;
      const node = resolveNode(media.schema, ctx);
      const prop = node && isObject(node.properties) ? node.properties.stream : undefined;
      const target = resolveNode(prop, ctx);
      if (target && !isHidden(prop, ctx) && typesOf(target, ctx).includes('boolean'))
        out.push({ media: index, property: 'stream' });
    });
  }
  cache.set(og, out);
  return out;
}

/** `value` with its stream switch (for the body's media type) set to `on`; undefined when the body has none. */
export function setStream(og: OperationGen, value: RequestValue, on: boolean): RequestValue | undefined {
  const body = value.body;
  const found = body && streamSwitches(og).find((s) => s.media === body.media);
  if (!body || !found || !isObject(body.value)) return undefined;
  return { ...value, body: { media: body.media, value: { ...body.value, [found.property]: on } } };
}
