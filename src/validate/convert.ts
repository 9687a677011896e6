/**
 * OpenAPI Schema Object → JSON Schema 2020-12, node by node, on a private copy of the document, so ajv can
 * compile any schema of any 3.x description with one dialect. The copy is made per direction because
 * `readOnly`/`writeOnly` change what `required` means in requests and responses.
 * @see https://spec.openapis.org/oas/v3.0.3#schema-object (nullable, boolean exclusive bounds)
 */
import type { Json, JsonObject, OpenApiLine } from '../types.ts';
import { unescapeSegment } from '../json/pointer.ts';

export type Direction = 'request' | 'response';

const JSON_TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'string', 'integer']);

/**
 * Rewrites one schema node in place (it belongs to the private copy). `resolve` follows `$ref`s in the copy.
 * Returns true when the node's own keywords moved down to `anyOf/1` (nullable without a type).
 */
export function convertNode(
  node: JsonObject,
  line: OpenApiLine,
  direction: Direction,
  resolve: (n: Json) => Json | undefined,
): boolean {
  if (typeof node.$ref === 'string' && line === '3.0') {
    // 3.0: siblings of $ref are ignored by the spec, so they must not constrain validation. One widens instead:
    // `nullable: true` beside a $ref is how many 3.0 specs say "or null", and servers send that null. Responses
    // honour it (rejecting the null would be a false positive); requests do not (a strict server may refuse it).
    const orNull = direction === 'response' && node.nullable === true;
    const ref = node.$ref;
    for (const key of Object.keys(node)) if (key !== '$ref') delete node[key];
    if (orNull) {
      delete node.$ref;
      node.anyOf = [{ $ref: ref }, { type: 'null' }];
    }
    return false;
  }
  // `$id`, `$schema` and anchors would change how refs resolve inside the bundle; refs are already absolute.
  delete node.$id;
  delete node.$schema;
  delete node.id;
  fixTypes(node);
  fixExclusiveBounds(node);
  fixRequired(node, direction, resolve);
  fixDiscriminator(node);
  return fixNullable(node);
}

/**
 * OpenAPI's `discriminator` names the branch of a `oneOf`/`anyOf` a value is meant to be. JSON Schema alone
 * lets `{petType: "Cat", bark: 5}` pass through the Dog branch; `if petType is "Cat" then Cat` makes the named
 * branch decide. Only branch `$ref`s are targets (implicit by schema name, or through `mapping`), so a parent
 * schema that its children `allOf` (the inheritance pattern, with no oneOf) never refers to itself.
 * @see https://spec.openapis.org/oas/v3.1.0#discriminator-object
 */
/** A discriminator `mapping` target as a `$ref`: a reference stays one, a bare schema name is a component's. */
export function mappingRef(target: string): string {
  return target.startsWith('#') || target.includes('/') ? target : `#/components/schemas/${target}`;
}

/** The schema name a `$ref` ends in (`#/components/schemas/Cat` → `Cat`), as the implicit mapping uses it. */
function schemaName(ref: string): string {
  const last = unescapeSegment(ref.slice(ref.lastIndexOf('/') + 1));
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a stray % is part of the name
  }
}

function fixDiscriminator(node: JsonObject): void {
  const d = node.discriminator;
  if (!d || typeof d !== 'object' || Array.isArray(d) || typeof d.propertyName !== 'string') return;
  const branches = [node.oneOf, node.anyOf].flatMap((list) => (Array.isArray(list) ? list : []));
  const refs = new Set(
    branches.flatMap((b) =>
      b && typeof b === 'object' && !Array.isArray(b) && typeof b.$ref === 'string' ? [b.$ref] : [],
    ),
  );
  const byValue = new Map<string, string>();
  for (const ref of refs) byValue.set(schemaName(ref), ref);
  const mapping = d.mapping && typeof d.mapping === 'object' && !Array.isArray(d.mapping) ? d.mapping : {};
  for (const [value, target] of Object.entries(mapping)) {
    if (typeof target !== 'string') continue;
    const ref = mappingRef(target);
    if (refs.has(ref)) byValue.set(value, ref);
  }
  if (byValue.size === 0) return;
  const p = d.propertyName;
  const rules = [...byValue].map(([value, ref]) => ({
    if: { properties: { [p]: { const: value } }, required: [p] },
    then: { $ref: ref },
  }));
  node.allOf = [...(Array.isArray(node.allOf) ? node.allOf : []), ...rules];
}

function fixTypes(node: JsonObject): void {
  // Swagger-era `type: file` and other non-JSON-Schema types would stop ajv from compiling anything.
  if (typeof node.type === 'string' && !JSON_TYPES.has(node.type)) delete node.type;
  if (Array.isArray(node.type)) {
    node.type = node.type.filter((t) => typeof t === 'string' && JSON_TYPES.has(t));
    if (node.type.length === 0) delete node.type;
  }
}

function fixExclusiveBounds(node: JsonObject): void {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof node[flag] !== 'boolean') continue;
    if (node[flag] === true && typeof node[bound] === 'number') {
      node[flag] = node[bound]!;
      delete node[bound];
    } else delete node[flag];
  }
}

/** `nullable: true` (3.0; ignored in 3.1 by the spec but written anyway) admits null. Lenient on purpose. */
function fixNullable(node: JsonObject): boolean {
  if (!('nullable' in node)) return false;
  const nullable = node.nullable === true;
  delete node.nullable;
  if (!nullable) return false;
  if (typeof node.type === 'string') node.type = [node.type, 'null'];
  else if (Array.isArray(node.type)) {
    if (!node.type.includes('null')) node.type.push('null');
  } else {
    // No type: the constraints may still exclude null (allOf/$ref), so allow null explicitly beside them.
    const rest: JsonObject = { ...node };
    for (const key of Object.keys(node)) delete node[key];
    node.anyOf = [{ type: 'null' }, rest];
    return true;
  }
  if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  return false;
}

function fixRequired(node: JsonObject, direction: Direction, resolve: (n: Json) => Json | undefined): void {
  if (!Array.isArray(node.required) || !node.properties || typeof node.properties !== 'object') return;
  const props = node.properties as JsonObject;
  const skip = direction === 'request' ? 'readOnly' : 'writeOnly';
  node.required = node.required.filter((name) => {
    const prop = resolve(props[String(name)]!);
    return !(prop && typeof prop === 'object' && !Array.isArray(prop) && prop[skip] === true);
  });
}
