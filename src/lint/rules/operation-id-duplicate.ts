/**
 * operationIds are unique across the whole description.
 * @see https://spec.openapis.org/oas/v3.1.0#fixed-fields-7 ("The id MUST be unique among all operations")
 */
import type { Operation } from '../../types.ts';
import type { Report, Rule } from '../types.ts';
import { joinPointer } from '../../json/pointer.ts';

const rule: Rule = {
  id: 'operation-id-duplicate',
  description: 'No two operations share an operationId.',
  defaultSeverity: 'error',
  run({ spec }) {
    const first = new Map<string, Operation>();
    const reports: Report[] = [];
    for (const op of spec.operations) {
      const id = op.object.operationId;
      if (typeof id !== 'string' || id === '') continue;
      const earlier = first.get(id);
      if (!earlier) first.set(id, op);
      else
        reports.push({
          pointer: joinPointer(op.pointer, 'operationId'),
          message: `operationId "${id}" of ${op.key} is already used by ${earlier.key}.`,
        });
    }
    return reports;
  },
};
export default rule;
