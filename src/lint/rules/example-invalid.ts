/**
 * Examples validate against the schema they illustrate: schema `example`/`examples`, and the `example`/`examples`
 * of JSON media types, parameters and headers. Examples of non-JSON media types are text and are not checked;
 * `externalValue` examples are not fetched.
 * @see https://spec.openapis.org/oas/v3.1.0#media-type-object ("The example object SHOULD be in the correct format as specified by the media type")
 */
import type { Json, JsonObject } from '../../types.ts';
import type { LintContext, Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';
import { isJson, mediaTypes } from '../sites.ts';
import { checkValue } from '../value-check.ts';

/** `example` and every `examples` entry of a media type, parameter or header, against its `schema`. */
function checkHolder(
  ctx: LintContext,
  holder: JsonObject,
  pointer: string,
  direction: 'request' | 'response',
  reports: Report[],
): void {
  if (!('schema' in holder)) return;
  const schema = joinPointer(pointer, 'schema');
  const push = (report: Report | undefined): void => void (report && reports.push(report));
  if ('example' in holder && holder.example !== undefined)
    push(checkValue(ctx, schema, holder.example, joinPointer(pointer, 'example'), 'example', direction));
  if (!isObject(holder.examples)) return;
  for (const [name, raw] of Object.entries(holder.examples)) {
    const { value, pointer: at } = ctx.spec.deref<Json>(raw, joinPointer(pointer, 'examples', name));
    if (!isObject(value)) continue;
    const key = 'dataValue' in value ? 'dataValue' : 'value';
    if (key in value) push(checkValue(ctx, schema, value[key]!, joinPointer(at, key), `example "${name}"`, direction));
  }
}

const rule: Rule = {
  id: 'example-invalid',
  description: 'Every example validates against the schema it illustrates.',
  defaultSeverity: 'error',
  run(ctx) {
    const reports: Report[] = [];
    for (const site of ctx.schemas()) {
      if ('example' in site.schema && site.schema.example !== undefined) {
        const r = checkValue(
          ctx,
          site.pointer,
          site.schema.example,
          joinPointer(site.pointer, 'example'),
          'example',
          site.in,
        );
        if (r) reports.push(r);
      }
      // In 3.1 schemas, `examples` is JSON Schema's array of values (in 3.0 it is not a schema keyword).
      if (ctx.spec.line !== '3.0' && Array.isArray(site.schema.examples)) {
        site.schema.examples.forEach((value, i) => {
          const r = checkValue(
            ctx,
            site.pointer,
            value,
            joinPointer(site.pointer, 'examples', i),
            `examples[${i}]`,
            site.in,
          );
          if (r) reports.push(r);
        });
      }
    }
    for (const media of mediaTypes(ctx)) {
      if (isJson(media.mediaType)) checkHolder(ctx, media.object, media.pointer, media.direction, reports);
    }
    const seen = new Set<string>();
    for (const op of ctx.spec.operations) {
      for (const p of op.parameters) {
        if (seen.has(p.pointer)) continue;
        seen.add(p.pointer);
        checkHolder(ctx, p.object, p.pointer, 'request', reports);
      }
    }
    return reports;
  },
};
export default rule;
