/**
 * The one validator of a run: ajv (JSON Schema 2020-12) over a converted copy of the bundled document,
 * each schema compiled once and cached by its pointer. Never throws: a schema ajv cannot compile is
 * recorded (see `compileProblem`) and validates nothing, so it cannot produce false findings.
 */
import type { Json, JsonObject, Spec } from '../types.ts';
import { walkSchemas } from '../load/walk-schemas.ts';
import type { Direction } from './convert.ts';
import { Side } from './side.ts';

export type { Direction } from './convert.ts';

/** One validation error, with ajv's pointers passed through verbatim. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

export interface Validator {
  /** Validates `value` against the Schema Object at `pointer` of `spec.document`. */
  validate(pointer: string, value: unknown, direction: Direction): SchemaError[];
  /** Validates against a schema object: one of the document's (by identity) or a fresh one whose refs point into it. */
  validateSchema(schema: Json, value: unknown, direction: Direction): SchemaError[];
  /** Why the schema at `pointer` could not be compiled, if it could not. */
  compileProblem(pointer: string, direction?: Direction): string | undefined;
}

/** Creates the validator for one spec (one per run); `walked` = the output of `walkSchemas(spec)`, if known. */
export function createValidator(
  spec: Spec,
  walked?: ReadonlyArray<{ schema: JsonObject; pointer: string }>,
): Validator {
  const pointerOf = new WeakMap<object, string>();
  const schemas: Array<[JsonObject, string]> = [];
  const add = (schema: JsonObject, pointer: string) => {
    if (!pointerOf.has(schema)) pointerOf.set(schema, pointer);
    schemas.push([schema, pointer]);
  };
  // Callers that already walked the schemas (lint) pass the result instead of paying for a second walk.
  if (walked) for (const { schema, pointer } of walked) add(schema, pointer);
  else walkSchemas(spec, add);
  const sides = new Map<Direction, Side>();
  const side = (direction: Direction): Side => {
    let s = sides.get(direction);
    if (!s) sides.set(direction, (s = new Side(spec, schemas, direction)));
    return s;
  };
  const fresh = new WeakMap<object, Map<Direction, string>>();
  let freshCount = 0;
  return {
    validate: (pointer, value, direction) => side(direction).validate(pointer, value),
    compileProblem: (pointer, direction = 'response') => side(direction).problem(pointer),
    validateSchema(schema, value, direction) {
      if (typeof schema === 'boolean')
        return schema
          ? []
          : [
              {
                instancePath: '',
                schemaPath: '#',
                keyword: 'false schema',
                message: 'no value is allowed',
                params: {},
              },
            ];
      if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [];
      const known = pointerOf.get(schema);
      if (known !== undefined) return side(direction).validate(known, value);
      let byDir = fresh.get(schema);
      if (!byDir) fresh.set(schema, (byDir = new Map()));
      let id = byDir.get(direction);
      if (!id) byDir.set(direction, (id = side(direction).addFresh(schema, ++freshCount)));
      return side(direction).validate(id, value);
    },
  };
}
