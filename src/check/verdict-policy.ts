/**
 * When an answer speaks to a verdict at all. "Come back later" (429, or 503 with Retry-After once the back-off
 * is spent) says nothing about the request: no check judges it, the run counts it as inconclusive. A refusal
 * of a valid case that names an id or token the harness made up says the id is unknown, not that the input is
 * invalid: it is judged only when the value came from the live API (`Case.live`). The rules are data, shown
 * in report.md and summary.json, so a reader sees what decided.
 */
import type { Case, Exchange, Operation, VerdictRule } from '../types.ts';

/**
 * Checks whose verdict is about the request (was it valid, authorised, routed; is the status the API's
 * answer to it). A "come back later" answer speaks to none of them; the response's own shape (headers,
 * body, content type) is still the API's to document and stays judged.
 */
export const JUDGE_THE_REQUEST: ReadonlySet<string> = new Set([
  'not_a_server_error',
  'status_code_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'ignored_auth',
  'missing_required_header',
  'unsupported_method',
]);

/** Why no verdict on the request can be drawn (the answer is about load, not about the request), else undefined. */
export function inconclusiveWhy(exchange: Exchange): string | undefined {
  const r = exchange.response;
  if (!r) return undefined;
  if (r.status === 429) return 'inconclusive: 429 (rate limited after the back-off was spent)';
  if (r.status === 503 && r.headers['retry-after'] !== undefined)
    return 'inconclusive: 503 with Retry-After (overloaded after the back-off was spent)';
  return undefined;
}

/** Statuses a server documents for "no such id / token", whatever the rest of the input is. */
export const UNKNOWN_REFERENCE_STATUSES: readonly number[] = [400, 401, 403, 404, 422];

// Names of fields that refer to something that must already exist: ids, tokens, keys.
const REFERENCE_NAME = /(^|[_-])(id|ids|token|key|uuid)$|[a-z](Id|Ids|Token|Key|Uuid)$/;

/** The path parameters and top-level body/query fields of `c` that refer to things, by where they are. */
function referencesOf(c: Case, operation: Operation): Array<[where: string, name: string]> {
  const path = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const query = operation.parameters.filter((p) => p.in === 'query' && REFERENCE_NAME.test(p.name)).map((p) => p.name);
  const body =
    c.body !== null && typeof c.body === 'object' && !Array.isArray(c.body)
      ? Object.keys(c.body).filter((k) => REFERENCE_NAME.test(k))
      : [];
  return [
    ...path.map((n): [string, string] => ['path', n]),
    ...query.map((n): [string, string] => ['query', n]),
    ...body.map((n): [string, string] => ['body', n]),
  ];
}

/** The path parameters and top-level body/query fields of `c` that refer to things and were generated (not live). */
export function generatedReferences(c: Case, operation: Operation): string[] {
  const live = c.live ?? {};
  // Live keys are `in.name` (path.id, query.after, body.model); a bare name also counts.
  const isLive = (where: string, name: string) => `${where}.${name}` in live || name in live;
  return [...new Set(referencesOf(c, operation).flatMap(([w, n]) => (isLive(w, n) ? [] : [n])))];
}

/**
 * The fields of `c` that refer to other resources in its body or query (live or not): a documented 422 to a
 * valid case that names another resource may be that resource's state speaking (no e-book edition, already
 * lent, archived), which the request alone cannot show.
 */
export function referencedResources(c: Case, operation: Operation): string[] {
  return referencesOf(c, operation).flatMap(([w, n]) => (w === 'path' ? [] : [n]));
}

// Names of body fields that carry a secret an account must already have: a made-up one matches none.
const SECRET_NAME = /(^|[_-])(password|passwd|passphrase)$|[a-z]Password$/i;

/** The top-level body fields of `c` that carry a password and were generated (not live). */
export function generatedSecrets(c: Case): string[] {
  const body = c.body !== null && typeof c.body === 'object' && !Array.isArray(c.body) ? c.body : {};
  const live = c.live ?? {};
  return Object.keys(body).filter((k) => SECRET_NAME.test(k) && !(`body.${k}` in live) && !(k in live));
}

/** The rules that decide verdicts, as reports show them. */
export const VERDICT_POLICY: readonly VerdictRule[] = [
  {
    id: 'rate-limited',
    rule: `A 429, or a 503 with Retry-After, once the back-off is spent, is inconclusive: no verdict on the request (${[...JUDGE_THE_REQUEST].join(', ')}) is drawn from it and it is counted as inconclusive, never drift; its headers and body are still checked against the spec.`,
  },
  {
    id: 'generated-reference',
    rule: `A documented ${UNKNOWN_REFERENCE_STATUSES.join('/')} refusal of a schema-valid case whose path ids or id/token/key fields were generated is not "valid input rejected" (an unknown id is refused whatever the input); with a live value it is judged.`,
  },
  {
    id: 'state-dependent',
    rule: '409, and documented 402/410/412/423, answers to valid cases depend on server state and are not judged, nor is a documented 422 to a valid case whose body or query names another resource (its state may forbid the request); 401/403 are not judged when the operation needs credentials and none were sent, nor (documented) when the body carries a generated password.',
  },
  {
    id: 'one-fact-one-finding',
    rule: 'A 5xx is reported by not_a_server_error only; a valid case refused with an undocumented status by positive_data_acceptance only.',
  },
  {
    id: 'status-policy',
    rule: 'Which statuses mean accepted or rejected is the per-operation status policy (defaults, or run.policies in the config), listed under Coverage.',
  },
];
