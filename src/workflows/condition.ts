/**
 * Simple conditions of Arazzo Criterion Objects: literals, runtime expressions, `== != < <= > >=`, `! && ||`
 * and parentheses, e.g. `$statusCode == 200 && $response.body#/id != null`. specgate adds `+` and `-`
 * (surrounded by spaces) so a suite can state sums such as "usage grew by the tokens reported".
 * @see https://spec.openapis.org/arazzo/v1.0.1#criterion-object
 */
import { evaluate, ExpressionError, parseExpression, type Expression, type ExpressionContext } from './expressions.ts';

/** A parsed condition. */
export type Condition =
  | { op: 'lit'; value: unknown }
  | { op: 'expr'; expression: Expression; text: string }
  | { op: '!'; arg: Condition }
  | { op: '&&' | '||' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-'; left: Condition; right: Condition };

type Token = { kind: 'op' | 'lit' | 'expr'; text: string; value?: unknown; at: number };

const OPS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')'];

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op) {
      out.push({ kind: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    if ((c === '+' || c === '-') && /\s/.test(text[i + 1] ?? ' ')) {
      out.push({ kind: 'op', text: c, at: i });
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError(`unterminated string starting at ${i}`, i);
      out.push({ kind: 'lit', text: text.slice(i, end + 1), value: text.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const word = /^[^\s()=!<>&|]+/.exec(text.slice(i))?.[0];
    if (!word) throw new ExpressionError(`unexpected "${c}" (operators: == != < <= > >= && || ! + -)`, i);
    out.push(wordToken(word, i));
    i += word.length;
  }
  return out;
}

function wordToken(word: string, at: number): Token {
  if (word.startsWith('$')) return { kind: 'expr', text: word, at };
  if (word === 'true' || word === 'false') return { kind: 'lit', text: word, value: word === 'true', at };
  if (word === 'null') return { kind: 'lit', text: word, value: null, at };
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(word)) return { kind: 'lit', text: word, value: Number(word), at };
  throw new ExpressionError(`unexpected "${word}" (quote strings: '${word}')`, at);
}

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
};

/** Parses a simple condition; throws ExpressionError with the offset of the problem. */
export function parseCondition(text: string): Condition {
  const tokens = tokenize(text);
  let pos = 0;
  const primary = (): Condition => {
    const t = tokens[pos++];
    if (!t) throw new ExpressionError('condition ends too early', text.length);
    if (t.kind === 'lit') return { op: 'lit', value: t.value };
    if (t.kind === 'expr') {
      try {
        return { op: 'expr', expression: parseExpression(t.text), text: t.text };
      } catch (e) {
        throw new ExpressionError((e as Error).message, t.at + ((e as ExpressionError).offset ?? 0));
      }
    }
    if (t.text === '!') return { op: '!', arg: primary() };
    if (t.text === '(') {
      const inner = binary(0);
      if (tokens[pos]?.text !== ')') throw new ExpressionError('missing ")"', tokens[pos]?.at ?? text.length);
      pos++;
      return inner;
    }
    throw new ExpressionError(`unexpected "${t.text}"`, t.at);
  };
  const binary = (min: number): Condition => {
    let left = primary();
    for (;;) {
      const t = tokens[pos];
      const p = t?.kind === 'op' ? PRECEDENCE[t.text] : undefined;
      if (!t || p === undefined || p <= min) return left;
      pos++;
      left = { op: t.text as '==', left, right: binary(p) };
    }
  };
  const tree = binary(0);
  if (pos < tokens.length) throw new ExpressionError(`unexpected "${tokens[pos]!.text}"`, tokens[pos]!.at);
  return tree;
}

/** Header and query values are strings: compare them with numbers as numbers. */
function comparable(a: unknown, b: unknown): [unknown, unknown] {
  const num = (v: unknown) => (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v);
  if (typeof a === 'number' || typeof b === 'number') return [num(a), num(b)];
  return [a, b];
}

function equal(a: unknown, b: unknown): boolean {
  const [x, y] = comparable(a ?? null, b ?? null);
  if (x === y) return true;
  return typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y);
}

/** Evaluates a parsed condition (undefined values compare like null). */
export function evaluateCondition(c: Condition, ctx: ExpressionContext): unknown {
  switch (c.op) {
    case 'lit':
      return c.value;
    case 'expr':
      return evaluate(c.expression, ctx);
    case '!':
      return !evaluateCondition(c.arg, ctx);
    case '&&':
      return Boolean(evaluateCondition(c.left, ctx)) && Boolean(evaluateCondition(c.right, ctx));
    case '||':
      return Boolean(evaluateCondition(c.left, ctx)) || Boolean(evaluateCondition(c.right, ctx));
  }
  const l = evaluateCondition(c.left, ctx);
  const r = evaluateCondition(c.right, ctx);
  if (c.op === '==') return equal(l, r);
  if (c.op === '!=') return !equal(l, r);
  const [x, y] = comparable(l, r);
  if (c.op === '+' || c.op === '-') {
    if (typeof x !== 'number' || typeof y !== 'number') return undefined;
    return c.op === '+' ? x + y : x - y;
  }
  if (typeof x !== typeof y || (typeof x !== 'number' && typeof x !== 'string')) return false;
  const [p, q] = [x as number, y as number];
  return c.op === '<' ? p < q : c.op === '<=' ? p <= q : c.op === '>' ? p > q : p >= q;
}

/** The expressions a condition reads, with their values (for failure messages). */
export function operands(c: Condition, ctx: ExpressionContext): Array<[string, unknown]> {
  if (c.op === 'expr') return [[c.text, evaluate(c.expression, ctx)]];
  if (c.op === 'lit') return [];
  if (c.op === '!') return operands(c.arg, ctx);
  return [...operands(c.left, ctx), ...operands(c.right, ctx)];
}
