/** An `enum` lists each value once; a duplicate is usually a copy-paste slip hiding a missing value. */
import type { Report, Rule } from '../types.ts';
import { joinPointer } from '../../json/pointer.ts';

const rule: Rule = {
  id: 'enum-duplicate',
  description: 'No enum lists the same value twice.',
  defaultSeverity: 'warn',
  run(ctx) {
    const reports: Report[] = [];
    for (const { schema, pointer } of ctx.schemas()) {
      if (!Array.isArray(schema.enum)) continue;
      const seen = new Set<string>();
      schema.enum.forEach((value, i) => {
        const key = JSON.stringify(value);
        if (seen.has(key))
          reports.push({
            pointer: joinPointer(pointer, 'enum', i),
            message: `enum value ${key} is listed more than once.`,
          });
        seen.add(key);
      });
    }
    return reports;
  },
};
export default rule;
