/** Every `enum` member validates against the rest of its schema (e.g. no `null` in a non-nullable enum, no number in a string enum). */
import type { Report, Rule } from '../types.ts';
import { joinPointer } from '../../json/pointer.ts';
import { checkValue } from '../value-check.ts';

const rule: Rule = {
  id: 'enum-invalid',
  description: 'Every enum value validates against its own schema.',
  defaultSeverity: 'error',
  run(ctx) {
    const reports: Report[] = [];
    for (const site of ctx.schemas()) {
      if (!Array.isArray(site.schema.enum)) continue;
      site.schema.enum.forEach((value, i) => {
        const report = checkValue(
          ctx,
          site.pointer,
          value,
          joinPointer(site.pointer, 'enum', i),
          `enum value ${JSON.stringify(value)}`,
          site.in,
        );
        if (report) reports.push(report);
      });
    }
    return reports;
  },
};
export default rule;
