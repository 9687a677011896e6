/** The diff engine: pairs two Specs, runs every rule on every pair, and locates each change in both files. */
import type { Spec } from '../types.ts';
import { joinPointer } from '../json/pointer.ts';
import { compareSchemas, createPairCache, nextMark, type PairCache, type SchemaWalk } from './compare-schemas.ts';
import { matchOperations, normalizePath } from './match.ts';
import { operationContext, parameterSchema } from './operation-context.ts';
import { RULES } from './rules/index.ts';
import { unchangedPlaces } from './unchanged.ts';
import type {
  Change,
  ChangeKind,
  ChangeSite,
  Detail,
  DiffRule,
  DocumentContext,
  OperationContext,
  SchemaRule,
} from './types.ts';
import { applyVersionPolicy, DEFAULT_VERSION_PREFIX, majorVersions, type MajorVersions } from './version-policy.ts';

/** What `diffSpecs` may be told; every default in one place. */
export interface DiffOptions {
  /** Major-version path prefix (regex source); `''` turns the versioning promise off. */
  versionPrefix?: string;
  rules?: readonly DiffRule[];
}

/** Every change, worst first, plus the majors each side serves. */
export interface DiffResult {
  base: string;
  head: string;
  changes: Change[];
  majors: MajorVersions;
  counts: Record<ChangeKind, number>;
}

const KIND_ORDER: Record<ChangeKind, number> = { breaking: 0, 'non-breaking': 1, info: 2 };

interface Raw extends Detail {
  rule: DiffRule;
  operation: string;
}

/** Compares `base` with `head` and classifies every difference. Pure: reads only the two Specs. */
export function diffSpecs(base: Spec, head: Spec, options: DiffOptions = {}): DiffResult {
  const rules = options.rules ?? RULES;
  const source = options.versionPrefix ?? DEFAULT_VERSION_PREFIX;
  const pattern = source === '' ? undefined : new RegExp(source);
  const { removed, added, matched } = matchOperations(base.operations, head.operations);
  const raws: Raw[] = [];
  const doc: DocumentContext = {
    base,
    head,
    removed,
    added,
    matched,
    basePaths: new Set(base.operations.map((op) => normalizePath(op.path))),
    headPaths: new Set(head.operations.map((op) => normalizePath(op.path))),
  };
  for (const rule of rules)
    if (rule.scope === 'document')
      for (const d of rule.run(doc)) raws.push({ ...d, rule, operation: d.operation ?? '' });
  const unchanged = unchangedPlaces(base, head);
  const schemaRules = rules.filter((r): r is SchemaRule => r.scope === 'schema');
  const pairs = createPairCache();
  for (const pair of matched) {
    const ctx = operationContext(base, head, pair);
    for (const rule of rules)
      if (rule.scope === 'operation') for (const d of rule.run(ctx)) raws.push({ ...d, rule, operation: pair.key });
    walkOperationSchemas(ctx, schemaRules, raws, unchanged, pairs);
  }
  const majors = majorVersions(base.operations, head.operations, pattern);
  const place = { base: sites(base), head: sites(head) };
  const changes = dedupe(raws.map((raw) => classify(raw, majors, pattern))).map((c) => ({
    ...c,
    base: place.base(c.base),
    head: place.head(c.head),
  }));
  changes.sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.operation.localeCompare(b.operation) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
  const counts = { breaking: 0, 'non-breaking': 0, info: 0 };
  for (const c of changes) counts[c.kind]++;
  return { base: base.source, head: head.source, changes, majors, counts };
}

/** Runs the schema rules over parameters, request bodies, response bodies and response headers. */
function walkOperationSchemas(
  ctx: OperationContext,
  rules: SchemaRule[],
  raws: Raw[],
  unchanged: (pointer: string) => boolean,
  pairs: PairCache,
): void {
  const walk: SchemaWalk = {
    unchanged,
    base: ctx.base,
    head: ctx.head,
    rules,
    mark: nextMark(pairs),
    pairs,
    emit: (rule, details, operation) => details.forEach((d) => raws.push({ ...d, rule, operation })),
  };
  const request = ctx.requestReader;
  const response = request === 'request' ? 'response' : 'request';
  for (const m of ctx.parameters.matched) {
    const b = parameterSchema(m.base);
    const h = parameterSchema(m.head);
    if (b && h) compareSchemas(walk, ctx.key, request, `${m.head.in}.${m.head.name}`, b, h);
  }
  const many = ctx.requestMedia.matched.length > 1;
  for (const m of ctx.requestMedia.matched) {
    compareSchemas(walk, ctx.key, request, many ? `body (${m.key})` : 'body', mediaSchema(m.base), mediaSchema(m.head));
  }
  for (const media of ctx.responseMedia) {
    const several = media.matched.length > 1;
    for (const m of media.matched) {
      const where = `response ${media.status} body${several ? ` (${m.key})` : ''}`;
      compareSchemas(walk, ctx.key, response, where, mediaSchema(m.base), mediaSchema(m.head));
    }
  }
  for (const headers of ctx.responseHeaders) {
    for (const m of headers.matched) {
      const b = ctx.base.deref(m.base.node, m.base.pointer);
      const h = ctx.head.deref(m.head.node, m.head.pointer);
      const schema = (r: { value: unknown; pointer: string }) => ({
        node: (r.value as { schema?: never } | undefined)?.schema ?? null,
        pointer: joinPointer(r.pointer, 'schema'),
      });
      compareSchemas(walk, ctx.key, response, `response ${headers.status} header ${m.key}`, schema(b), schema(h));
    }
  }
}

function mediaSchema(media: { node: unknown; pointer: string }): { node: never; pointer: string } {
  const node = media.node as { schema?: never } | null;
  return {
    node: (node && typeof node === 'object' ? node.schema : undefined) ?? (null as never),
    pointer: joinPointer(media.pointer, 'schema'),
  };
}

/** A raw detail with the versioning promise applied; its sites still pointers (located after dedupe). */
type Classified = Omit<Change, 'base' | 'head'> & { base: string; head: string };

function classify(raw: Raw, majors: MajorVersions, pattern: RegExp | undefined): Classified {
  const path = raw.operation.slice(raw.operation.indexOf(' ') + 1);
  const { kind, message } = applyVersionPolicy({ kind: raw.rule.kind, message: raw.message }, path, majors, pattern);
  return { rule: raw.rule.id, kind, operation: raw.operation, message, base: raw.base, head: raw.head };
}

/** Locates pointers of one spec, each once: a shared component's change points at the same lines for every operation. */
function sites(spec: Spec): (pointer: string) => ChangeSite {
  const known = new Map<string, ChangeSite>();
  return (pointer) => {
    let site = known.get(pointer);
    if (!site) {
      const loc = spec.locate(pointer);
      known.set(pointer, (site = { file: loc.file, line: loc.line }));
    }
    return site;
  };
}

function dedupe(changes: Classified[]): Classified[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.rule}\u0000${c.operation}\u0000${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
