/**
 * `response_headers_conformance`: required response headers are present and every documented header's value
 * matches its schema. Header text is tried as string, number, boolean and comma list (style `simple`), and
 * passes when any reading validates, so typing a header `integer` never yields a false positive.
 * @see https://spec.openapis.org/oas/v3.1.0#header-object
 */
import type { SchemaError } from '../validate/index.ts';
import type { Check, CheckContext } from './check.ts';
import { makeFinding, where } from './finding.ts';
import { isObject, resolveObject } from './pointer.ts';
import { describeSchemaErrors } from './schema-message.ts';
import { findResponse, responseHeader, type DocumentedResponse } from './responses.ts';
import type { Exchange, Finding } from '../types.ts';

/** Readings of a header's text as JSON values, most literal first. */
export function headerReadings(raw: string): unknown[] {
  const scalar = (s: string): unknown[] => {
    const out: unknown[] = [s];
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) out.push(Number(s));
    if (s === 'true' || s === 'false') out.push(s === 'true');
    return out;
  };
  const parts = raw.split(',').map((p) => p.trim());
  const lists = [parts, parts.map((p) => scalar(p).at(-1))];
  return [...scalar(raw.trim()), ...lists];
}

type DocumentedHeader = { name: string; pointer: string; required: boolean };
const headersOf = new WeakMap<DocumentedResponse, DocumentedHeader[]>();

function documentedHeaders(ctx: CheckContext, doc: DocumentedResponse): DocumentedHeader[] {
  let out = headersOf.get(doc);
  if (out) return out;
  out = !isObject(doc.object.headers) ? [] : Object.keys(doc.object.headers)
    .filter((name) => name.toLowerCase() !== 'content-type')
    .flatMap((name) => {
      const h = resolveObject(ctx.spec, doc.pointer, ['headers', name]);
      return h ? [{ name, pointer: h.pointer, required: h.value.required === true }] : [];
    });
  headersOf.set(doc, out);
  return out;
}

function checkValue(exchange: Exchange, ctx: CheckContext, name: string, pointer: string, raw: string): Finding[] {
  const schema = resolveObject(ctx.spec, pointer, ['schema']);
  if (!schema) return [];
  let first: SchemaError[] | undefined;
  for (const reading of headerReadings(raw)) {
    const errors = ctx.validator.validate(schema.pointer, reading, 'response');
    if (errors.length === 0) return [];
    first ??= errors;
  }
  return describeSchemaErrors(ctx, schema.pointer, raw, first ?? [], `header ${name.toLowerCase()}`).slice(0, 1).map((d) =>
    makeFinding(check.id, exchange, ctx, { ...d, cause: `header ${name.toLowerCase()} value` }));
}

const check: Check = {
  id: 'response_headers_conformance',
  description: 'Required response headers are present and documented header values match their schemas.',
  defaultSeverity: 'error',
  applies(exchange, ctx) {
    if (!exchange.response) return 'no response';
    const doc = findResponse(ctx.spec, ctx.operation, exchange.response.status);
    if (!doc) return `status ${exchange.response.status} is not documented`;
    if (documentedHeaders(ctx, doc).length === 0) return `no headers documented for ${doc.key}`;
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const doc = findResponse(ctx.spec, ctx.operation, exchange.response!.status)!;
    const findings: Finding[] = [];
    for (const h of documentedHeaders(ctx, doc)) {
      const raw = responseHeader(exchange, h.name);
      if (raw === undefined) {
        if (h.required) {
          findings.push(makeFinding(check.id, exchange, ctx, {
            cause: `header ${h.name.toLowerCase()} missing`, pointer: h.pointer,
            message: `Received: no ${h.name} header\nDocumented: required header ${h.name} for ${doc.key} at #${h.pointer} (${where(ctx, h.pointer)})`,
          }));
        }
        continue;
      }
      findings.push(...checkValue(exchange, ctx, h.name, h.pointer, raw));
    }
    return findings;
  },
};

export default check;
