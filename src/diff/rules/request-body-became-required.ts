/** `request-body-became-required` (breaking): A request body is now required where it was optional or absent. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'request-body-became-required',
  kind: 'breaking',
  scope: 'operation',
  description: 'A request body is now required where it was optional or absent.',
  run: (ctx) => {
    const { base, head, baseRequired, headRequired } = ctx.requestBody;
    if (!head || !headRequired || (base && baseRequired)) return [];
    const message = base ? 'request body became required' : 'required request body added';
    return [{ message, base: base?.pointer ?? ctx.pair.base.pointer, head: head.pointer }];
  },
};

export default rule;
