/**
 * A parameter declared `in: path` must appear in the path template, or no request can ever carry it.
 * @see https://spec.openapis.org/oas/v3.1.0#parameter-locations
 */
import type { Report, Rule } from '../types.ts';
import { templateVariables } from '../path-template.ts';

const rule: Rule = {
  id: 'path-param-unused',
  description: 'Every `in: path` parameter names a variable of its path template.',
  defaultSeverity: 'error',
  run({ spec }) {
    const reports: Report[] = [];
    const seen = new Set<string>();
    for (const op of spec.operations) {
      if (op.webhook) continue;
      const variables = new Set(templateVariables(op.path));
      for (const p of op.parameters) {
        const key = `${op.path}\0${p.pointer}`;
        if (p.in !== 'path' || variables.has(p.name) || seen.has(key)) continue;
        seen.add(key);
        reports.push({
          pointer: p.pointer,
          message: `Path parameter "${p.name}" is not in the path template "${op.path}".`,
        });
      }
    }
    return reports;
  },
};
export default rule;
