/**
 * A target that answers every request with a random JSON body under a random documented-or-not status: the
 * worst case for the findings a run keeps, since nearly every answer drifts in a new way (random property
 * names, types and statuses), so one operation collects thousands of findings on a long run.
 * Seeded, so two builds measured with it meet the same answers in the same order (for one worker).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const STATUSES = [200, 200, 201, 400, 404, 422, 500];
const TYPES = [() => 'text', () => 42, () => 1.5, () => true, () => null, () => [1, 'two'], () => ({ nested: 'x' })];

/** A small deterministic generator (mulberry32): no dependency, same answers for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the target on 127.0.0.1 and a free port. */
export async function startRandomTarget(seed = 1): Promise<{ url: string; close(): Promise<void> }> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body: Record<string, unknown> = {};
      const keys = 1 + Math.floor(next() * 6);
      for (let k = 0; k < keys; k++) body[`field_${Math.floor(next() * 5000)}`] = pick(TYPES)();
      if (next() < 0.5) body.id = pick(TYPES)();
      res.writeHead(pick(STATUSES), { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
