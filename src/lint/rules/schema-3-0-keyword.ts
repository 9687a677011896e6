/**
 * OpenAPI 3.0 schema keywords that silently do nothing in a 3.1 document (JSON Schema 2020-12):
 * `nullable: true` (null stays rejected), boolean `exclusiveMinimum`/`exclusiveMaximum`; and Swagger 2's
 * `x-nullable`, which no OpenAPI 3 version honours.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import type { Report, Rule } from '../types.ts';
import { joinPointer } from '../../json/pointer.ts';

function typeHint(type: unknown): string {
  if (typeof type === 'string') return `type: ["${type}", "null"]`;
  if (Array.isArray(type)) return `type: [${[...type, 'null'].map((t) => JSON.stringify(t)).join(', ')}]`;
  return 'a "null" type (or anyOf with {type: "null"})';
}

const rule: Rule = {
  id: 'schema-3-0-keyword',
  description:
    'Schemas use no keyword that has no effect in their OpenAPI version (nullable and boolean exclusive bounds in 3.1, x-nullable anywhere).',
  defaultSeverity: 'error',
  run(ctx) {
    const is31 = ctx.spec.line !== '3.0';
    const reports: Report[] = [];
    for (const { schema, pointer } of ctx.schemas()) {
      if (is31 && schema.nullable === true) {
        reports.push({
          pointer: joinPointer(pointer, 'nullable'),
          message: `"nullable" is an OpenAPI 3.0 keyword and is ignored in a ${ctx.spec.version} document, so null is rejected here; use ${typeHint(schema.type)}.`,
        });
      }
      if ('x-nullable' in schema) {
        reports.push({
          pointer: joinPointer(pointer, 'x-nullable'),
          message: `"x-nullable" is a Swagger 2.0 extension that OpenAPI ${ctx.spec.line} ignores; use ${is31 ? typeHint(schema.type) : 'nullable: true'}.`,
        });
      }
      for (const bound of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
        if (!is31 || typeof schema[bound] !== 'boolean') continue;
        const limit = bound === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        const fix =
          typeof schema[limit] === 'number' ? `${bound}: ${schema[limit]} (and drop ${limit})` : `a numeric ${bound}`;
        reports.push({
          pointer: joinPointer(pointer, bound),
          message: `Boolean "${bound}" is OpenAPI 3.0 syntax; in ${ctx.spec.version} it must be a number: write ${fix}.`,
        });
      }
    }
    return reports;
  },
};
export default rule;
