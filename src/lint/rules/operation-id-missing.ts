/** Every operation should have an `operationId`: reports, generated clients and `--include` refer to it. */
import type { Rule } from '../types.ts';

const rule: Rule = {
  id: 'operation-id-missing',
  description: 'Every operation has an operationId.',
  defaultSeverity: 'warn',
  run({ spec }) {
    return spec.operations
      .filter((op) => typeof op.object.operationId !== 'string' || op.object.operationId === '')
      .map((op) => ({ pointer: op.pointer, message: `${op.key} has no operationId.` }));
  },
};
export default rule;
