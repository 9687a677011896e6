/**
 * `freshCase`: the same request with new values where a repeat conflicts (unique body fields, idempotency keys),
 * for the engine to send after a documented 409 on a create: a conflict means "try a fresh value", not "done".
 * Everything else the case carries (credentials, other parameters, the violation of a negative case) is kept.
 */
import type { Case, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import { freshened, freshToken } from './fresh.ts';
import { origins } from './generate.ts';
import { operationGen, renderCase, type Draft, type OperationGen, type RequestValue } from './request.ts';
import { specGeneration } from './spec-context.ts';

const indexOf = (c: Case): number => Number(c.id.slice(c.id.lastIndexOf('/') + 1)) || 0;

/** The case's request value as far as it can be read back without its origin: the body, and header parameters. */
function readBack(og: OperationGen, c: Case): RequestValue {
  const params: Record<string, unknown> = {};
  for (const p of og.model.parameters)
    if (p.in === 'header' && !p.contentType && c.headers[p.name] !== undefined)
      params[`header:${p.name}`] = c.headers[p.name];
  const media = og.model.body?.media.findIndex((m) => m.key === c.mediaType) ?? -1;
  return { params, ...(media >= 0 && c.body !== undefined ? { body: { media, value: c.body } } : {}) };
}

/**
 * Case `c` with fresh values (retry `attempt`, 1 and up: each gives other values, the same for the same seed).
 * A case generated in this process is rebuilt from its origin; any other (a copy given credentials, a case from
 * the generation thread) gets a fresh body and fresh header parameters. Returns `c` itself when nothing is to be
 * freshened, and for negative cases (their one violation must stay the only reason to refuse).
 */
export function freshCase(spec: Spec, c: Case, attempt = 1, validator?: Validator): Case {
  const origin = origins.get(c);
  const operation = spec.operations.find((o) => o.key === c.operation);
  const og = origin?.og ?? (operation ? operationGen(specGeneration(spec, validator), operation) : undefined);
  if (!og || c.violation) return c;
  const draft: Draft = origin?.draft ?? { value: readBack(og, c) };
  const index = indexOf(c);
  const value = freshened(og, draft.value, freshToken(c.seed, c.kind, index, attempt));
  if (value === draft.value) return c;
  const fresh = renderCase(og, { ...draft, value }, { kind: c.kind, index, seed: c.seed });
  if (!fresh) return c;
  const headers = { ...c.headers };
  for (const p of og.model.parameters)
    if (p.in === 'header' && fresh.headers[p.name] !== undefined) headers[p.name] = fresh.headers[p.name]!;
  const body = fresh.body === undefined ? {} : { body: fresh.body, bodyText: fresh.bodyText };
  const out: Case = { ...c, id: `${c.id}/fresh-${attempt}`, headers, ...body };
  if (origin) origins.set(out, { ...origin, draft: { ...draft, value } });
  return out;
}
