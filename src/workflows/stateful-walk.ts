/**
 * One walk of a create → read → (replays) → delete → read chain. The create is, in order: the body the API
 * accepted during the run sent again, the chain's own example and valid cases (from a seed of their own, so
 * unique fields may differ from the run's), and, when the API refuses all of those, the newest resource the run
 * created (adopted: read and deleted, not re-sent). A chain that cannot start says what was tried and what the
 * run saw of that create, so "not accepted" never contradicts a 201 earlier in the run.
 */
import { escapeSegment } from '../json/pointer.ts';
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { requestPathTemplate } from '../load/operations.ts';
import { send } from '../send/index.ts';
import type { Case, CaseKind, Exchange, JsonObject, Operation, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import { interpolate } from './interpolate.ts';
import { responseContext } from './run-step.ts';
import type { Chain } from './stateful-plan.ts';
import type { StatefulOptions } from './stateful-run.ts';

/** Thrown inside a walk when the run's limit is reached. */
export class WalkStopped extends Error {}

const ok = (e: Exchange) => (e.response?.status ?? 0) >= 200 && (e.response?.status ?? 0) < 300;

export class ChainWalk {
  /** Every exchange of the walk; an adopted create comes first but was sent (and judged) by the run. */
  readonly exchanges: Exchange[] = [];
  readonly notes: string[] = [];
  /** The create the walk adopted from the run instead of sending one, if it did. */
  adopted: Exchange | undefined;
  /** True once a create was accepted and gave an id: the chain went on from there. */
  started = false;
  private readonly seed: number;

  constructor(
    private spec: Spec,
    private chain: Chain,
    private o: StatefulOptions,
    private dispatcher: Dispatcher,
    private validator: Validator,
  ) {
    this.seed = o.seed ?? 0;
  }

  /** Requests this walk sent itself. */
  get sent(): number {
    return this.exchanges.length - (this.adopted ? 1 : 0);
  }

  async run(): Promise<void> {
    const created = await this.create();
    if (!created) return;
    const id = interpolate(this.chain.idFrom, responseContext({}, created.case, created));
    if (typeof id !== 'string' && typeof id !== 'number')
      return void this.notes.push(`${this.chain.idFrom} gave no id`);
    this.started = true;
    const { read, delete: del } = this.chain;
    if (read) await this.send(this.item(read, String(id)), read);
    // Replaying an adopted create's key could meet the key's expiry, not the API's idempotency.
    if (this.chain.idempotencyHeader && !this.adopted) await this.replays(created);
    if (!del) return;
    const gone = await this.send(this.item(del, String(id)), del);
    if (read && ok(gone)) await this.send(this.item(read, String(id)), read);
  }

  private cases(op: Operation, kind: CaseKind, count: number): Case[] {
    try {
      const r = this.o.generateCases!(this.spec, op, { kind, count, seed: this.seed, validator: this.validator });
      return Array.isArray(r) ? r : r.cases;
    } catch {
      return [];
    }
  }

  /** Up to four creates until one is accepted, else the run's newest accepted create, else why not. */
  private async create(): Promise<Exchange | undefined> {
    const op = this.chain.create;
    const accepted = this.o.creates?.get(op.key) ?? [];
    const again = accepted.slice(-1).map((e) => ({ ...e.case, id: `stateful:${op.key}/again` }));
    const own = [...this.cases(op, 'example', 1), ...this.cases(op, 'positive', 3)];
    // The walk's own ids: a chain's request is told apart from the exploration's in every report.
    const candidates = [...again, ...own.map((c) => ({ ...c, id: `stateful:${c.id}` }))].slice(0, 4);
    const statuses: string[] = [];
    for (const c of candidates) {
      const header = this.chain.idempotencyHeader?.toLowerCase();
      const key = `specgate-${randomBytes(8).toString('hex')}`;
      const e = await this.send(header ? { ...c, headers: { ...c.headers, [header]: key } } : c, op);
      if (ok(e)) return e;
      statuses.push(String(e.response?.status ?? e.error?.code ?? 'no answer'));
    }
    const tried = `${candidates.length} tried here (${statuses.join(', ') || 'none could be generated'})`;
    const newest = accepted.at(-1);
    if (newest) {
      this.adopted = newest;
      this.exchanges.unshift(newest);
      this.notes.push(`seeded by the run's accepted create ${newest.case.id} (${tried})`);
      return newest;
    }
    const seen = this.o.seen?.(op.key);
    const run = seen
      ? `; before the chains the run sent it ${seen.requests} request(s) (statuses: ${seen.statuses.join(', ') || 'none'})`
      : '';
    this.notes.push(`no create of ${op.key} was accepted: ${tried}${run}`);
    return undefined;
  }

  private item(op: Operation, id: string): Case {
    const base = this.cases(op, 'positive', 1)[0];
    const path = requestPathTemplate(op.path).split(`{${this.chain.idParam}}`).join(encodeURIComponent(id));
    const c: Case = base ?? {
      id: '',
      operation: op.key,
      kind: 'positive',
      method: op.method.toUpperCase(),
      path,
      query: '',
      headers: {},
      cookies: {},
      seed: this.seed,
    };
    return { ...c, id: `stateful:${op.key}/${this.exchanges.length}`, path };
  }

  /** Same key and body again; then the same key with a different, still valid body. */
  private async replays(created: Exchange): Promise<void> {
    const c = created.case;
    await this.send({ ...c, id: `${c.id}/replay` }, this.chain.create);
    const changed = this.changedBody(c.body);
    if (changed === undefined) return void this.notes.push('no valid different body to reuse the Idempotency-Key with');
    await this.send({ ...c, id: `${c.id}/reuse`, body: changed, bodyText: JSON.stringify(changed) }, this.chain.create);
  }

  /** The body with its first string property changed, if the result still validates. */
  private changedBody(body: unknown): unknown {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const pointer = this.bodySchemaPointer();
    for (const [k, v] of Object.entries(body)) {
      if (typeof v !== 'string') continue;
      const candidate = { ...body, [k]: v.length > 1 ? `${v.slice(0, -1)}${v.endsWith('x') ? 'y' : 'x'}` : `${v}x` };
      if (!pointer || this.validator.validate(pointer, candidate, 'request').length === 0) return candidate;
    }
    return undefined;
  }

  private bodySchemaPointer(): string | undefined {
    const op = this.chain.create;
    const rb = this.spec.deref<JsonObject>(op.object.requestBody, `${op.pointer}/requestBody`);
    const types = Object.keys((rb.value?.content ?? {}) as JsonObject);
    const type = types.find((t) => /json/i.test(t));
    return type ? `${rb.pointer}/content/${escapeSegment(type)}/schema` : undefined;
  }

  private async send(c: Case, op: Operation): Promise<Exchange> {
    if (this.o.stopped?.()) throw new WalkStopped();
    let authed: Case = { ...c, headers: { ...this.o.headers, ...c.headers } };
    if (this.o.authorize) authed = this.o.authorize(authed, op);
    const e = await send(authed, {
      dispatcher: this.dispatcher,
      baseUrl: this.o.baseUrl,
      timeoutMs: this.o.timeoutMs ?? 10_000,
      maxResponseBytes: 1024 * 1024,
    });
    this.exchanges.push(e);
    return e;
  }
}
