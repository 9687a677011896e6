/**
 * In OpenAPI 3.0, fields next to a `$ref` are ignored ("any properties added SHALL be ignored"), so a sibling
 * `nullable`, `type` or `required` silently does nothing. Annotation siblings (description, title, summary,
 * example, deprecated, extensions) are tolerated: losing them changes no behaviour. 3.1 is not checked:
 * there, schema `$ref` siblings apply.
 * @see https://spec.openapis.org/oas/v3.0.3#reference-object
 */
import type { Report, Rule } from '../types.ts';
import { parsePointer } from '../../json/pointer.ts';

const HARMLESS = new Set([
  '$ref',
  'description',
  'title',
  'summary',
  'example',
  'examples',
  'deprecated',
  'externalDocs',
]);

const rule: Rule = {
  id: 'ref-siblings-ignored',
  description: 'In 3.0 documents, no $ref has sibling fields that would change behaviour (they are ignored).',
  defaultSeverity: 'warn',
  run(ctx) {
    if (ctx.spec.line !== '3.0') return [];
    const reports: Report[] = [];
    for (const { node, pointer } of ctx.refs()) {
      const path = parsePointer(pointer);
      if (path.length === 2 && path[0] === 'paths') continue; // Path Item $ref siblings are merged, not ignored.
      const ignored = Object.keys(node).filter((k) => !HARMLESS.has(k) && !k.startsWith('x-'));
      if (ignored.length === 0) continue;
      reports.push({
        pointer: `${pointer}/${ignored[0]}`,
        message: `${ignored.map((k) => `"${k}"`).join(', ')} next to $ref ${ignored.length > 1 ? 'are' : 'is'} ignored in OpenAPI 3.0; wrap the reference in allOf: [{$ref: ...}] to combine them.`,
      });
    }
    return reports;
  },
};
export default rule;
