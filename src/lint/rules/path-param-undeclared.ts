/**
 * Every `{name}` of a path template is declared as a path parameter of each of its operations.
 * @see https://spec.openapis.org/oas/v3.1.0#path-templating
 */
import type { Report, Rule } from '../types.ts';
import { templateVariables } from '../path-template.ts';

const rule: Rule = {
  id: 'path-param-undeclared',
  description:
    'Each template variable of a path is declared as an `in: path` parameter by every operation of that path.',
  defaultSeverity: 'error',
  run({ spec }) {
    const reports: Report[] = [];
    for (const op of spec.operations) {
      if (op.webhook) continue;
      const declared = new Set(op.parameters.filter((p) => p.in === 'path').map((p) => p.name));
      for (const name of templateVariables(op.path)) {
        if (!declared.has(name))
          reports.push({
            pointer: op.pointer,
            message: `${op.key} does not declare path parameter "${name}" used in its path template.`,
          });
      }
    }
    return reports;
  },
};
export default rule;
