/**
 * Every component is used: reachable from a path, webhook or security requirement, directly or through other
 * components (refs from anywhere count, including discriminator mappings and bundled external files).
 * Documents without paths or webhooks are component libraries and are not checked.
 */
import type { Json } from '../../types.ts';
import type { Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer, parsePointer } from '../../json/pointer.ts';
import { reach } from '../reach.ts';

const KINDS = ['schemas', 'parameters', 'responses', 'requestBodies', 'headers', 'examples', 'securitySchemes'];

const rule: Rule = {
  id: 'component-unused',
  description: 'Every component (schema, parameter, response, request body, header, example, security scheme) is used.',
  defaultSeverity: 'warn',
  run(ctx) {
    const { document } = ctx.spec;
    const components = document.components;
    if (!isObject(components) || (!isObject(document.paths) && !isObject(document.webhooks))) return [];
    const roots = Object.entries(document).filter(([key]) => key !== 'components' && !key.startsWith('x-')) as Array<
      [string, Json]
    >;
    const { targets } = reach(
      ctx.spec,
      roots.map(([key, node]) => [joinPointer('', key), node]),
    );
    const used = new Set<string>();
    for (const target of targets) used.add(parsePointer(target).slice(0, 3).join('/'));
    for (const op of ctx.spec.operations)
      for (const req of op.security)
        for (const name of Object.keys(req)) used.add(`components/securitySchemes/${name}`);
    const anywhere = new Set(
      ctx.refs().flatMap((r) => (r.target ? [parsePointer(r.target).slice(0, 3).join('/')] : [])),
    );
    const reports: Report[] = [];
    for (const kind of KINDS) {
      const map = components[kind];
      if (!isObject(map)) continue;
      for (const name of Object.keys(map)) {
        const key = `components/${kind}/${name}`;
        if (used.has(key)) continue;
        const why = anywhere.has(key) ? 'is only referenced from unused components' : 'is never referenced';
        reports.push({
          pointer: joinPointer('/components', kind, name),
          message: `${kind.replace(/s$/, '')} "${name}" ${why}.`,
        });
      }
    }
    return reports;
  },
};
export default rule;
