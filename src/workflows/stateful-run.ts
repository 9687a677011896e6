/**
 * `runStateful`: walks each chain of `statefulPlan` against the API — create, read, (replay the create with
 * the same Idempotency-Key, then with a different valid body), delete, read again — and judges each chain's
 * exchanges with the stateful checks (`use_after_free`, `ensure_resource_availability`, `idempotency`).
 */
import { requestPathTemplate } from '../load/operations.ts';
import { randomBytes } from 'node:crypto';
import { Agent, type Dispatcher } from 'undici';
import type { Check, CheckContext } from '../check/check.ts';
import { CHECKS, runSequenceChecks, sequenceChecks } from '../check/index.ts';
import { generateCases as realGenerate } from '../generate/index.ts';
import { send } from '../send/index.ts';
import type { Case, CaseKind, Exchange, Finding, JsonObject, Operation, Spec } from '../types.ts';
import { createValidator, type Validator } from '../validate/index.ts';
import { interpolate } from './interpolate.ts';
import type { WorkflowTransport } from './run-state.ts';
import { responseContext } from './run-step.ts';
import { statefulPlan, type Chain } from './stateful-plan.ts';
import { escapeSegment } from '../json/pointer.ts';

/** The stateful checks, in report order. */
export const STATEFUL_CHECKS: readonly Check[] = sequenceChecks(CHECKS);

type Generate = (
  spec: Spec,
  op: Operation,
  o: { kind: CaseKind; count: number; seed: number; validator?: Validator },
) => Case[] | { cases: Case[] };

/** Options of `runStateful`. */
export interface StatefulOptions extends WorkflowTransport {
  generateCases?: Generate;
  /** Chains to walk (default: all of `statefulPlan(spec)`). */
  chains?: Chain[];
  /** Requests the walk may send in all; a chain that might not fit is not started (a half-walked chain says nothing). */
  maxRequests?: number;
}

/** The most requests one chain sends: up to four creates, read, replay and reuse, delete, read after delete. */
export const MAX_CHAIN_REQUESTS = 9;

/** What the walk produced; `notes` say why a chain stopped early (no verdict is not a pass). */
export interface StatefulResult {
  findings: Finding[];
  exchanges: Exchange[];
  chains: Array<{ collection: string; source: Chain['source']; exchanges: number; notes: string[] }>;
}

/** Walks every chain and judges it. */
export async function runStateful(spec: Spec, options: StatefulOptions): Promise<StatefulResult> {
  const dispatcher = options.dispatcher ?? new Agent({ connections: 2, pipelining: 1 });
  const validator = options.validator ?? createValidator(spec);
  const out: StatefulResult = { findings: [], exchanges: [], chains: [] };
  try {
    const chains = options.chains ?? statefulPlan(spec);
    for (const [i, chain] of chains.entries()) {
      if (options.maxRequests !== undefined && out.exchanges.length + MAX_CHAIN_REQUESTS > options.maxRequests) {
        for (const skipped of chains.slice(i))
          out.chains.push({
            collection: skipped.collection,
            source: skipped.source,
            exchanges: 0,
            notes: ['not walked: --max-requests would be passed'],
          });
        break;
      }
      const walk = new ChainWalk(spec, chain, options, dispatcher, validator);
      await walk.run();
      out.exchanges.push(...walk.exchanges);
      out.chains.push({
        collection: chain.collection,
        source: chain.source,
        exchanges: walk.exchanges.length,
        notes: walk.notes,
      });
      const ctx: CheckContext = {
        spec,
        validator,
        operation: chain.create,
        seed: options.seed ?? 0,
        policy: { rejected: [], accepted: [], source: 'stateful' },
        severity: 'error',
        maxResponseTimeMs: options.timeoutMs ?? 10_000,
      };
      out.findings.push(...runSequenceChecks(walk.exchanges, options.checks ?? STATEFUL_CHECKS, ctx).findings);
    }
  } finally {
    if (!options.dispatcher) await dispatcher.close().catch(() => undefined);
  }
  return out;
}

const ok = (e: Exchange) => (e.response?.status ?? 0) >= 200 && (e.response?.status ?? 0) < 300;

class ChainWalk {
  readonly exchanges: Exchange[] = [];
  readonly notes: string[] = [];
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

  async run(): Promise<void> {
    const created = await this.create();
    if (!created) return;
    const id = interpolate(this.chain.idFrom, responseContext({}, created.case, created));
    if (typeof id !== 'string' && typeof id !== 'number')
      return void this.notes.push(`${this.chain.idFrom} gave no id`);
    const { read, delete: del } = this.chain;
    if (read) await this.send(this.item(read, String(id)), read);
    if (this.chain.idempotencyHeader) await this.replays(created);
    if (!del) return;
    const gone = await this.send(this.item(del, String(id)), del);
    if (read && ok(gone)) await this.send(this.item(read, String(id)), read);
  }

  private cases(op: Operation, kind: CaseKind, count: number): Case[] {
    try {
      const r = (this.o.generateCases ?? realGenerate)(this.spec, op, {
        kind,
        count,
        seed: this.seed,
        validator: this.validator,
      });
      return Array.isArray(r) ? r : r.cases;
    } catch {
      return [];
    }
  }

  /** Examples first, then a few positive cases, until one is accepted. */
  private async create(): Promise<Exchange | undefined> {
    const op = this.chain.create;
    const candidates = [...this.cases(op, 'example', 1), ...this.cases(op, 'positive', 3)].slice(0, 4);
    for (const c of candidates) {
      const keyed = this.chain.idempotencyHeader
        ? {
            ...c,
            headers: {
              ...c.headers,
              [this.chain.idempotencyHeader.toLowerCase()]: `specgate-${randomBytes(8).toString('hex')}`,
            },
          }
        : c;
      const e = await this.send(keyed, op);
      if (ok(e)) return e;
    }
    this.notes.push(
      candidates.length
        ? `no create of ${op.key} was accepted (${candidates.length} tried)`
        : `no case could be generated for ${op.key}`,
    );
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
