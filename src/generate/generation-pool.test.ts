/**
 * Laws of the generation thread: it makes exactly the cases the main thread makes (same seed, same cases, in
 * whichever thread), it never holds a run up while it starts unless asked to, and a closed or failed thread
 * hands generation back to the main thread instead of failing the run.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from './index.ts';
import { loadSpec } from '../load/index.ts';
import { buildPlan } from '../plan/index.ts';
import type { Spec, PlannedOperation } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { createGenerationPool } from './generation-pool.ts';
import { generateHere, kindsOf } from './prepare.ts';

const root = path.resolve(import.meta.dirname, '../..');
const BUDGET = { example: 3, boundary: 8, positive: 10, negative: 10 };

async function planned(file: string): Promise<{ spec: Spec; ops: PlannedOperation[] }> {
  const spec = await loadSpec(path.join(root, file));
  return { spec, ops: buildPlan(spec, { available: [], budget: BUDGET }, 7).operations };
}

// Structured cloning drops `undefined` properties; JSON equality states what actually goes on the wire.
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('generation thread', () => {
  it.each(['openapi.json', 'fixtures/schemas/requests-3.1.yaml', 'fixtures/run/echo-api.yaml'])(
    'makes exactly the cases the main thread makes: %s',
    async (file) => {
      const { spec, ops } = await planned(file);
      const validator = createValidator(spec);
      const pool = createGenerationPool(spec, ops, kindsOf, { always: true });
      try {
        for (const op of ops) {
          const there = await pool.casesFor(op)!;
          const here = generateHere(spec, op, generate, validator);
          expect(plain(there), op.operation.key).toEqual(plain(here));
        }
        expect(ops.length).toBeGreaterThan(0);
      } finally {
        await pool.close();
      }
    },
    60_000,
  );

  it('leaves generation to the caller while the thread starts, then takes over', async () => {
    const { spec, ops } = await planned('openapi.json');
    const pool = createGenerationPool(spec, ops, kindsOf);
    try {
      expect(pool.casesFor(ops[0]!)).toBeUndefined(); // the thread cannot have started yet: no wait
      let taken: Promise<unknown> | undefined;
      // Wait by time, not by a count of operations: a loaded machine starts the thread late.
      const deadline = Date.now() + 45_000;
      for (let i = 0; !taken && Date.now() < deadline; i++) {
        taken = pool.casesFor(ops[1 + (i % (ops.length - 1))]!);
        if (!taken) await new Promise((r) => setTimeout(r, 50));
      }
      expect(taken).toBeDefined();
      await expect(taken).resolves.toHaveLength(kindsOf(ops[0]!).length);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('after close, hands every operation back to the caller', async () => {
    const { spec, ops } = await planned('openapi.json');
    const pool = createGenerationPool(spec, ops, kindsOf, { always: true });
    const first = pool.casesFor(ops[0]!);
    await pool.close();
    await expect(first).rejects.toThrow(/closed/);
    expect(pool.casesFor(ops[1]!)).toBeUndefined();
  }, 30_000);
});
