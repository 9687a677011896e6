/**
 * What the run learns from the API between rounds: the live value pool (`generate/live-pool.ts`), the creates
 * it accepted (they seed the stateful chains), and the requests each operation already sent (a later round
 * never repeats one). Fed at each round's barrier in plan order and by case id, never in completion order, so
 * what the next round makes is the same whatever the number of workers.
 */
import { createHash } from 'node:crypto';
import { harvestAll, type LivePool } from './generate/live-pool.ts';
import type { OperationRun } from './plan/operation-run.ts';
import type { Case, Exchange } from './types.ts';

/** Accepted creates kept per operation (the newest): enough to seed a chain, bounded on long runs. */
const CREATES_KEPT = 3;

export class Feedback {
  /** Values the API handed out in 2xx answers so far. */
  live: LivePool = [];
  /** Accepted creates (2xx answers to POST) per operation key, newest last. */
  readonly creates = new Map<string, Exchange[]>();
  private readonly sent: Array<Set<string>>;

  constructor(operations: number) {
    this.sent = Array.from({ length: operations }, () => new Set());
  }

  /** The cases of operation `i` to queue: all of round 1, and of later rounds those it never sent. */
  unsent(i: number, cases: readonly Case[], round: number): Case[] {
    const sent = this.sent[i]!;
    return cases.filter((c) => {
      const key = requestKey(c);
      const repeat = sent.has(key);
      sent.add(key);
      return round === 1 || !repeat;
    });
  }

  /** The barrier: every exchange of the round feeds the pool and the creates; the slots drop their exchanges. */
  absorb(ops: OperationRun[]): void {
    const harvested: Array<[Exchange, string]> = [];
    for (const [i, op] of ops.entries()) {
      // An operation a round carried over (still behind a back-off) keeps its exchanges for its own end of round.
      if (op.phase !== 'done') continue;
      const byId = [...op.exchanges].sort((a, b) => (a.case.id < b.case.id ? -1 : a.case.id > b.case.id ? 1 : 0));
      for (const ex of byId) {
        harvested.push([ex, op.planned.operation.path]);
        const status = ex.response?.status ?? 0;
        if (ex.case.method.toUpperCase() !== 'POST' || status < 200 || status >= 300) continue;
        const key = op.planned.operation.key;
        this.creates.set(key, [...(this.creates.get(key) ?? []), ex].slice(-CREATES_KEPT));
      }
      if (op.exchanges.length > 0) ops[i] = { ...op, exchanges: [] };
    }
    this.live = harvestAll(this.live, harvested);
  }
}

/**
 * What a case sends (not its id or kind): two cases with the same key are the same request. The first 128 bits
 * of its SHA-256, as 16 one-byte characters, not the request: a long run remembers every request it sent, bodies
 * can be large, and two requests of one run sharing 128 bits of SHA-256 is not a risk worth a byte.
 */
export function requestKey(c: Case): string {
  const request = JSON.stringify([c.method, c.path, c.query, c.headers, c.cookies, c.bodyText ?? c.body]);
  return createHash('sha256').update(request).digest().toString('latin1', 0, 16);
}

/** A valid create refused with 409 that was not itself a fresh retry: worth one more try with fresh values. */
export function conflicted(e: Exchange): boolean {
  const c = e.case;
  return (
    e.response?.status === 409 && c.method.toUpperCase() === 'POST' && c.kind !== 'negative' && !c.id.endsWith('/fresh')
  );
}
