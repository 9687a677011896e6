/**
 * Reading one Step Object of an Arazzo workflow, with specgate's `x-specgate-*` step extensions
 * (see suites/README.md). Unknown fields and unsupported features fail with SUITE_INVALID at their position.
 * @see https://spec.openapis.org/arazzo/v1.0.1#step-object
 */
import { parseCondition } from './condition.ts';
import type { SuiteReader } from './suite-reader.ts';
import type { ForEach, Step } from './suite-types.ts';

const STEP_KEYS = [
  'stepId',
  'description',
  'operationId',
  'operationPath',
  'workflowId',
  'parameters',
  'requestBody',
  'successCriteria',
  'onSuccess',
  'onFailure',
  'outputs',
];
const STEP_EXTENSIONS = [
  'x-specgate-action',
  'x-specgate-with',
  'x-specgate-foreach',
  'x-specgate-stream',
  'x-specgate-check',
];
const ACTIONS = ['webhook-receiver', 'await-webhooks'];

/** A Step Object at pointer `p`. */
export function readStep(r: SuiteReader, v: unknown, p: string): Step {
  const o = r.object(v, p);
  r.keys(o, p, STEP_KEYS, STEP_EXTENSIONS);
  const targets = ['operationId', 'operationPath', 'workflowId', 'x-specgate-action'].filter((k) => o[k] !== undefined);
  if (targets.length !== 1)
    r.fail(
      p,
      `a step needs exactly one of operationId, operationPath, workflowId or x-specgate-action (has: ${targets.join(', ') || 'none'})`,
    );
  const action = o['x-specgate-action'];
  if (action !== undefined && !ACTIONS.includes(String(action)))
    r.fail(`${p}/x-specgate-action`, `unknown x-specgate-action "${String(action)}" (known: ${ACTIONS.join(', ')})`);
  const step: Step = {
    pointer: p,
    stepId: r.id(o, p, 'stepId'),
    with: o['x-specgate-with'] === undefined ? {} : r.object(o['x-specgate-with'], `${p}/x-specgate-with`),
    parameters: r.parameters(o.parameters, `${p}/parameters`),
    successCriteria: r
      .array(o.successCriteria, `${p}/successCriteria`)
      .map((c, i) => r.criterion(c, `${p}/successCriteria/${i}`)),
    onSuccess: r.actions(o.onSuccess, `${p}/onSuccess`, 'success'),
    onFailure: r.actions(o.onFailure, `${p}/onFailure`, 'failure'),
    outputs: r.outputs(o.outputs, `${p}/outputs`),
  };
  for (const k of ['description', 'operationId', 'operationPath', 'workflowId'] as const)
    if (typeof o[k] === 'string') step[k] = o[k] as string;
  const check = o['x-specgate-check'];
  if (check !== undefined && (typeof check !== 'string' || !/^[a-z][a-z0-9_]*$/.test(check)))
    r.fail(
      `${p}/x-specgate-check`,
      "x-specgate-check is the snake_case check id this step's failures are reported under",
    );
  if (typeof check === 'string') step.check = check;
  if (action !== undefined) step.action = action as Step['action'];
  if (o.requestBody !== undefined) step.requestBody = requestBody(r, o.requestBody, `${p}/requestBody`);
  if (o['x-specgate-foreach'] !== undefined)
    step.forEach = forEach(r, o['x-specgate-foreach'], `${p}/x-specgate-foreach`);
  if (o['x-specgate-stream'] !== undefined) {
    const s = r.object(o['x-specgate-stream'], `${p}/x-specgate-stream`);
    r.keys(s, `${p}/x-specgate-stream`, ['usage']);
    step.stream = { usage: s.usage === true };
  }
  return step;
}

function requestBody(r: SuiteReader, v: unknown, p: string): NonNullable<Step['requestBody']> {
  const o = r.object(v, p);
  r.keys(o, p, ['contentType', 'payload', 'replacements'], ['x-specgate-generate']);
  const gen = o['x-specgate-generate'];
  if (gen !== undefined && gen !== 'positive')
    r.fail(
      `${p}/x-specgate-generate`,
      'x-specgate-generate supports "positive" (a schema-valid generated body the payload is merged over)',
    );
  const replacements = r.array(o.replacements, `${p}/replacements`).map((x, i) => {
    const ro = r.object(x, `${p}/replacements/${i}`);
    r.keys(ro, `${p}/replacements/${i}`, ['target', 'value']);
    const target = r.string(ro, `${p}/replacements/${i}`, 'target', true)!;
    if (!target.startsWith('/'))
      r.fail(
        `${p}/replacements/${i}/target`,
        'specgate supports JSON pointer replacement targets (e.g. /user/name); XPath is not supported',
      );
    return { target, value: ro.value };
  });
  return {
    replacements,
    ...(typeof o.contentType === 'string' ? { contentType: o.contentType } : {}),
    ...(o.payload !== undefined ? { payload: o.payload } : {}),
    ...(gen ? { generate: 'positive' as const } : {}),
  };
}

function forEach(r: SuiteReader, v: unknown, p: string): ForEach {
  const o = r.object(v, p);
  r.keys(o, p, ['items', 'as', 'where']);
  const f: ForEach = { items: r.string(o, p, 'items', true)!, as: r.string(o, p, 'as') ?? 'item' };
  const where = r.string(o, p, 'where');
  if (where) Object.assign(f, { where: r.parse(() => parseCondition(where), `${p}/where`), whereText: where });
  return f;
}
