/**
 * Judges one webhook delivery against the spec's 3.1 `webhooks` map: picks the webhook it claims to be (by a
 * header whose schema is a `const`/`enum`, by the body's `type`, or by the only body schema it satisfies),
 * then validates its required headers and its body.
 * @see https://spec.openapis.org/oas/v3.1.0#oasWebhooks
 */
import type { JsonObject, Operation, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import type { Delivery } from './receiver.ts';
import { escapeSegment } from '../json/pointer.ts';

/** What was wrong with a delivery; `webhook` is the operation it was judged as. */
export interface DeliveryVerdict {
  webhook?: Operation;
  problems: Array<{ pointer: string; message: string }>;
}

function bodySchemaPointer(spec: Spec, op: Operation): string | undefined {
  const body = spec.deref<JsonObject>(op.object.requestBody, `${op.pointer}/requestBody`);
  const content = body.value?.content as JsonObject | undefined;
  if (!content) return undefined;
  const type = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0];
  if (!type || !(content[type] as JsonObject | undefined)?.schema) return undefined;
  return `${body.pointer}/content/${escapeSegment(type)}/schema`;
}

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function claimedBy(op: Operation, d: Delivery, body: unknown): boolean | undefined {
  for (const p of op.parameters.filter((x) => x.in === 'header')) {
    const s = p.object.schema as JsonObject | undefined;
    const allowed = s?.const !== undefined ? [s.const] : Array.isArray(s?.enum) ? s.enum : undefined;
    const got = d.headers[p.name.toLowerCase()];
    if (allowed && got !== undefined) return allowed.includes(got);
  }
  const type = (body as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type === op.path : undefined;
}

function judge(
  spec: Spec,
  validator: Validator,
  op: Operation,
  d: Delivery,
  body: unknown,
): DeliveryVerdict['problems'] {
  const problems: DeliveryVerdict['problems'] = [];
  for (const p of op.parameters.filter((x) => x.in === 'header')) {
    const got = d.headers[p.name.toLowerCase()];
    if (got === undefined) {
      if (p.required) problems.push({ pointer: p.pointer, message: `required header ${p.name} missing` });
      continue;
    }
    if (!p.object.schema) continue;
    for (const e of validator.validate(`${p.pointer}/schema`, got, 'request'))
      problems.push({
        pointer: p.pointer,
        message: `header ${p.name}: ${JSON.stringify(got).slice(0, 80)} ${e.message}`,
      });
  }
  const pointer = bodySchemaPointer(spec, op);
  if (pointer) {
    for (const e of validator.validate(pointer, body, 'request').slice(0, 5)) {
      problems.push({ pointer, message: `body${e.instancePath || ''} ${e.message} (schema ${e.schemaPath})` });
    }
  }
  return problems;
}

/** Validates a delivery against `webhook` (a key of `webhooks`) or the webhook it claims to be. */
export function judgeDelivery(spec: Spec, validator: Validator, d: Delivery, webhook?: string): DeliveryVerdict {
  const hooks = spec.operations.filter((o) => o.webhook);
  if (hooks.length === 0) return { problems: [] };
  const parsed = parse(d.body);
  if (!parsed)
    return {
      problems: [{ pointer: '/webhooks', message: `body is not JSON: ${JSON.stringify(d.body.slice(0, 80))}` }],
    };
  const named = webhook ? hooks.filter((o) => o.path === webhook) : [];
  if (webhook && named.length === 0)
    return {
      problems: [
        {
          pointer: '/webhooks',
          message: `the spec has no webhook "${webhook}" (has: ${hooks.map((h) => h.path).join(', ')})`,
        },
      ],
    };
  const claimed = named.length > 0 ? named : hooks.filter((o) => claimedBy(o, d, parsed.value) === true);
  const candidates = claimed.length > 0 ? claimed : hooks;
  const judged = candidates.map((op) => ({ op, problems: judge(spec, validator, op, d, parsed.value) }));
  judged.sort((a, b) => a.problems.length - b.problems.length);
  return { webhook: judged[0]!.op, problems: judged[0]!.problems };
}
