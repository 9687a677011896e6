/**
 * Switch operations: writes that flip a global state of the target (maintenance mode, settings, feature toggles,
 * disabling or locking an account). One such request can make every later answer a uniform error, so the plan
 * runs them after every other operation. Pure: judged from the spec alone.
 */
import type { Json, JsonObject, Operation, Spec } from '../types.ts';

const WRITES = new Set(['put', 'post', 'patch']);
/** Words that name a toggle wherever they appear (with or without an id: disabling one account can be ours). */
const TOGGLE =
  /maintenance|kill[-_]?switch|feature[-_]?(flag|toggle)s?|toggles?\b|(^|[^a-z])(en|dis)able|suspend|lock(down)?\b|freeze|deactivate|read[-_]?only/i;
/** Words that name global state when no id narrows them to one resource. */
const GLOBAL = /settings?\b|config(uration)?\b|preferences\b|mode\b/i;
/** Boolean body fields that read as a switch. */
const FLAG = /^(enabled?|disabled?|active|on|maintenance|locked|paused|suspended|read_?only)$/i;

const obj = (v: Json | undefined): JsonObject | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;

/** The properties of the operation's JSON (or form) request body schema, `$ref`s followed; {} when none. */
function bodyProperties(spec: Spec, op: Operation): Record<string, JsonObject> {
  const body = obj(spec.deref(op.object.requestBody).value);
  const content = obj(body?.content) ?? {};
  const media = Object.keys(content).find((m) => /json|form/.test(m));
  const schema = obj(spec.deref(obj(content[media ?? ''])?.schema).value);
  const props = obj(schema?.properties) ?? {};
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, obj(spec.deref(v).value) ?? {}]));
}

/** Why `op` is a switch operation that runs last, or undefined when it is not one. */
export function switchReason(spec: Spec, op: Operation): string | undefined {
  if (!WRITES.has(op.method)) return undefined;
  const names = `${op.path} ${op.operationId ?? ''}`;
  const word = TOGGLE.exec(names)?.[0];
  if (word) return `a switch (its name says "${word.replace(/^[^a-z]/i, '')}")`;
  const global = !op.parameters.some((p) => p.in === 'path');
  const props = bodyProperties(spec, op);
  const flags = Object.keys(props).filter((k) => props[k]!.type === 'boolean');
  if (global && GLOBAL.test(names)) return `a switch (global ${GLOBAL.exec(names)![0]})`;
  const flag = flags.find((k) => FLAG.test(k));
  if (global && flag) return `a switch (a boolean \`${flag}\` body on a path without an id)`;
  if (global && flags.length === 1 && Object.keys(props).length === 1)
    return `a switch (its body is one boolean, \`${flags[0]}\`)`;
  return undefined;
}

/** The operations in plan order with every switch moved after the others (each group keeps its order). */
export function switchesLast<T extends { last?: boolean }>(planned: readonly T[]): T[] {
  return [...planned.filter((p) => !p.last), ...planned.filter((p) => p.last)];
}
