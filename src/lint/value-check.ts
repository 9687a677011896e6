/**
 * Validates a literal value written in the document (an example, default or enum member) against the schema
 * it documents, and words the first error. Values are tried in the response direction and, for schemas used
 * on both sides, in the request direction too: readOnly/writeOnly fields make either one legitimately partial.
 */
import type { Json } from '../types.ts';
import type { LintContext, Report, SchemaSite } from './types.ts';
import { isObject } from '../json/is-object.ts';
import { shallowCheck } from './shallow-check.ts';
import { deepVerdict, type Verdict } from './deep-check.ts';

function resolveNode(ctx: LintContext) {
  return (node: Json) => {
    const target = ctx.spec.deref<Json>(node).value;
    return isObject(target) ? target : undefined;
  };
}

type Direction = 'request' | 'response';

/** shallowCheck's answer (an error string for the value itself) as a Verdict. */
function asVerdict(answer: string | null | undefined): Verdict {
  return typeof answer === 'string' ? { path: '', message: answer } : answer;
}

function directions(where: SchemaSite['in'] | Direction): Direction[] {
  if (where === 'request') return ['request', 'response'];
  return ['response', 'request'];
}

/** Validates `value` (found at `valuePointer`) against the schema at `schemaPointer`; a report or undefined. */
export function checkValue(
  ctx: LintContext,
  /** Pointer of the Schema Object in `spec.document`. */
  schemaPointer: string,
  value: Json,
  valuePointer: string,
  what: string,
  where: SchemaSite['in'] | Direction,
): Report | undefined {
  const schema = ctx.spec.get(schemaPointer);
  const resolve = resolveNode(ctx);
  // Certain verdicts skip ajv, whose compile of a large schema costs far more than judging one value.
  // Primitives go to shallowCheck alone (it accepts more keywords than deepVerdict, which defers on them).
  const verdict =
    value === null || typeof value !== 'object'
      ? isObject(schema)
        ? asVerdict(shallowCheck(schema, value, resolve))
        : undefined
      : deepVerdict(schema ?? true, value, resolve);
  if (verdict === null) return undefined;
  if (verdict) {
    const at = verdict.path ? `at ${verdict.path}: ` : '';
    return {
      pointer: valuePointer + verdict.path,
      message: `${what} does not match its schema: ${at}${verdict.message}.`,
    };
  }
  let first: Array<{ instancePath: string; message: string }> | undefined;
  for (const direction of directions(where)) {
    let errors;
    try {
      errors = ctx.validator().validate(schemaPointer, value, direction);
    } catch {
      return undefined; // A schema the validator cannot compile is another rule's finding, not this value's.
    }
    if (errors.length === 0) return undefined;
    first ??= errors;
    // Only a missing readOnly/writeOnly property can differ between directions; anything else needs no
    // second compile (which costs as much as the first on big schemas).
    if (!errors.some((e) => directionDependent(ctx, e))) break;
  }
  const [error] = first ?? [];
  if (!error) return undefined;
  const more = first!.length > 1 ? ` (and ${first!.length - 1} more)` : '';
  const at = error.instancePath ? `at ${error.instancePath}: ` : '';
  return {
    pointer: valuePointer + error.instancePath,
    message: `${what} does not match its schema: ${at}${error.message}${more}.`,
  };
}

/** True when the error is a missing required property that is readOnly or writeOnly (or cannot be told). */
function directionDependent(
  ctx: LintContext,
  error: { keyword: string; schemaPath: string; params: Record<string, unknown> },
): boolean {
  if (error.keyword !== 'required') return false;
  const missing = error.params.missingProperty;
  if (typeof missing !== 'string' || !error.schemaPath.startsWith('#/') || !error.schemaPath.endsWith('/required'))
    return true;
  const parent = ctx.spec.get(error.schemaPath.slice(1, -'/required'.length));
  if (!isObject(parent) || !isObject(parent.properties)) return true;
  const prop = ctx.spec.deref<Json>(parent.properties[missing]).value;
  return !isObject(prop) || prop.readOnly === true || prop.writeOnly === true;
}
