/**
 * Every security requirement names a scheme of `components.securitySchemes`.
 * @see https://spec.openapis.org/oas/v3.1.0#security-requirement-object
 */
import type { Json } from '../../types.ts';
import type { Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';

function check(list: Json | undefined, pointer: string, schemes: Set<string>, reports: Report[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((requirement, i) => {
    if (!isObject(requirement)) return;
    for (const name of Object.keys(requirement)) {
      if (!schemes.has(name))
        reports.push({
          pointer: joinPointer(pointer, i, name),
          message: `Security requirement names "${name}", which is not defined in components.securitySchemes${schemes.size ? ` (defined: ${[...schemes].join(', ')})` : ''}.`,
        });
    }
  });
}

const rule: Rule = {
  id: 'security-scheme-undefined',
  description: 'Every security requirement names a defined security scheme.',
  defaultSeverity: 'error',
  run({ spec }) {
    const components = spec.document.components;
    const defined =
      isObject(components) && isObject(components.securitySchemes) ? Object.keys(components.securitySchemes) : [];
    const schemes = new Set(defined);
    const reports: Report[] = [];
    check(spec.document.security, '/security', schemes, reports);
    for (const op of spec.operations) check(op.object.security, joinPointer(op.pointer, 'security'), schemes, reports);
    return reports;
  },
};
export default rule;
