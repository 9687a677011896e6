/** Building Findings the same way in every check: operation, seed, case, exchange and spec location filled in. */
import {
  lineIsMeaningful,
  type Exchange,
  type Finding,
  type Json,
  type Severity,
  type SourceLocation,
  type Spec,
} from '../types.ts';
import type { CheckContext } from './check.ts';

/** What a check decides; the rest of the Finding comes from the context and the exchange. */
export interface FindingDraft {
  cause: string;
  message: string;
  /** Pointer into the bundled document that the finding is about (located with `spec.locate`). */
  pointer?: string;
  /** Overrides the configured severity (only ever downwards: a check may soften, never harden). */
  severity?: Exclude<Severity, 'off'>;
  instancePath?: string;
  schemaPath?: string;
  /** The instances of this cause (property paths, header names), so one cause is one finding. */
  details?: string[];
}

/** `warn` when either is `warn`: lets a check report a softer sub-case without overriding user config upwards. */
export function softer(a: Exclude<Severity, 'off'>, b: Exclude<Severity, 'off'> | undefined): Exclude<Severity, 'off'> {
  return a === 'warn' || b === 'warn' ? 'warn' : 'error';
}

/** A complete Finding for `checkId` from a draft. */
export function makeFinding(
  checkId: string,
  exchange: Exchange | undefined,
  ctx: CheckContext,
  draft: FindingDraft,
): Finding {
  const f: Finding = {
    checkId,
    severity: softer(ctx.severity, draft.severity),
    operation: ctx.operation.key,
    message: draft.message,
    cause: draft.cause,
    seed: ctx.seed,
  };
  if (ctx.operation.operationId !== undefined) f.operationId = ctx.operation.operationId;
  if (draft.instancePath !== undefined) f.instancePath = draft.instancePath;
  if (draft.schemaPath !== undefined) f.schemaPath = draft.schemaPath;
  if (draft.details && draft.details.length > 0) f.details = [...new Set(draft.details)];
  const pointer = draft.pointer ?? ctx.operation.pointer;
  f.specLocation = { ...locate(ctx.spec, pointer) };
  if (exchange) {
    f.caseId = exchange.case.id;
    f.exchange = exchange;
  }
  return f;
}

// A drift repeats on every request that shows it, each finding located again: locate each pointer once per spec.
const located = new WeakMap<Spec, Map<string, SourceLocation>>();

function locate(spec: Spec, pointer: string): SourceLocation {
  let bySpec = located.get(spec);
  if (!bySpec) located.set(spec, (bySpec = new Map()));
  let loc = bySpec.get(pointer);
  if (!loc) bySpec.set(pointer, (loc = spec.locate(pointer)));
  return loc;
}

/** `file:line:column` of a pointer, for messages; `file` alone where the line says nothing (minified spec). */
export function where(ctx: CheckContext, pointer: string): string {
  const loc = locate(ctx.spec, pointer);
  return lineIsMeaningful(loc) ? `${loc.file}:${loc.line}:${loc.column}` : `${loc.file}, minified`;
}

/** JSON type name of a value as JSON Schema names it (`integer` for whole numbers). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A value as short JSON text (for messages): at most `max` characters, cut with an ellipsis. */
export function excerpt(value: Json | unknown, max = 80): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** An instance path with array indices replaced by `*`, so causes stay stable across generated data. */
export function stablePath(instancePath: string): string {
  return instancePath.replace(/\/\d+(?=\/|$)/g, '/*');
}

/** Raw text cut at `max` characters, on one line, for quoting response bodies in messages. */
export function clip(text: string, max = 300): string {
  const one = text.replace(/\s*\n\s*/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** A status list with runs collapsed (`200–299, 404`), so policies stay readable. */
export function formatStatuses(statuses: readonly number[]): string {
  const sorted = [...new Set(statuses)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}
