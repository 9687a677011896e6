/**
 * A readOnly property listed in `required` of a schema used only in request bodies: clients must not send
 * readOnly values, so the requirement can never be met. Schemas shared with responses are fine: there
 * "required" applies to the response only, which is the documented idiom.
 * @see https://spec.openapis.org/oas/v3.0.3#fixed-fields-19 (readOnly)
 */
import type { Json } from '../../types.ts';
import type { Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';
import { reach } from '../reach.ts';
import { mediaTypes } from '../sites.ts';

const rule: Rule = {
  id: 'read-only-required-in-request',
  description: 'No schema used only in request bodies requires a readOnly property.',
  defaultSeverity: 'warn',
  run(ctx) {
    const roots = {
      request: [] as Array<[string, Json | undefined]>,
      response: [] as Array<[string, Json | undefined]>,
    };
    for (const media of mediaTypes(ctx))
      roots[media.direction].push([joinPointer(media.pointer, 'schema'), media.object.schema]);
    if (roots.request.length === 0) return [];
    const requests = reach(ctx.spec, roots.request).objects;
    const responses = reach(ctx.spec, roots.response).objects;
    const reports: Report[] = [];
    for (const [node, pointer] of requests) {
      if (!isObject(node as Json) || responses.has(node)) continue;
      const schema = node as { required?: Json; properties?: Json };
      if (!Array.isArray(schema.required) || !isObject(schema.properties)) continue;
      const properties = schema.properties;
      schema.required.forEach((name, i) => {
        if (typeof name !== 'string') return;
        const property = ctx.spec.deref<Json>(properties[name]).value;
        if (isObject(property) && property.readOnly === true) {
          reports.push({
            pointer: joinPointer(pointer, 'required', i),
            message: `"${name}" is readOnly but required in a schema used only by request bodies; clients cannot send it.`,
          });
        }
      });
    }
    return reports;
  },
};
export default rule;
