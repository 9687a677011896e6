/**
 * A 2xx response that declares structured content (JSON, forms, multipart, event streams) also declares its
 * schema; otherwise any body passes, and contract tests pass vacuously. Binary and plain-text media types are
 * exempt: "any bytes" is a complete description of them.
 */
import type { Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';
import { isStructured, responses } from '../sites.ts';

const rule: Rule = {
  id: 'response-schema-missing',
  description: 'Every structured media type of a 2xx response has a schema (or itemSchema).',
  defaultSeverity: 'warn',
  run(ctx) {
    const reports: Report[] = [];
    for (const site of responses(ctx)) {
      if (!/^2(\d\d|XX)$/i.test(site.status) || !isObject(site.response.content)) continue;
      for (const [mediaType, media] of Object.entries(site.response.content)) {
        if (!isStructured(mediaType) || !isObject(media) || 'schema' in media || 'itemSchema' in media) continue;
        reports.push({
          pointer: joinPointer(site.pointer, 'content', mediaType),
          message: `Response ${site.status} of ${site.operation.key} declares ${mediaType} content without a schema, so any body would conform.`,
        });
      }
    }
    return reports;
  },
};
export default rule;
