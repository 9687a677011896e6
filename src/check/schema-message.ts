/**
 * Turns ajv errors into diff-shaped findings: what was received at the instance path, what the schema
 * documents there, and where (`#/pointer (file:line:col)`), with a cause stable across generated data.
 */
import type { Json } from '../types.ts';
import type { SchemaError } from '../validate/index.ts';
import type { CheckContext } from './check.ts';
import { excerpt, jsonType, where } from './finding.ts';
import { stableInstancePath } from './documented-properties.ts';
import { resolveFrom } from './pointer.ts';
import { branchErrors, within } from './composite-branches.ts';
import { parsePointer, splitFragment, valueAt } from '../json/pointer.ts';

/** One schema violation, ready for `makeFinding`. */
export interface SchemaDrift {
  cause: string;
  message: string;
  pointer: string;
  instancePath: string;
  schemaPath: string;
  /** For properties not allowed: their names (one cause per object, however many extra properties it has). */
  details?: string[];
}

/**
 * Drops errors that explain a failing `oneOf`/`anyOf` (nested under it, or its branch errors through `$ref`s:
 * `branches`) and keeps them as its detail.
 */
export function collapseComposites(
  errors: SchemaError[],
  branches: ReadonlySet<SchemaError> = new Set(),
): Array<{ error: SchemaError; detail: SchemaError[] }> {
  const composites = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const nested = (e: SchemaError, c: SchemaError) => e.schemaPath.startsWith(c.schemaPath + '/');
  const out: Array<{ error: SchemaError; detail: SchemaError[] }> = [];
  for (const e of errors) {
    if (branches.has(e) || composites.some((c) => c !== e && nested(e, c))) continue;
    const explains = (d: SchemaError) => nested(d, e) || (branches.has(d) && within(d.instancePath, e.instancePath));
    const detail = composites.includes(e) ? errors.filter((d) => d !== e && explains(d)) : [];
    out.push({ error: e, detail });
  }
  return out;
}

/** The document pointer of the schema that owns the failing keyword (relative to `schemaPointer`, else absolute). */
export function keywordOwner(ctx: CheckContext, schemaPointer: string, schemaPath: string): string {
  const segments = splitFragment(schemaPath).slice(0, -1);
  const relative = resolveFrom(ctx.spec, schemaPointer, segments);
  if (relative) return relative.pointer;
  const absolute = segments.length > 0 ? resolveFrom(ctx.spec, '', segments) : undefined;
  return absolute ? absolute.pointer : schemaPointer;
}

function received(error: SchemaError, value: unknown, label: string): string {
  const p = error.params as Record<string, Json>;
  if (error.keyword === 'required') return `"${String(p.missingProperty)}" missing`;
  if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
    const name = String(p.additionalProperty ?? p.unevaluatedProperty);
    const v = (value as Record<string, unknown> | undefined)?.[name];
    return `"${name}": ${excerpt(v)} (${jsonType(v)})`;
  }
  return `${label}${excerpt(value)} (${jsonType(value)})`;
}

function documented(error: SchemaError): string {
  const p = error.params as Record<string, Json>;
  switch (error.keyword) {
    case 'type':
      return String(p.type);
    case 'required':
      return `required property "${String(p.missingProperty)}"`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'no other properties';
    case 'enum':
      return `one of ${excerpt(p.allowedValues, 200)}`;
    case 'const':
      return `const ${excerpt(p.allowedValue)}`;
    case 'format':
      return `format ${String(p.format)}`;
    default:
      return `${error.message ?? error.keyword} (${error.keyword})`;
  }
}

function cause(error: SchemaError, where: string, stable: (instancePath: string) => string): string {
  const p = error.params as Record<string, Json>;
  const path = `${where}${stable(error.instancePath)}`;
  if (error.keyword === 'required') return `${path}/${String(p.missingProperty)} missing`;
  if (extraProperty(error) !== undefined) return `${path} properties not allowed`;
  return `${path} ${error.keyword}`;
}

/** The name of a property an `additionalProperties`/`unevaluatedProperties: false` refuses, else undefined. */
function extraProperty(error: SchemaError): string | undefined {
  const p = error.params as Record<string, Json>;
  if (error.keyword !== 'additionalProperties' && error.keyword !== 'unevaluatedProperties') return undefined;
  return String(p.additionalProperty ?? p.unevaluatedProperty);
}

/** Another property refused on an object already reported: named in the same drift. */
function addExtra(drift: SchemaDrift, name: string): void {
  const details = (drift.details ??= []);
  if (details.includes(name)) return;
  details.push(name);
  const lines = drift.message.split('\n');
  lines[0] = `Received: ${details.length} properties not allowed: ${details.map((d) => `"${d}"`).join(', ')}`;
  drift.message = lines.join('\n');
}

/**
 * One SchemaDrift per reported ajv error. `where` names the thing validated in causes (`body`, `event`,
 * `header x-rate-limit`); `schemaPointer` is the pointer the validator was called with.
 */
export function describeSchemaErrors(
  ctx: CheckContext,
  schemaPointer: string,
  value: unknown,
  errors: SchemaError[],
  where_ = 'body',
): SchemaDrift[] {
  const seen = new Map<string, SchemaDrift>();
  const out: SchemaDrift[] = [];
  const stable = (path: string) => stableInstancePath(ctx.spec, schemaPointer, path);
  for (const { error, detail } of collapseComposites(errors, branchErrors(ctx, schemaPointer, value, errors))) {
    const c = cause(error, where_, stable);
    const extra = extraProperty(error);
    const earlier = seen.get(c);
    if (earlier) {
      if (extra !== undefined) addExtra(earlier, extra);
      continue;
    }
    const pointer = keywordOwner(ctx, schemaPointer, error.schemaPath);
    const segs = parsePointer(error.instancePath);
    const label = segs.length ? `"${segs[segs.length - 1]}": ` : `${where_}: `;
    const lines = [
      `Received: ${received(error, valueAt(value, error.instancePath), label)}`,
      `Documented: ${documented(error)} at #${pointer} (${where(ctx, pointer)})`,
      ...detail.slice(0, 3).map((d) => `  - ${d.instancePath || '/'} ${d.message ?? d.keyword} (${d.schemaPath})`),
    ];
    const drift: SchemaDrift = {
      cause: c,
      message: lines.join('\n'),
      pointer,
      instancePath: error.instancePath,
      schemaPath: error.schemaPath,
      ...(extra !== undefined ? { details: [extra] } : {}),
    };
    seen.set(c, drift);
    out.push(drift);
  }
  return out;
}
