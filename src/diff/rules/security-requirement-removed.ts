/** `security-requirement-removed` (non-breaking): The operation accepts more ways to authenticate (or none) than before. */
import type { OperationRule } from '../types.ts';
import { securityChange } from './security.ts';

const rule: OperationRule = {
  id: 'security-requirement-removed',
  kind: 'non-breaking',
  scope: 'operation',
  description: 'The operation accepts more ways to authenticate (or none) than before.',
  run: (ctx) => securityChange(ctx, 'relaxed'),
};

export default rule;
