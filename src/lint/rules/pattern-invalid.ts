/**
 * Every `pattern` (and `patternProperties` key) is an ECMA-262 regular expression valid with the `u` flag,
 * which is how JSON Schema validators (ajv included) compile them.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3
 */
import type { Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';

function problem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    let plain = false;
    try {
      new RegExp(pattern);
      plain = true;
    } catch {
      // Invalid either way.
    }
    const message = (error as Error).message.replace(/^Invalid regular expression: /, '');
    return plain ? `${message} (it is only valid without the "u" flag, which JSON Schema validators use)` : message;
  }
}

const rule: Rule = {
  id: 'pattern-invalid',
  description: 'Every pattern is a valid ECMA-262 regular expression (unicode mode).',
  defaultSeverity: 'error',
  run(ctx) {
    const reports: Report[] = [];
    const cache = new Map<string, string | undefined>();
    const check = (pattern: string, pointer: string, what: string): void => {
      if (!cache.has(pattern)) cache.set(pattern, problem(pattern));
      const why = cache.get(pattern);
      if (why)
        reports.push({
          pointer,
          message: `${what} ${JSON.stringify(pattern)} is not a valid regular expression: ${why}.`,
        });
    };
    for (const { schema, pointer } of ctx.schemas()) {
      if (typeof schema.pattern === 'string') check(schema.pattern, joinPointer(pointer, 'pattern'), 'pattern');
      if (isObject(schema.patternProperties)) {
        for (const key of Object.keys(schema.patternProperties))
          check(key, joinPointer(pointer, 'patternProperties', key), 'patternProperties key');
      }
    }
    return reports;
  },
};
export default rule;
