/**
 * A response header named Content-Type is ignored: the media type keys of `content` define it.
 * @see https://spec.openapis.org/oas/v3.1.0#fixed-fields-14 ("If a response header is defined with the name "Content-Type", it SHALL be ignored")
 */
import type { Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';
import { responses } from '../sites.ts';

const rule: Rule = {
  id: 'response-header-content-type',
  description: 'No response declares a Content-Type header (OpenAPI ignores it).',
  defaultSeverity: 'warn',
  run(ctx) {
    const reports: Report[] = [];
    for (const site of responses(ctx)) {
      if (!isObject(site.response.headers)) continue;
      for (const name of Object.keys(site.response.headers)) {
        if (name.toLowerCase() !== 'content-type') continue;
        reports.push({
          pointer: joinPointer(site.pointer, 'headers', name),
          message: `Response ${site.status} of ${site.operation.key} declares a "${name}" header, which OpenAPI ignores; the content map's media types define it.`,
        });
      }
    }
    return reports;
  },
};
export default rule;
