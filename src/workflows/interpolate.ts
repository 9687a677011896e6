/**
 * Runtime expressions inside values: a string that is one expression becomes its value; `{$...}` embedded in a
 * longer string is replaced by its text.
 * @see https://spec.openapis.org/arazzo/v1.0.1#runtime-expressions
 */
import { evaluate, parseExpression, type ExpressionContext } from './expressions.ts';

const PREFIX =
  /^\$(url|method|statusCode|(request|response|inputs|outputs|steps|workflows|sourceDescriptions|components)\.)/;

/** True when a whole string is meant as a runtime expression (a literal like "$5 off" is not). */
export function isExpression(text: string): boolean {
  return PREFIX.test(text) && !/\s/.test(text);
}

/** Every `{$...}` embedded in a string, with its offset. */
export function embedded(text: string): Array<{ expression: string; start: number; end: number }> {
  const out: Array<{ expression: string; start: number; end: number }> = [];
  for (const m of text.matchAll(/\{(\$[^{}]+)\}/g))
    out.push({ expression: m[1]!, start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Replaces expressions inside a value: a string that *is* an expression becomes its value (any JSON type);
 * `{$...}` inside a longer string is replaced by its text. Objects and arrays are walked.
 */
export function interpolate(value: unknown, ctx: ExpressionContext): unknown {
  if (typeof value === 'string') {
    if (isExpression(value)) return evaluate(parseExpression(value), ctx);
    const parts = embedded(value);
    if (parts.length === 1 && parts[0]!.start === 0 && parts[0]!.end === value.length)
      return evaluate(parseExpression(parts[0]!.expression), ctx);
    let out = '';
    let last = 0;
    for (const p of parts) {
      const v = evaluate(parseExpression(p.expression), ctx);
      out += value.slice(last, p.start) + (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
      last = p.end;
    }
    return out + value.slice(last);
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, ctx));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, ctx)]));
  }
  return value;
}

/** Every expression a value would evaluate (for validating a suite before running it). */
export function expressionsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    if (isExpression(value)) return [value];
    return embedded(value).map((p) => p.expression);
  }
  if (Array.isArray(value)) return value.flatMap(expressionsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(expressionsIn);
  return [];
}
