/**
 * A run that poisons its target: after one of the run's own requests (maintenance switched on, an account
 * disabled, a quota spent) the answers of an operation, or of every write, flip to one uniform error. Those
 * answers say nothing about the spec; the request that flipped them does. Pure: decided over the run's log of
 * answers in sending order; the engine keeps the log and drops the poisoned answers' findings.
 */
import type { Exchange } from '../types.ts';

/**
 * Statuses a poisoned target answers with: unavailable, forbidden, payment required, locked, unauthorized. Not 429:
 * a rate limit clears with time, the back-off waits for it, and its answers are judged as documented behaviour.
 */
export const POISON_STATUSES: ReadonlySet<number> = new Set([401, 402, 403, 423, 503]);

/** One answer of the run, as the detection needs it. */
export interface Answer {
  /** Order in which the request was sent, and in which its answer came back (one counter for both). */
  sentAt: number;
  doneAt: number;
  operation: string;
  write: boolean;
  /** A switch operation (`PlannedOperation.switch`): the likeliest culprit. */
  switch: boolean;
  status: number;
  /** Status and body shape: answers with the same signature are "the same error". */
  signature: string;
  /** Kept for accepted writes only (the possible culprits). */
  exchange?: Exchange;
}

/** What the detection found: the request that flipped the answers, and which answers are poisoned. */
export interface Poisoning {
  culprit: Answer;
  signature: string;
  /** Only writes are poisoned (else every answer). */
  writesOnly: boolean;
  /** Answers sent at or after this point with `signature` are poisoned. */
  since: number;
  operations: string[];
}

/** The signature of an answer: its status and the shape (sorted keys, one level into objects) of a JSON body. */
export function signatureOf(exchange: Exchange): string {
  const r = exchange.response;
  if (!r) return 'no response';
  let shape = (r.headers['content-type'] ?? '').toString().split(';')[0]!;
  try {
    shape = shapeOf(JSON.parse(r.body));
  } catch {
    // not JSON: the media type stands for the shape
  }
  return `${r.status} ${shape}`;
}

function shapeOf(v: unknown, depth = 0): string {
  if (typeof v !== 'object' || v === null) return typeof v;
  if (Array.isArray(v)) return '[]';
  const keys = Object.keys(v).sort();
  if (depth > 0) return `{${keys.join(',')}}`;
  return `{${keys.map((k) => `${k}:${shapeOf((v as Record<string, unknown>)[k], 1)}`).join(',')}}`;
}

/** True when `answer` is one of the answers `p` poisoned. */
export function isPoisoned(p: Poisoning, answer: Pick<Answer, 'sentAt' | 'write' | 'signature'>): boolean {
  return answer.sentAt >= p.since && answer.signature === p.signature && (answer.write || !p.writesOnly);
}

/**
 * The uniform run at the end of `log` ending in `last`, if the answers flipped to it: at least three answers with
 * one error signature, and either operations that were accepted before it (two, or one five times), or a
 * switch operation's accepted request just before it.
 */
export function detectPoisoning(log: readonly Answer[], last: Answer): Poisoning | undefined {
  if (!POISON_STATUSES.has(last.status)) return undefined;
  const writesOnly = last.write;
  const sameClass = log.filter((a) => a.write || !writesOnly).sort((a, b) => a.sentAt - b.sentAt);
  const run = uniformSuffix(sameClass, last.signature);
  if (!run) return undefined;
  const { since, poisoned } = run;
  const ops = [...new Set(poisoned.map((a) => a.operation))];
  const before = sameClass.filter((a) => a.sentAt < since);
  // Flipped: the operation was accepted before (2xx). One that refused its valid cases from the start (and its
  // invalid ones with a 400) answers as it always did, whatever the run did in between.
  const flipped = ops.filter((op) => before.some((a) => a.operation === op && a.status >= 200 && a.status < 300));
  const culprit = culpritBefore(log, since);
  if (!culprit) return undefined;
  const byFlip = flipped.length >= 2 || (flipped.length === 1 && poisoned.length >= 5);
  if (!byFlip && !culprit.switch) return undefined;
  return { culprit, signature: last.signature, writesOnly, since, operations: ops };
}

/** The latest stretch where at least nine in ten answers have `signature`, from its first such answer. */
function uniformSuffix(answers: readonly Answer[], signature: string) {
  let same = 0;
  let other = 0;
  let start = -1;
  for (let i = answers.length - 1; i >= 0; i--) {
    if (answers[i]!.signature === signature) same++, (start = i);
    else if (++other > same / 10) break;
  }
  if (same < 3 || start < 0) return undefined;
  const poisoned = answers.slice(start).filter((a) => a.signature === signature);
  return { since: answers[start]!.sentAt, poisoned };
}

/** The accepted write sent before `since` that most likely flipped the target: a switch if one is close. */
function culpritBefore(log: readonly Answer[], since: number): Answer | undefined {
  const before = log.filter((a) => a.exchange && a.sentAt < since).sort((a, b) => b.doneAt - a.doneAt);
  const near = before.slice(0, 8);
  return near.find((a) => a.switch) ?? near[0];
}
