/**
 * What generated values reach: per spec, the share of documented enum values and examples of each operation's
 * request that some case sends, the longest array sent, and how many cases carry NUL, other control
 * characters, non-ASCII text, integers beyond 2^53 and extreme numbers. Plan-sized budgets (example 3,
 * boundary 6, positive 6, negative 8) and a deeper positive budget (`--deep 100`).
 * Run: `node --import tsx bench/generate-coverage.ts [--seed 1] [--deep 100] [spec...]`
 * (default: openapi.json and the fixtures/corpus specs).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../src/generate/index.ts';
import { loadSpec } from '../src/load/index.ts';
import type { Case, CaseKind, Json, Spec } from '../src/types.ts';
import { createValidator } from '../src/validate/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  options: { seed: { type: 'string', default: '1' }, deep: { type: 'string', default: '100' } },
  allowPositionals: true,
});
const SEED = Number(values.seed);
const PLAN: Record<CaseKind, number> = { example: 3, boundary: 6, positive: 6, negative: 8 };

const isObj = (v: unknown): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Enum values and documented examples anywhere in a node of the request (followed through $refs, bounded). */
function documented(node: unknown, spec: Spec, out: Set<string>, seen = new Set<unknown>()): void {
  if (seen.has(node) || seen.size > 5000) return;
  seen.add(node);
  if (Array.isArray(node)) return node.forEach((n) => documented(n, spec, out, seen));
  if (!isObj(node)) return;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    const target = node.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((n, k) => (isObj(n) ? n[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), spec.document);
    documented(target, spec, out, seen);
  }
  if (Array.isArray(node.enum)) for (const v of node.enum) out.add(JSON.stringify(v));
  if ('example' in node) out.add(JSON.stringify(node.example));
  if (Array.isArray(node.examples)) for (const v of node.examples) out.add(JSON.stringify(v));
  else if (isObj(node.examples))
    for (const e of Object.values(node.examples)) if (isObj(e) && 'value' in e) out.add(JSON.stringify(e.value));
  for (const [k, v] of Object.entries(node))
    if (!['enum', 'example', 'examples', 'default', 'const', 'responses', '$ref'].includes(k))
      documented(v, spec, out, seen);
}

/** Every subvalue of a JSON value, as JSON text (and strings, numbers and booleans also as plain text). */
function subvalues(v: unknown, out: Set<string>): void {
  out.add(JSON.stringify(v));
  if (Array.isArray(v)) v.forEach((x) => subvalues(x, out));
  else if (isObj(v)) Object.values(v).forEach((x) => subvalues(x, out));
}

/** The texts of a case's parameters as a server reads them (percent-decoded). */
function decoded(c: Case): string[] {
  const decode = (t: string): string => {
    try {
      return decodeURIComponent(t.replace(/\+/g, ' '));
    } catch {
      return t;
    }
  };
  return [c.path, ...c.query.split('&'), ...Object.values(c.cookies)].map(decode).concat(Object.values(c.headers));
}

interface Stats {
  targets: number;
  covered: number;
  maxArray: number;
  nul: number;
  control: number;
  nonAscii: number;
  bigInt: number;
  extreme: number;
  cases: number;
}

function scan(v: unknown, s: { maxArray: number; flags: Set<string> }): void {
  if (Array.isArray(v)) {
    s.maxArray = Math.max(s.maxArray, v.length);
    v.forEach((x) => scan(x, s));
  } else if (isObj(v)) Object.values(v).forEach((x) => scan(x, s));
  else if (typeof v === 'string') flagText(v, s.flags);
  else if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) > Number.MAX_SAFE_INTEGER) s.flags.add('bigInt');
    if (Math.abs(v) >= 1e300 || (v !== 0 && Math.abs(v) < 1e-300) || Object.is(v, -0)) s.flags.add('extreme');
  }
}

function flagText(t: string, flags: Set<string>): void {
  if (t.includes('\u0000')) flags.add('nul');
  if (/[\u0001-\u001f\u007f]/.test(t)) flags.add('control');
  if (/[^\u0000-\u007f]/.test(t)) flags.add('nonAscii');
  if (/(^|[^\d.])-?\d{17,}(?![\d.])/.test(t)) flags.add('bigInt');
}

function measure(spec: Spec, budget: Record<CaseKind, number>): Stats {
  const validator = createValidator(spec);
  const st: Stats = {
    targets: 0,
    covered: 0,
    maxArray: 0,
    nul: 0,
    control: 0,
    nonAscii: 0,
    bigInt: 0,
    extreme: 0,
    cases: 0,
  };
  for (const op of spec.operations.filter((o) => !o.webhook)) {
    const targets = new Set<string>();
    documented([op.parameters.map((p) => p.object), op.object.requestBody ?? {}], spec, targets);
    const sent = new Set<string>();
    const texts: string[] = [];
    for (const kind of Object.keys(budget) as CaseKind[]) {
      for (const c of generate(spec, op, { kind, count: budget[kind], seed: SEED, validator }).cases) {
        st.cases++;
        if (kind !== 'negative') subvalues(c.body, sent);
        const text = decoded(c);
        if (kind !== 'negative') texts.push(...text);
        const s = { maxArray: 0, flags: new Set<string>() };
        scan(c.body, s);
        for (const t of text) flagText(t, s.flags);
        st.maxArray = Math.max(st.maxArray, s.maxArray);
        for (const f of s.flags) st[f as 'nul']++;
      }
    }
    const all = texts.join('\n');
    for (const t of targets) {
      st.targets++;
      const v = JSON.parse(t) as unknown;
      if (sent.has(t) || (v !== null && typeof v !== 'object' && all.includes(String(v)))) st.covered++;
    }
  }
  return st;
}

const specs =
  positionals.length > 0
    ? positionals
    : [
        path.join(root, 'openapi.json'),
        ...readdirSync(path.join(root, 'fixtures/corpus'))
          .filter((f) => /\.(json|ya?ml)$/.test(f) && !/^(invalid|swagger)/.test(f))
          .map((f) => path.join(root, 'fixtures/corpus', f)),
      ];
for (const file of specs) {
  const spec = await loadSpec(file);
  for (const [label, budget] of [
    ['plan', PLAN],
    [`deep`, { ...PLAN, positive: Number(values.deep) }],
  ] as const) {
    const t = performance.now();
    const s = measure(spec, budget);
    const ms = performance.now() - t;
    console.log(
      `${path.basename(file).padEnd(22)} ${label.padEnd(4)} cases ${String(s.cases).padStart(5)}  enum/examples ${s.covered}/${s.targets}  max array ${s.maxArray}  NUL ${s.nul}  control ${s.control}  non-ASCII ${s.nonAscii}  >2^53 ${s.bigInt}  extreme numbers ${s.extreme}  ${ms.toFixed(0)} ms`,
    );
  }
}
