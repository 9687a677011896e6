/**
 * The document must validate against the official OpenAPI JSON Schema of its version.
 * @see https://spec.openapis.org/oas/v3.1.0#openapi-document
 */
import type { Rule } from '../types.ts';
import { officialValidator } from '../structure/official-schema.ts';
import { collapseErrors } from '../structure/collapse-errors.ts';
import { describeError } from '../structure/describe-error.ts';
import { parsePointer, valueAt } from '../../json/pointer.ts';
import type { ErrorObject } from 'ajv';
import type { Json, Spec } from '../../types.ts';

/** Copies the containers along `pointer` and puts `value` there, leaving `root` untouched. */
function replaceAt(root: Json, pointer: string, value: Json): Json {
  const path = parsePointer(pointer);
  const copy = (node: Json, depth: number): Json => {
    if (depth === path.length) return value;
    if (typeof node !== 'object' || node === null) return node;
    const key = path[depth]!;
    const clone: Json = Array.isArray(node) ? [...node] : { ...node };
    (clone as Record<string, Json>)[key] = copy((node as Record<string, Json>)[key] as Json, depth + 1);
    return clone;
  };
  return copy(root, 0);
}

/**
 * Validates, then substitutes `$ref`s the schema does not allow where they are (e.g. an Operation Object that is
 * a `$ref` to another file, which many toolchains resolve anywhere) with their targets and validates again, so a
 * tolerated shortcut yields no error while the referenced content still gets checked.
 */
function validateResolvingRefs(spec: Spec): { errors: ErrorObject[]; document: Json; moved: Map<string, string> } {
  const validate = officialValidator(spec.line);
  let document: Json = spec.document;
  const moved = new Map<string, string>();
  for (let round = 0; ; round++) {
    if (validate(document)) return { errors: [], document, moved };
    const errors = collapseErrors(validate.errors ?? []);
    const sites =
      round >= 4
        ? []
        : errors
            .filter(
              (e) =>
                (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') &&
                Object.values(e.params).includes('$ref'),
            )
            .map((e) => e.instancePath)
            .filter((p) => !moved.has(p));
    if (sites.length === 0) return { errors, document, moved };
    for (const site of sites) {
      const target = spec.deref<Json>(valueAt(document, site) as Json | undefined, site);
      if (target.value === undefined) continue;
      moved.set(site, target.pointer);
      document = replaceAt(document, site, target.value);
    }
  }
}

/** Maps a pointer of the substituted document back to the bundled document. */
function original(pointer: string, moved: Map<string, string>): string {
  let best = '';
  for (const site of moved.keys())
    if ((pointer === site || pointer.startsWith(site + '/')) && site.length > best.length) best = site;
  return best ? moved.get(best)! + pointer.slice(best.length) : pointer;
}

const rule: Rule = {
  id: 'spec-structure',
  description:
    'The document validates against the official OpenAPI JSON Schema (3.2: the 3.1 schema widened with 3.2 fields).',
  defaultSeverity: 'error',
  run({ spec }) {
    const { errors, document, moved } = validateResolvingRefs(spec);
    const seen = new Set<string>();
    const reports = [];
    for (const error of errors) {
      // Boolean exclusiveMinimum/Maximum in 3.1 is reported by `schema-3-0-keyword`, with a better message.
      if (spec.line !== '3.0' && error.keyword === 'type' && /\/exclusiveM(in|ax)imum$/.test(error.instancePath))
        continue;
      const found = describeError(error, (p) => valueAt(document, p) as Json | undefined);
      const issue = { ...found, pointer: original(found.pointer, moved) };
      const key = issue.pointer + '\0' + issue.message;
      if (seen.has(key)) continue;
      seen.add(key);
      reports.push(
        spec.line === '3.2'
          ? { ...issue, message: issue.message + ' (3.2 is checked against the 3.1 schema plus 3.2 fields)' }
          : issue,
      );
    }
    return reports;
  },
};
export default rule;
