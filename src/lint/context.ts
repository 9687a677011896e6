/** Builds the LintContext: lazily cached views of a Spec that several rules share. */
import type { Json, Spec } from '../types.ts';
import { walkSchemas } from '../load/walk-schemas.ts';
import { createValidator, type Validator } from '../validate/index.ts';
import type { LintContext, RefSite, SchemaSite } from './types.ts';
import { escapeSegment, refTarget } from '../json/pointer.ts';
import { isObject } from '../json/is-object.ts';

/** Returns a context whose views are computed on first use and then reused by every rule. */
export function createLintContext(spec: Spec): LintContext {
  let schemas: SchemaSite[] | undefined;
  let validator: Validator | undefined;
  let refs: RefSite[] | undefined;
  const allSchemas = (): SchemaSite[] => {
    if (!schemas) {
      const found: SchemaSite[] = [];
      walkSchemas(spec, (schema, pointer, ctx) => found.push({ schema, pointer, in: ctx.in }));
      schemas = found;
    }
    return schemas;
  };
  return {
    spec,
    schemas: allSchemas,
    validator() {
      validator ??= createValidator(spec, allSchemas());
      return validator;
    },
    refs() {
      refs ??= collectRefs(spec.document);
      return refs;
    },
  };
}

/** One pass over the whole document collecting every object that has a string `$ref`. */
function collectRefs(root: Json): RefSite[] {
  const found: RefSite[] = [];
  const seen = new Set<object>();
  const visit = (node: Json, pointer: string): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i] as Json, `${pointer}/${i}`);
      return;
    }
    const ref = node.$ref;
    if (typeof ref === 'string') found.push({ pointer, node, target: refTarget(ref) });
    for (const key in node) {
      const child = node[key];
      if (isObject(child) || Array.isArray(child)) visit(child, `${pointer}/${escapeSegment(key)}`);
    }
  };
  visit(root, '');
  return found;
}
