/**
 * The load stage: a path, URL or text → a bundled, position-aware `Spec`.
 * Hostile input (empty, binary, invalid UTF-8, alias bombs, huge or deeply nested documents, `$ref` loops,
 * missing targets) ends in a `HarnessError` with a location, in bounded time and memory.
 */
import { HarnessError } from '../errors.ts';
import type { JsonObject, Spec } from '../types.ts';
import { bundle, checkExpansion } from './bundle.ts';
import { DEFAULT_READ_OPTIONS, displayName, readSource, toUri, type ReadOptions } from './read-source.ts';
import { parseSourceFile, type SourceFile } from './source-file.ts';
import { createSpec } from './spec.ts';

export interface LoadOptions extends Partial<ReadOptions> {
  /** Directory relative paths are resolved against (default: process working directory). */
  cwd?: string;
}

/** Loads a description from a file path or http(s) URL, following external `$ref`s. */
export async function loadSpec(source: string, options: LoadOptions = {}): Promise<Spec> {
  const cwd = options.cwd ?? process.cwd();
  const read: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options };
  const rootUri = toUri(source, cwd);
  const bytes: Uint8Array[] = []; // in load order, for the spec's sha256
  const loadFile = async (uri: string, from: string): Promise<SourceFile> => {
    const name = displayName(uri, cwd);
    let result;
    try {
      result = await readSource(uri, name, read);
    } catch (error) {
      // A file named by a $ref: say which $ref, since that is what the user must fix.
      if (error instanceof HarnessError && from)
        throw new HarnessError('REF_UNRESOLVED', `$ref target ${name}: ${error.message}`, from);
      throw error;
    }
    const file = parseSourceFile(uri, result.text);
    checkExpansion(file);
    bytes.push(result.bytes);
    return file;
  };
  try {
    const root = await loadFile(rootUri, '');
    const bundled = await bundle(root, loadFile);
    const fileNames = bundled.files.map((f) => displayName(f.uri, cwd));
    return createSpec(source, bundled, fileNames, bytes);
  } catch (error) {
    throw relocate(error, cwd);
  }
}

/** Parsing and bundling name places by file URI; users read paths relative to where they ran specgate. */
function relocate(error: unknown, cwd: string): unknown {
  if (!(error instanceof HarnessError) || !error.location?.startsWith('file:')) return error;
  const [, file = error.location, pos = ''] = /^(.*?)(:\d+:\d+)?$/.exec(error.location) ?? [];
  return new HarnessError(error.code, error.message, displayName(file, cwd) + pos, { cause: error });
}

/** Builds a Spec from text (JSON or YAML) without reading anything; external `$ref`s are not allowed. */
export function specFromText(text: string, source = 'inline.yaml'): Spec {
  const file = parseSourceFile(source, text);
  checkExpansion(file);
  const bundled = { document: file.value as never, files: [file] };
  return createSpec(source, bundled, [source], [new TextEncoder().encode(text)]);
}

/**
 * Rebuilds a Spec around an already loaded document (e.g. one posted to a worker thread): nothing is read or
 * parsed, so positions are unknown (line 0) and `sha256` covers no bytes. For consumers that only walk the
 * document, such as generation.
 */
export function specFromDocument(document: JsonObject, source: string): Spec {
  const file = { uri: source, text: '', value: document, locate: () => ({ line: 0, column: 0 }) };
  return createSpec(source, { document, files: [file] }, [source], []);
}

export { parsePointer, joinPointer, escapeSegment } from './pointer.ts';
export { walkSchemas, type SchemaVisitContext } from './walk-schemas.ts';
export { requestPathTemplate, templateMatches } from './operations.ts';
