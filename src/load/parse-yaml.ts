/**
 * YAML → value plus source offsets. We parse with js-yaml (about 5× faster than `yaml`'s document
 * composer on multi-megabyte specs, which is what lets `lint` beat Redocly) and recover positions from its
 * node open/close events, so a finding can still say file:line:col.
 */
import yaml from 'js-yaml';
import { HarnessError } from '../errors.ts';
import type { Json } from '../types.ts';

/** Offsets of a container's children: by key for mappings (value and key start), by index for sequences. */
export interface NodeOffsets {
  start: number;
  keys?: Map<string, { key: number; value: number }>;
  items?: number[];
}

interface Frame {
  start: number;
  children: Array<{ start: number; value: unknown; frame: Frame }>;
}

/** Parses YAML text; returns the value and a map from each object/array to its offsets. */
export function parseYaml(text: string, file: string): { value: Json; offsets: WeakMap<object, NodeOffsets> } {
  const offsets = new WeakMap<object, NodeOffsets>();
  const stack: Frame[] = [{ start: 0, children: [] }];
  const listener = (event: 'open' | 'close', state: { position: number; result: unknown }) => {
    if (event === 'open') {
      stack.push({ start: state.position, children: [] });
      return;
    }
    const frame = stack.pop()!;
    const parent = stack[stack.length - 1]!;
    const result = state.result;
    // js-yaml opens some nodes twice (a wrapper around the real node): collapse the wrapper.
    const only = frame.children.length === 1 ? frame.children[0]! : undefined;
    const real = only && only.value === result && only.start === frame.start ? only.frame : frame;
    if (result !== null && typeof result === 'object') record(result, real, offsets);
    parent.children.push({ start: real.start, value: result, frame: real });
  };
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, listener, filename: file, json: true });
  } catch (error) {
    throw yamlError(error, file);
  }
  return { value: (value ?? null) as Json, offsets };
}

function record(result: object, frame: Frame, offsets: WeakMap<object, NodeOffsets>): void {
  if (offsets.has(result)) return; // an alias: keep the anchor's position
  const entry: NodeOffsets = { start: frame.start };
  const kids = frame.children;
  if (Array.isArray(result)) {
    if (kids.length === result.length) entry.items = kids.map((k) => k.start);
  } else if (kids.length % 2 === 0) {
    entry.keys = new Map();
    for (let i = 0; i < kids.length; i += 2) {
      entry.keys.set(String(kids[i]!.value), { key: kids[i]!.start, value: kids[i + 1]!.start });
    }
  }
  offsets.set(result, entry);
}

function yamlError(error: unknown, file: string): HarnessError {
  if (error instanceof RangeError) {
    return new HarnessError('SPEC_PARSE', 'the document is nested too deeply to parse', file);
  }
  const e = error as { reason?: string; message?: string; mark?: { line: number; column: number } };
  const where = e.mark ? `${file}:${e.mark.line + 1}:${e.mark.column + 1}` : file;
  return new HarnessError('SPEC_PARSE', `not valid YAML or JSON: ${e.reason ?? e.message}`, where);
}
