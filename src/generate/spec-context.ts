/**
 * Binds the schema compiler to one Spec: `$ref` resolution through the loaded document, exactness checks
 * through the run's validator. One per spec (cached), so compiled arbitraries are shared by every operation.
 */
import type { Json, Spec } from '../types.ts';
import { createValidator, type Validator } from '../validate/index.ts';
import { createContext, type Charset, type CompileContext } from './context.ts';
import { valuePool } from './value-pool.ts';

/** The validator and compile contexts of one spec. */
export interface SpecGeneration {
  spec: Spec;
  validator: Validator;
  /** Compile context for request values with the given charset (strings in headers and paths are narrower). */
  context(charset: Charset): CompileContext;
}

const bySpec = new WeakMap<Spec, SpecGeneration>();

/** Resolves an internal `$ref` of the bundled document. */
export function resolver(spec: Spec): (ref: string) => Json | undefined {
  return (ref) => {
    if (!ref.startsWith('#')) return undefined;
    let pointer = ref.slice(1);
    try {
      pointer = decodeURIComponent(pointer);
    } catch {
      // a literal '%' that is not an escape: use the pointer as written
    }
    return spec.get(pointer);
  };
}

/** The (cached) generation bindings of a spec; pass `validator` to share the run's own. */
export function specGeneration(spec: Spec, validator?: Validator): SpecGeneration {
  const hit = bySpec.get(spec);
  if (hit && (!validator || hit.validator === validator)) return hit;
  const v = validator ?? createValidator(spec);
  const contexts = new Map<Charset, CompileContext>();
  const accepts = (schema: Json, value: unknown): boolean => v.validateSchema(schema, value, 'request').length === 0;
  const made: SpecGeneration = {
    spec,
    validator: v,
    context(charset) {
      let ctx = contexts.get(charset);
      if (!ctx)
        contexts.set(
          charset,
          (ctx = createContext({ resolve: resolver(spec), accepts, line: spec.line, charset, pool: valuePool(spec) })),
        );
      return ctx;
    },
  };
  bySpec.set(spec, made);
  return made;
}
