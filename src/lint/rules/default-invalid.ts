/** A schema's `default` validates against the schema itself: clients fill it in for absent values. */
import type { Report, Rule } from '../types.ts';
import { joinPointer } from '../../json/pointer.ts';
import { checkValue } from '../value-check.ts';

const rule: Rule = {
  id: 'default-invalid',
  description: 'Every default value validates against its own schema.',
  defaultSeverity: 'error',
  run(ctx) {
    const reports: Report[] = [];
    for (const site of ctx.schemas()) {
      if (!('default' in site.schema) || site.schema.default === undefined) continue;
      const report = checkValue(
        ctx,
        site.pointer,
        site.schema.default,
        joinPointer(site.pointer, 'default'),
        'default',
        site.in,
      );
      if (report) reports.push(report);
    }
    return reports;
  },
};
export default rule;
