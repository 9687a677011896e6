/**
 * Webhooks and callbacks in a plain run: when the target can reach the harness (a loopback target, or the
 * `--callback-url` the user gives), valid cases carry a receiver URL (one path per case) in their callback fields;
 * after the per-operation phase, deliveries are judged against the spec's `webhooks` (required headers such as a
 * signature, body schema), and an accepted request whose delivery never came within the timeout is a warning.
 */
import { callbackConformance } from '../check/suite-findings.ts';
import type { CaseSource, Prepared } from '../generate/case-source.ts';
import type { Case, Exchange, ReportedFinding, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import { callbackPointers, withCallbackUrl } from './callback-fields.ts';
import { deliverySignatureProblem, secretsIn } from './delivery-signature.ts';
import { startWebhookReceiver, type Delivery, type WebhookReceiver } from './receiver.ts';
import { judgeDelivery } from './validate-delivery.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A run's callback receiver. */
export interface CallbackRun {
  /** The case source with the receiver's URL in every valid case's callback fields. */
  wrap(source: CaseSource): CaseSource;
  /** Records an exchange: an accepted request that registered a callback URL expects a delivery. */
  observe(exchange: Exchange): void;
  /** Waits up to `timeoutMs` for the expected deliveries, then judges them (and says so); stops the receiver. */
  finish(validator: Validator, timeoutMs: number): Promise<{ findings: ReportedFinding[]; note: string }>;
}

/** Starts the receiver when the target can reach it, else undefined (nothing is rewritten). */
export async function startCallbackRun(
  spec: Spec,
  targetUrl: string,
  callbackUrl?: string,
): Promise<CallbackRun | undefined> {
  const given = callbackUrl ? new URL(callbackUrl) : undefined;
  if (!given && !LOOPBACK.has(new URL(targetUrl).hostname)) return undefined;
  const receiver = await startWebhookReceiver(given ? { port: Number(given.port || 80), host: '0.0.0.0' } : {});
  const base = (given?.href ?? receiver.url).replace(/\/$/, '');
  return callbackRun(spec, receiver, base);
}

function callbackRun(spec: Spec, receiver: WebhookReceiver, base: string): CallbackRun {
  const byTag = new Map<string, Case>();
  const expected = new Map<string, Exchange>();
  const secrets: string[] = [];
  let next = 0;
  const tagOf = (url: string): string | undefined => /\/c\/(\d+)$/.exec(new URL(url, 'http://x').pathname)?.[1];
  return {
    wrap: (source) => (planned, ask) => {
      const pointers = callbackPointers(spec, planned.operation);
      const rewrite = (prepared: Prepared): Prepared => {
        const cases = prepared.cases.map((c) => {
          const tag = String(next++);
          const out = withCallbackUrl(c, pointers, `${base}/c/${tag}`);
          if (out !== c) byTag.set(tag, out);
          return out;
        });
        return { ...prepared, cases };
      };
      // Synchronous sources stay synchronous: the scheduler treats a promise as cases made elsewhere.
      const ready = source(planned, ask); // later rounds pass what they ask for
      return ready instanceof Promise ? ready.then(rewrite) : rewrite(ready);
    },
    observe(ex) {
      const tag = ex.case.bodyText && /\/c\/(\d+)"/.exec(ex.case.bodyText)?.[1];
      const status = ex.response?.status ?? 0;
      if (status >= 200 && status < 300)
        secrets.push(...secretsIn(ex.response!.body).filter((x) => !secrets.includes(x)));
      if (tag && byTag.has(tag) && status >= 200 && status < 300) expected.set(tag, ex);
    },
    async finish(validator, timeoutMs) {
      const wanted = (d: Delivery) => expected.has(tagOf(d.path) ?? '');
      await receiver.waitFor(expected.size, timeoutMs, wanted);
      await receiver.close();
      const got = receiver.deliveries.filter(wanted);
      const findings = judgeAll({ spec, validator, secrets }, expected, got, tagOf, timeoutMs);
      const note = `callbacks: ${expected.size} accepted request(s) registered the receiver; ${got.length} delivery(ies) judged against the spec's webhooks${secrets.length > 0 ? ' (signatures verified)' : ''}`;
      return { findings, note };
    },
  };
}

/** One finding per (operation, cause), counting occurrences; undelivered callbacks warn, drifting ones are errors. */
function judgeAll(
  { spec, validator, secrets }: { spec: Spec; validator: Validator; secrets: readonly string[] },
  expected: ReadonlyMap<string, Exchange>,
  deliveries: readonly Delivery[],
  tagOf: (url: string) => string | undefined,
  timeoutMs: number,
): ReportedFinding[] {
  const found = new Map<string, ReportedFinding>();
  const add = (ex: Exchange, severity: 'warn' | 'error', cause: string, message: string): void => {
    const key = `${ex.case.operation}\n${cause}`;
    const had = found.get(key);
    if (had) return void (had.occurrences += 1);
    const c = ex.case;
    const id = callbackConformance.id;
    found.set(key, {
      checkId: id,
      severity,
      operation: c.operation,
      message,
      cause,
      seed: c.seed,
      caseId: c.id,
      exchange: ex,
      occurrences: 1,
    });
  };
  // Deliveries by tag once: matching every request against every delivery was quadratic (6 s after a 30-s run).
  const byTag = new Map<string, Delivery[]>();
  for (const d of deliveries) {
    const tag = tagOf(d.path);
    if (tag !== undefined) byTag.set(tag, [...(byTag.get(tag) ?? []), d]);
  }
  for (const [tag, ex] of expected) {
    const got = byTag.get(tag) ?? [];
    // No delivery within the wait is not drift: an async job may finish later than any fixed window. The note
    // counts requests against deliveries; only a delivery that arrives is judged.
    for (const d of got) {
      const verdict = judgeDelivery(spec, validator, d);
      const as = verdict.webhook ? `webhook ${verdict.webhook.path}` : 'webhook';
      const signed = deliverySignatureProblem(verdict.webhook, d, secrets, Math.floor(d.receivedAt / 1000));
      if (signed)
        verdict.problems.push({ pointer: verdict.webhook!.pointer, message: `signature does not verify (${signed})` });
      for (const p of verdict.problems)
        add(
          ex,
          'error',
          // The cause names the kind of problem; values (quoted text, the parenthesised detail)
          // stay in the message, so one cause is one finding however many deliveries show it.
          `${as}: ${p.message
            .replace(/"[^"]*"/g, '…')
            .replace(/\s*\(.*\)/g, '')
            .slice(0, 80)}`,
          `Delivery ${d.method} ${d.path} judged as ${as}: ${p.message}\nBody: ${d.body.slice(0, 300)}`,
        );
    }
  }
  return [...found.values()];
}
