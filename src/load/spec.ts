/** Builds the `Spec` value from bundled files: version, pointer resolution, source positions, operations. */
import { createHash } from 'node:crypto';
import { HarnessError } from '../errors.ts';
import type { Json, JsonObject, OpenApiLine, SourceLocation, Spec } from '../types.ts';
import { FILES_KEY, type Bundle } from './bundle.ts';
import { listOperations } from './operations.ts';
import { isObject } from '../json/is-object.ts';
import { joinPointer, parsePointer } from '../json/pointer.ts';

/** Creates the Spec for a bundle; `names` are the display names of the files (same order). */
export function createSpec(source: string, bundle: Bundle, names: string[], byteParts: Uint8Array[]): Spec {
  const { document } = bundle;
  const { version, line } = detectVersion(document, names[0] ?? source);
  const hash = createHash('sha256');
  for (const part of byteParts) hash.update(part);
  const { valueAt, deref } = resolver(document);
  return {
    source,
    version,
    line,
    document,
    sha256: hash.digest('hex'),
    files: names,
    locate: locator(bundle, names),
    deref,
    get: <T = Json>(pointer: string) => deref<T>(valueAt(parsePointer(pointer)) as Json, pointer).value,
    operations: listOperations(document, deref),
  };
}

/** Walks and `$ref` resolution inside the bundle: internal refs only; a cycle stops at the last node reached. */
function resolver(document: JsonObject): { valueAt: (segments: string[]) => Json | undefined; deref: Spec['deref'] } {
  // Every step of a walk goes through a `$ref` it meets, so a pointer reads the document as its users see it.
  const valueAt = (segments: string[]): Json | undefined => {
    let node: Json | undefined = document;
    for (const seg of segments) {
      node = deref(node).value;
      if (node === null || typeof node !== 'object') return undefined;
      node = Array.isArray(node) ? node[Number(seg)] : node[seg];
    }
    return node;
  };
  const deref: Spec['deref'] = (node, pointer = '') => {
    let current = node;
    let at = pointer;
    const seen = new Set<string>();
    while (isObject(current) && typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (!ref.startsWith('#') || seen.has(ref)) break;
      seen.add(ref);
      at = ref.slice(1);
      current = valueAt(parsePointer(at));
    }
    return { value: current as never, pointer: at };
  };
  return { valueAt, deref };
}

/** Maps a bundle pointer to its source position; pointers under `FILES_KEY/<n>` name the n-th external file. */
function locator(bundle: Bundle, names: string[]): (pointer: string) => SourceLocation {
  return (pointer) => {
    const segments = parsePointer(pointer);
    let fileIndex = 0;
    let inner = segments;
    if (segments[0] === FILES_KEY && segments.length >= 2) {
      fileIndex = Number(segments[1]);
      inner = segments.slice(2);
    }
    const file = bundle.files[fileIndex] ?? bundle.files[0]!;
    const pos = file.locate(inner);
    return {
      file: names[fileIndex] ?? file.uri,
      line: pos.line,
      column: pos.column,
      pointer: joinPointer('', ...inner),
    };
  };
}

function detectVersion(document: JsonObject, name: string): { version: string; line: OpenApiLine } {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new HarnessError(
      'SPEC_INVALID',
      'the document is not an object, so it cannot be an OpenAPI description',
      name,
    );
  }
  if (document.swagger !== undefined) {
    throw new HarnessError(
      'SPEC_UNSUPPORTED',
      `this is a Swagger ${String(document.swagger)} document; specgate reads OpenAPI 3.0, 3.1 and 3.2 (convert it first, e.g. with swagger2openapi)`,
      name,
    );
  }
  const version = typeof document.openapi === 'string' ? document.openapi : String(document.openapi ?? '');
  const match = /^3\.([012])(\.\d+)?(-.+)?$/.exec(version);
  if (!version || version === 'undefined') {
    throw new HarnessError(
      'SPEC_INVALID',
      'the document has no "openapi" field, so it is not an OpenAPI 3.x description',
      name,
    );
  }
  if (!match) {
    throw new HarnessError(
      'SPEC_UNSUPPORTED',
      `openapi version "${version}" is not supported; expected 3.0.x, 3.1.x or 3.2.x`,
      `${name}#/openapi`,
    );
  }
  return { version, line: `3.${match[1]}` as OpenApiLine };
}
