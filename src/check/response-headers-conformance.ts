/**
 * `response_headers_conformance`: required response headers are present and every documented header's value
 * matches its schema. Header text is tried as string, number, boolean and comma list (style `simple`), and
 * passes when any reading validates, so typing a header `integer` never yields a false positive.
 * @see https://spec.openapis.org/oas/v3.1.0#header-object
 */
import type { ExchangeCheck, CheckContext } from './check.ts';
import { makeFinding, where } from './finding.ts';
import { resolveObject } from './pointer.ts';
import { isObject } from '../json/is-object.ts';
import { describeSchemaErrors } from './schema-message.ts';
import { findResponse, responseHeader, type DocumentedResponse } from './responses.ts';
import type { Exchange, Finding } from '../types.ts';

const NUMERIC = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

function scalarReadings(s: string): unknown[] {
  const out: unknown[] = [s];
  if (NUMERIC.test(s)) out.push(Number(s));
  if (s === 'true' || s === 'false') out.push(s === 'true');
  return out;
}

/** Readings of a header's text as JSON values, most literal first. */
export function headerReadings(raw: string): unknown[] {
  const parts = raw.split(',').map((p) => p.trim());
  const lists = [parts, parts.map((p) => scalarReadings(p).at(-1))];
  return [...scalarReadings(raw.trim()), ...lists];
}

type DocumentedHeader = { name: string; pointer: string; required: boolean; schemaPointer?: string };
const headersOf = new WeakMap<DocumentedResponse, DocumentedHeader[]>();

function documentedHeaders(ctx: CheckContext, doc: DocumentedResponse): DocumentedHeader[] {
  let out = headersOf.get(doc);
  if (out) return out;
  out = !isObject(doc.object.headers)
    ? []
    : Object.keys(doc.object.headers)
        .filter((name) => name.toLowerCase() !== 'content-type')
        .flatMap((name) => {
          const h = resolveObject(ctx.spec, doc.pointer, ['headers', name]);
          if (!h) return [];
          const schema = resolveObject(ctx.spec, h.pointer, ['schema']);
          return [
            {
              name,
              pointer: h.pointer,
              required: h.value.required === true,
              ...(schema ? { schemaPointer: schema.pointer } : {}),
            },
          ];
        });
  headersOf.set(doc, out);
  return out;
}

function checkValue(
  exchange: Exchange,
  ctx: CheckContext,
  name: string,
  schemaPointer: string | undefined,
  raw: string,
): Finding[] {
  if (schemaPointer === undefined) return [];
  // Most headers are strings: the literal reading usually passes, and the others are only worked out when it fails.
  const literal = ctx.validator.validate(schemaPointer, raw.trim(), 'response');
  if (literal.length === 0) return [];
  for (const reading of headerReadings(raw).slice(1)) {
    if (ctx.validator.validate(schemaPointer, reading, 'response').length === 0) return [];
  }
  return describeSchemaErrors(ctx, schemaPointer, raw, literal, `header ${name.toLowerCase()}`)
    .slice(0, 1)
    .map((d) => makeFinding(check.id, exchange, ctx, { ...d, cause: `header ${name.toLowerCase()} value` }));
}

const check: ExchangeCheck = {
  kind: 'exchange',
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
          findings.push(
            makeFinding(check.id, exchange, ctx, {
              cause: `header ${h.name.toLowerCase()} missing`,
              pointer: h.pointer,
              message: `Received: no ${h.name} header\nDocumented: required header ${h.name} for ${doc.key} at #${h.pointer} (${where(ctx, h.pointer)})`,
            }),
          );
        }
        continue;
      }
      findings.push(...checkValue(exchange, ctx, h.name, h.schemaPointer, raw));
    }
    return findings;
  },
};

export default check;
