/** `security-requirement-added` (breaking): A client that was authorised before is not any more: a security requirement was added or an alternative removed. */
import type { OperationRule } from '../types.ts';
import { securityChange } from './security.ts';

const rule: OperationRule = {
  id: 'security-requirement-added',
  kind: 'breaking',
  scope: 'operation',
  description:
    'A client that was authorised before is not any more: a security requirement was added or an alternative removed.',
  run: (ctx) => securityChange(ctx, 'tightened'),
};

export default rule;
