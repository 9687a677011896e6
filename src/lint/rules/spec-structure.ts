/**
 * The document must validate against the official OpenAPI JSON Schema of its version.
 * @see https://spec.openapis.org/oas/v3.1.0#openapi-document
 */
import type { Rule } from '../types.ts';
import { officialValidator } from '../structure/official-schema.ts';
import { collapseErrors } from '../structure/collapse-errors.ts';
import { describeError } from '../structure/describe-error.ts';
import { tokens } from '../pointer.ts';
import type { Json } from '../../types.ts';

function valueAt(root: Json, pointer: string): Json | undefined {
  let node: Json | undefined = root;
  for (const token of tokens(pointer)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = Array.isArray(node) ? node[Number(token)] : node[token];
  }
  return node;
}

const rule: Rule = {
  id: 'spec-structure',
  description: 'The document validates against the official OpenAPI JSON Schema (3.2: the 3.1 schema widened with 3.2 fields).',
  defaultSeverity: 'error',
  run({ spec }) {
    const validate = officialValidator(spec.line);
    if (validate(spec.document)) return [];
    const seen = new Set<string>();
    const reports = [];
    for (const error of collapseErrors(validate.errors ?? [])) {
      // Boolean exclusiveMinimum/Maximum in 3.1 is reported by `schema-3-0-keyword`, with a better message.
      if (spec.line !== '3.0' && error.keyword === 'type' && /\/exclusiveM(in|ax)imum$/.test(error.instancePath)) continue;
      const issue = describeError(error, (p) => valueAt(spec.document, p));
      const key = issue.pointer + '\0' + issue.message;
      if (seen.has(key)) continue;
      seen.add(key);
      reports.push(spec.line === '3.2' ? { ...issue, message: issue.message + ' (3.2 is checked against the 3.1 schema plus 3.2 fields)' } : issue);
    }
    return reports;
  },
};
export default rule;
