/**
 * `response_schema_conformance`: a JSON or XML body (XML read by the OpenAPI XML Object rules) validates against the schema documented for its status and
 * media type (exact status, then `NXX`, then `default`), read in the response direction (writeOnly
 * properties not required). Reports ajv's instancePath/schemaPath verbatim with a diff-shaped message. A `oneOf`
 * that several branches match is settled by its `discriminator` when it has one (see discriminator.ts).
 */
import type { ExchangeCheck } from './check.ts';
import { excerpt, makeFinding, where } from './finding.ts';
import { responseValue } from './body-json.ts';
import { bodySchema } from './response-body.ts';
import { describeSchemaErrors } from './schema-message.ts';
import { withoutSettledOneOf } from './discriminator.ts';

/** At most this many schema findings per response: the first ones explain the rest. */
const MAX_PER_RESPONSE = 10;

const check: ExchangeCheck = {
  kind: 'exchange',
  id: 'response_schema_conformance',
  description: 'JSON and XML response bodies validate against the schema documented for their status and media type.',
  defaultSeverity: 'error',
  applies(exchange, ctx) {
    const s = bodySchema(exchange, ctx);
    return typeof s === 'string' ? s : undefined;
  },
  run(exchange, ctx) {
    const s = bodySchema(exchange, ctx);
    if (typeof s === 'string') return [];
    const text = exchange.response!.body;
    // Built only when there is something to report: locating the schema costs more than validating a body.
    const documented = () => `${s.mediaKey} per #${s.schemaPointer} (${where(ctx, s.schemaPointer)})`;
    if (text.trim() === '') {
      // Empty where a body is documented is drift, but frameworks often do it on errors: report, do not fail.
      return [
        makeFinding(check.id, exchange, ctx, {
          cause: 'body empty',
          severity: 'warn',
          pointer: s.schemaPointer,
          message: `Received: empty body (${exchange.response!.status})\nDocumented: ${documented()}`,
        }),
      ];
    }
    const parsed = responseValue(exchange, s, ctx.spec);
    if (!parsed || 'error' in parsed) {
      const why = parsed?.error ?? 'no body';
      return [
        makeFinding(check.id, exchange, ctx, {
          cause: `body not ${s.format.toUpperCase()}`,
          pointer: s.schemaPointer,
          message: `Received: ${excerpt(text, 200)} (${why})\nDocumented: ${documented()}`,
        }),
      ];
    }
    const errors = withoutSettledOneOf(
      ctx.spec,
      ctx.validator.validate(s.schemaPointer, parsed.value, 'response'),
      parsed.value,
    );
    if (errors.length === 0) return [];
    return describeSchemaErrors(ctx, s.schemaPointer, parsed.value, errors)
      .slice(0, MAX_PER_RESPONSE)
      .map((d) => makeFinding(check.id, exchange, ctx, d));
  },
};

export default check;
