/**
 * How a server may read what a negative case sends: parameter text under every reading a lenient parser makes,
 * and paths another operation's template would also route.
 */
import { templateMatches } from '../load/operations.ts';
import type { OperationGen } from './request.ts';

/** Readings a server may give a parameter's text: the text itself, and the number or boolean it spells. */
export function readings(text: string): unknown[] {
  const out: unknown[] = [text];
  if (/^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) out.push(Number(text));
  if (/^(true|false)$/i.test(text)) out.push(text.toLowerCase() === 'true');
  if (text === '' || text === 'null') out.push(null);
  return out;
}

/** True when `path` would also match a different operation's template of the same method. */
export function routesElsewhere(og: OperationGen, path: string): boolean {
  const { operation } = og.model;
  return og.gen.spec.operations.some(
    (o) => o !== operation && !o.webhook && o.method === operation.method && templateMatches(o.path, path),
  );
}
