/**
 * A GET whose 200 response declares no content at all documents nothing about what it returns.
 * 204, 201 without a body, HEAD and the other methods are fine without content.
 */
import type { Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { responses } from '../sites.ts';

const rule: Rule = {
  id: 'response-content-missing',
  description: 'The 200 response of every GET declares its content.',
  defaultSeverity: 'warn',
  run(ctx) {
    const reports: Report[] = [];
    for (const site of responses(ctx, false)) {
      if (site.operation.method !== 'get' || site.operation.webhook || site.status !== '200') continue;
      if (isObject(site.response.content) && Object.keys(site.response.content).length > 0) continue;
      reports.push({
        pointer: site.pointer,
        message: `Response 200 of ${site.operation.key} declares no content, so its body is undocumented.`,
      });
    }
    return reports;
  },
};
export default rule;
