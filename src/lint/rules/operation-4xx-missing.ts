/**
 * Every operation documents at least one client error (a 4xx code, `4XX`, or `default`), so the error body a
 * client will meet has a documented shape. Webhooks are exempt: their responses are the receiver's business.
 */
import type { Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';

const rule: Rule = {
  id: 'operation-4xx-missing',
  description: 'Every operation documents at least one 4xx (or default) response.',
  defaultSeverity: 'warn',
  run({ spec }) {
    return spec.operations
      .filter((op) => !op.webhook && isObject(op.object.responses))
      .filter(
        (op) => !Object.keys(op.object.responses as object).some((s) => /^4(\d\d|XX)$/i.test(s) || s === 'default'),
      )
      .map((op) => ({
        pointer: joinPointer(op.pointer, 'responses'),
        message: `${op.key} documents no 4xx or default response.`,
      }));
  },
};
export default rule;
