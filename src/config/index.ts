/**
 * Loads `specgate.config.yaml` (or `.yml`/`.json`), validates it against `specgate.config.schema.json` at the
 * repository root, and reports the first problems with `file:line:col`. A missing default file is an empty config.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { HarnessError } from '../errors.ts';
import type { Config } from './types.ts';
import { parsePointer } from '../json/pointer.ts';

export type { Config } from './types.ts';

const require = createRequire(import.meta.url);
/** File names looked for in the working directory, in order. */
export const CONFIG_FILES = ['specgate.config.yaml', 'specgate.config.yml', 'specgate.config.json'];

let validateConfig: ReturnType<Ajv['compile']> | undefined;

function validator(): ReturnType<Ajv['compile']> {
  validateConfig ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(
    require('../../specgate.config.schema.json') as object,
  );
  return validateConfig;
}

/** Reads the config at `path`, or the first default file in `cwd`; returns `{}` when no default file exists. */
export function loadConfig(cwd: string, path?: string): { config: Config; file?: string } {
  const file = path ? resolve(cwd, path) : CONFIG_FILES.map((f) => resolve(cwd, f)).find((f) => existsSync(f));
  if (!file) return { config: {} };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new HarnessError('CONFIG_INVALID', `cannot read config file: ${(error as Error).message}`, path);
  }
  return { config: parseConfig(text, path ?? file), file };
}

/** Parses and validates config text; `name` is used in error locations. */
export function parseConfig(text: string, name: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number): string => {
    const pos = lines.linePos(offset);
    return `${name}:${pos.line}:${pos.col}`;
  };
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new HarnessError(
      'CONFIG_INVALID',
      `config is not valid YAML: ${first.message.split('\n')[0]}`,
      at(first.pos[0]),
    );
  }
  const value = (doc.toJS() ?? {}) as unknown;
  const validate = validator();
  if (validate(value)) return value as Config;
  const error = pickError(validate.errors ?? []);
  const path = parsePointer(error.instancePath);
  const extra =
    error.keyword === 'additionalProperties'
      ? String((error.params as { additionalProperty: string }).additionalProperty)
      : undefined;
  const node = doc.getIn(extra ? [...path, extra] : path, true);
  const keyNode = extra ? findKey(doc.getIn(path, true), extra) : undefined;
  const range = (isNode(keyNode) ? keyNode.range : undefined) ?? (isNode(node) ? node.range : undefined);
  const where = range ? at(range[0]) : name;
  throw new HarnessError('CONFIG_INVALID', describe(error, path, extra), where);
}

function findKey(map: unknown, key: string): unknown {
  const items = (map as { items?: Array<{ key: unknown }> } | undefined)?.items ?? [];
  return items.find((pair) => (pair.key as { value?: unknown } | undefined)?.value === key)?.key;
}

/** The most useful error: unknown keys first, then the deepest. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const useful = errors.filter((e) => e.keyword !== 'oneOf');
  const unknown = useful.find((e) => e.keyword === 'additionalProperties');
  return unknown ?? useful.sort((a, b) => b.instancePath.length - a.instancePath.length)[0] ?? errors[0]!;
}

function describe(error: ErrorObject, path: string[], extra: string | undefined): string {
  const where = path.length ? `"${path.join('.')}"` : 'the config';
  if (extra !== undefined) {
    const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
    const known = Object.keys(schema?.properties ?? {});
    return `unknown key "${extra}" in ${where}${known.length ? `; expected one of: ${known.join(', ')}` : ''}`;
  }
  if (error.keyword === 'enum')
    return `${where} must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}
