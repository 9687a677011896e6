/**
 * `specgate generate`: prints the requests a run would send, one JSON object a line, without sending any.
 * Everything else is src/generate.
 */
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError } from '../../errors.ts';
import { generate } from '../../generate/index.ts';
import { loadSpec } from '../../load/index.ts';
import type { Case, CaseKind, Operation } from '../../types.ts';
import { createValidator } from '../../validate/index.ts';
import type { Command, CommandIO } from '../command.ts';

const KINDS: CaseKind[] = ['example', 'boundary', 'positive', 'negative'];

const USAGE = `Usage: specgate generate [options]

Prints the requests specgate would send, one JSON object a line (nothing is sent):
  {"operation":"POST /v1/chat","operationId":"createChat","kind":"negative","method":"POST",
   "path":"/v1/chat","query":"","headers":{...},"cookies":{},"mediaType":"application/json",
   "body":{...},"violation":{"location":"body.max_tokens","keyword":"minimum","message":"-1 violates minimum 1"}}

Kinds, in the order a run sends them: example (the spec's own examples), boundary (valid edge values:
enum values, min/max, lengths at the limits, optional fields absent/present), positive (random valid
requests), negative (exactly one violation a server must reject, described in "violation").
The same seed always prints the same requests.

Options:
  --spec <file|url>       the description (default openapi.json)
  --operation <id>        one operation, by operationId or "METHOD /path" (default: all)
  --kind <kind>           example | boundary | positive | negative (default: all four)
  --count <n>             cases per operation and kind (default 10)
  --seed <n>              the seed (default: random, printed to stderr as "seed: N")

Operations or kinds that cannot be generated are listed on stderr with the reason ("problem: ...").
Exit codes: 0 printed, 2 bad usage or unusable spec.
`;

/**
 * Edits needed to find `needle` somewhere inside `hay` (Sellers' approximate substring distance), so
 * "embedings" is 1 away from "createEmbedding"; ties are broken by overall length difference.
 */
function distance(needle: string, hay: string): number {
  const row = new Array<number>(hay.length + 1).fill(0);
  for (let i = 1; i <= needle.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= hay.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (needle[i - 1] === hay[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return Math.min(...row) + Math.abs(hay.length - needle.length) / 1000;
}

/** The operations `selector` names (operationId or "METHOD /path"); a HarnessError with close matches if none. */
export function selectOperations(operations: Operation[], selector: string | undefined): Operation[] {
  if (!selector) return operations.filter((o) => !o.webhook);
  const norm = selector.trim().replace(/^(\w+)\s+/, (_m, method: string) => `${method.toUpperCase()} `);
  const found = operations.filter((o) => o.operationId === selector || o.key === norm);
  if (found.length > 0) return found;
  const names = operations.flatMap((o) => [o.key, ...(o.operationId ? [o.operationId] : [])]);
  const close = names
    .map((n) => [n, distance(selector.toLowerCase(), n.toLowerCase())] as const)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 5)
    .map(([n]) => `"${n}"`);
  throw new HarnessError(
    'UNKNOWN_OPERATION',
    `no operation "${selector}"; closest: ${close.join(', ') || '(the spec has no operations)'}`,
  );
}

/** The printed line of a case (bodyText only when it is not simply the JSON of body). */
export function caseLine(c: Case): string {
  const line: Record<string, unknown> = {
    operation: c.operation,
    operationId: c.operationId,
    kind: c.kind,
    id: c.id,
    method: c.method,
    path: c.path,
    query: c.query,
    headers: c.headers,
    cookies: c.cookies,
    mediaType: c.mediaType,
    body: c.body,
  };
  if (c.bodyText !== undefined && c.bodyText !== JSON.stringify(c.body)) line.bodyText = c.bodyText;
  if (c.violation) line.violation = c.violation;
  return JSON.stringify(line);
}

function parseCount(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new HarnessError('USAGE', `${flag} must be a non-negative integer, got "${text}"`);
  return n;
}

const command: Command = {
  name: 'generate',
  usage: USAGE,
  async run(argv: string[], io: CommandIO): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        spec: { type: 'string' },
        operation: { type: 'string' },
        kind: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
      },
    });
    const kinds = values.kind === undefined ? KINDS : KINDS.filter((k) => k === values.kind);
    if (kinds.length === 0)
      throw new HarnessError('USAGE', `--kind must be one of ${KINDS.join(', ')}, got "${values.kind}"`);
    const count = parseCount(values.count, '--count', 10);
    const given = parseCount(values.seed, '--seed', -1);
    const spec = await loadSpec(values.spec ?? resolve(io.cwd, 'openapi.json'), { cwd: io.cwd });
    const operations = selectOperations(spec.operations, values.operation);
    const seed = given >= 0 ? given : randomInt(0, 2 ** 31 - 1);
    if (given < 0) io.stderr(`seed: ${seed}\n`);
    const validator = createValidator(spec);
    for (const operation of operations) {
      for (const kind of kinds) {
        const result = generate(spec, operation, { kind, count, seed, validator });
        for (const c of result.cases) io.stdout(caseLine(c) + '\n');
        for (const p of result.problems) io.stderr(`problem: ${p.operation} ${p.kind}: ${p.reason}\n`);
      }
    }
    return 0;
  },
};

export default command;
