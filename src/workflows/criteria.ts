/**
 * Evaluates Criterion Objects (simple, regex, jsonpath) and explains a failed one with the values it read,
 * diff-style: `Criterion: $statusCode == 404` / `Received: $statusCode = 200`.
 * @see https://spec.openapis.org/arazzo/v1.0.1#criterion-object
 */
import { evaluateCondition, operands } from './condition.ts';
import { evaluate, parseExpression, type ExpressionContext } from './expressions.ts';
import { selectJsonPath } from './jsonpath.ts';
import type { Criterion } from './suite-types.ts';

/** A criterion that did not hold, with a human explanation. */
export interface CriterionFailure {
  criterion: Criterion;
  message: string;
}

/** Short JSON text of a value for messages. */
export function show(value: unknown, max = 160): string {
  const text =
    value === undefined
      ? '(absent)'
      : typeof value === 'string'
        ? JSON.stringify(value)
        : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Whether one criterion holds in `ctx`. */
export function holds(c: Criterion, ctx: ExpressionContext): boolean {
  if (c.type === 'simple') return Boolean(evaluateCondition(c.parsed!, ctx));
  const value = evaluate(parseExpression(c.context!), ctx);
  if (c.type === 'regex') return c.regex!.test(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  const doc = typeof value === 'string' ? safeJson(value) : value;
  return selectJsonPath(c.path!, doc).length > 0;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Criteria that do not hold (all of them must hold for a step to succeed). */
export function failedCriteria(criteria: Criterion[], ctx: ExpressionContext): CriterionFailure[] {
  return criteria.filter((c) => !holds(c, ctx)).map((c) => ({ criterion: c, message: explain(c, ctx) }));
}

function explain(c: Criterion, ctx: ExpressionContext): string {
  if (c.type === 'simple') {
    const read = [...new Map(operands(c.parsed!, ctx)).entries()].map(([e, v]) => `${e} = ${show(v)}`);
    return `Criterion: ${c.condition}\nReceived: ${read.join(', ') || '(no runtime values)'}`;
  }
  const value = evaluate(parseExpression(c.context!), ctx);
  return `Criterion (${c.type}): ${c.condition} on ${c.context}\nReceived: ${show(value)}`;
}
