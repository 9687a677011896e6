/**
 * A parameters list names each (name, in) pair once; header names compare case-insensitively.
 * @see https://spec.openapis.org/oas/v3.1.0#fixed-fields-7 ("The list MUST NOT include duplicated parameters")
 */
import type { Json } from '../../types.ts';
import type { LintContext, Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';

function duplicates(ctx: LintContext, list: Json | undefined, pointer: string, reports: Report[]): void {
  if (!Array.isArray(list)) return;
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    const { value } = ctx.spec.deref<Json>(raw, joinPointer(pointer, i));
    if (!isObject(value) || typeof value.name !== 'string' || typeof value.in !== 'string') return;
    const key = `${value.in}\0${value.in === 'header' ? value.name.toLowerCase() : value.name}`;
    if (seen.has(key))
      reports.push({
        pointer: joinPointer(pointer, i),
        message: `Parameter "${value.name}" (in ${value.in}) is declared twice in the same list.`,
      });
    seen.add(key);
  });
}

const rule: Rule = {
  id: 'parameter-duplicate',
  description: 'No parameters list declares the same name and location twice.',
  defaultSeverity: 'error',
  run(ctx) {
    const reports: Report[] = [];
    const items = new Set<string>();
    for (const op of ctx.spec.operations) {
      duplicates(ctx, op.object.parameters, joinPointer(op.pointer, 'parameters'), reports);
      const itemPointer = op.pointer.slice(0, op.pointer.lastIndexOf('/'));
      if (items.has(itemPointer)) continue;
      items.add(itemPointer);
      const item = ctx.spec.get(itemPointer);
      if (isObject(item)) duplicates(ctx, item.parameters, joinPointer(itemPointer, 'parameters'), reports);
    }
    return reports;
  },
};
export default rule;
