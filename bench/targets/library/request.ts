/**
 * Request validation of the library target against its contract: parameters (a path value that does not fit
 * is a 404: no such resource) and the body (415 for an undeclared media type, then 400, or 422 on /loans whose
 * contract says so). Two drifts validate less than the contract asks; they are decided here.
 */
import type { ErrorObject } from 'ajv';
import { coerce, deref, describeErrors } from './contract.ts';
import { ApiError, parseBody } from './http.ts';
import type { Ctx } from './store.ts';

/** The status of an invalid request on this operation. */
const invalidStatus = (ctx: Ctx) => (ctx.op.operationId === 'createLoan' ? 422 : 400);

const invalid = (ctx: Ctx, message: string) => new ApiError(invalidStatus(ctx), 'invalid_request', message);

/** Validates path, query and header parameters; returns the declared query values read as their types. */
export function readParams(ctx: Ctx, doc: any): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const p of ctx.op.params) {
    if (p.in === 'path') {
      if (!p.validate(ctx.params[p.name])) throw new ApiError(404, 'not_found', `No resource ${ctx.params[p.name]}.`);
      continue;
    }
    const all = p.in === 'query' ? ctx.rawQuery.getAll(p.name) : headerValues(ctx, p.name);
    if (all.length > 1) throw invalid(ctx, `${p.name}: must be given at most once`);
    const raw = all[0];
    // A missing If-Match is the handler's to answer (428 Precondition Required), not a 400.
    if (raw === undefined) {
      if (p.required && p.name.toLowerCase() !== 'if-match') throw invalid(ctx, `${p.name}: is required`);
      continue;
    }
    const value = p.in === 'query' ? coerce(raw, deref(doc, p.schema)?.type) : raw;
    if (!p.validate(value)) throw invalid(ctx, describeErrors(p.name, p.validate.errors));
    if (p.in === 'query') query[p.name] = value;
  }
  return query;
}

function headerValues(ctx: Ctx, name: string): string[] {
  const v = ctx.headers[name.toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? [v.join(', ')] : [v];
}

/** Body errors a drift lets through: all inside `days` (loans), or all inside an `entries` item (reading lists). */
function tolerated(ctx: Ctx, errors: readonly ErrorObject[]): boolean {
  const all = (ok: (path: string) => boolean) => errors.length > 0 && errors.every((e) => ok(e.instancePath));
  if (ctx.op.operationId === 'createLoan' && ctx.drift('loan-branch-days')) return all((p) => p === '/days');
  if (ctx.op.operationId === 'createReadingList' && ctx.drift('reading-list-nested'))
    return all((p) => /^\/entries\/\d+\//.test(p));
  return false;
}

/** Reads, parses and validates the body of an operation that declares one; sets `ctx.body` and `ctx.files`. */
export async function readBodyOf(ctx: Ctx, raw: Buffer | null, doc: any): Promise<void> {
  const spec = ctx.op.body;
  if (!spec) return;
  if (raw === null) throw invalid(ctx, 'body: larger than 4 MiB');
  const contentType = ctx.headers['content-type'];
  if (raw.length === 0 && contentType === undefined) {
    if (spec.required) throw invalid(ctx, 'body: is required');
    return;
  }
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = spec.media[media];
  if (!declared) {
    const allowed = Object.keys(spec.media).join(', ');
    throw new ApiError(415, 'unsupported_media_type', `Send the body as ${allowed}.`);
  }
  let parsed: Awaited<ReturnType<typeof parseBody>>;
  try {
    parsed = await parseBody(raw, media, contentType!, declared.schema, doc);
  } catch {
    throw invalid(ctx, `body: not valid ${media}`);
  }
  if (!declared.validate(parsed.value) && !tolerated(ctx, declared.validate.errors ?? []))
    throw invalid(ctx, describeErrors('body', declared.validate.errors));
  ctx.body = parsed.value;
  ctx.files = parsed.files;
}
