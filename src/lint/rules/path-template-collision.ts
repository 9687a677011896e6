/**
 * Two templates that differ only in variable names (`/a/{x}`, `/a/{y}`) are the same path.
 * `/a/{x}` next to `/a/b` is fine: concrete segments take precedence.
 * @see https://spec.openapis.org/oas/v3.1.0#paths-object ("Templated paths with the same hierarchy but different templated names MUST NOT exist")
 */
import type { Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';
import { templateShape } from '../path-template.ts';

const rule: Rule = {
  id: 'path-template-collision',
  description: 'No two path templates differ only in the names of their variables.',
  defaultSeverity: 'error',
  run({ spec }) {
    const paths = spec.document.paths;
    if (!isObject(paths)) return [];
    const first = new Map<string, string>();
    const reports: Report[] = [];
    for (const path of Object.keys(paths)) {
      if (!path.startsWith('/')) continue;
      const shape = templateShape(path);
      const earlier = first.get(shape);
      if (earlier === undefined) first.set(shape, path);
      else
        reports.push({
          pointer: joinPointer('/paths', path),
          message: `Path "${path}" is the same path as "${earlier}" (only the variable names differ).`,
        });
    }
    return reports;
  },
};
export default rule;
