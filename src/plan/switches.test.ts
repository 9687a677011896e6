/** Laws of switch operations: which writes flip global state, and that the plan runs them after the others. */
import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import { buildPlan } from './plan.ts';
import { switchReason } from './switches.ts';

const flag = (name: string) =>
  `{content: {application/json: {schema: {type: object, properties: {${name}: {type: boolean}}}}}}`;
const ok = `responses: {'200': {description: ok}}`;
const SPEC = specFromText(
  `
openapi: 3.0.3
info: {title: switches, version: '1'}
paths:
  /admin/maintenance:
    get: {${ok}}
    put: {operationId: setMaintenance, requestBody: ${flag('enabled')}, ${ok}}
  /users/{id}/disable:
    post: {parameters: [{name: id, in: path, required: true, schema: {type: string}}], ${ok}}
  /settings:
    patch: {requestBody: ${flag('theme')}, ${ok}}
  /flags:
    post: {requestBody: ${flag('on')}, ${ok}}
  /beta:
    put: {requestBody: ${flag('optIn')}, ${ok}}
  /books:
    post: {requestBody: {content: {application/json: {schema: {type: object, properties: {title: {type: string}, signed: {type: boolean}}}}}}, ${ok}}
  /books/{id}:
    patch: {parameters: [{name: id, in: path, required: true, schema: {type: string}}], requestBody: ${flag('available')}, ${ok}}
`,
  'switches.yaml',
);

const reasons = () => Object.fromEntries(SPEC.operations.map((o) => [o.key, switchReason(SPEC, o)]));

describe('switchReason', () => {
  it('names global toggles, disabling and one-boolean bodies without an id; leaves ordinary writes and reads alone', () => {
    const r = reasons();
    expect(r['PUT /admin/maintenance']).toMatch(/maintenance/);
    expect(r['POST /users/{id}/disable']).toMatch(/disable/);
    expect(r['PATCH /settings']).toMatch(/settings/);
    expect(r['POST /flags']).toMatch(/`on`/);
    expect(r['PUT /beta']).toMatch(/one boolean/);
    expect([r['GET /admin/maintenance'], r['POST /books'], r['PATCH /books/{id}']]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('plan order', () => {
  it('moves every switch after the other operations, each group in spec order, unless told to keep the order', () => {
    const plan = buildPlan(SPEC, { available: [] }, 1);
    const keys = plan.operations.map((p) => p.operation.key);
    expect(keys.slice(0, 3)).toEqual(['GET /admin/maintenance', 'POST /books', 'PATCH /books/{id}']);
    expect(keys.slice(3)).toEqual([
      'PUT /admin/maintenance',
      'POST /users/{id}/disable',
      'PATCH /settings',
      'POST /flags',
      'PUT /beta',
    ]);
    expect(plan.operations.slice(3).every((p) => p.last)).toBe(true);
    const kept = buildPlan(SPEC, { available: [], switchesLast: false }, 1);
    expect(kept.operations.map((p) => p.operation.key)).toEqual(SPEC.operations.map((o) => o.key));
    expect(kept.operations.some((p) => p.last)).toBe(false);
    expect(kept.operations.filter((p) => p.switch).length).toBe(5);
  });
});
