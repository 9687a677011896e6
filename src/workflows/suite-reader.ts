/**
 * Typed, strict reading of an Arazzo document's objects: every field is checked, every unknown
 * non-`x-` field or unsupported feature fails with SUITE_INVALID at its `file:line:col`.
 */
import { HarnessError } from '../errors.ts';
import type { SourceFile } from '../load/source-file.ts';
import { parseCondition } from './condition.ts';
import { parseJsonPath } from './jsonpath.ts';
import { readStep } from './step-reader.ts';
import type { Action, Criterion, StepParameter, Workflow } from './suite-types.ts';
import { parsePointer } from '../json/pointer.ts';

/** A parsed JSON/YAML object. */
export type Obj = Record<string, unknown>;

/** Reads one parsed suite file; `fail` throws SUITE_INVALID with the pointer's position. */
export class SuiteReader {
  constructor(private readonly source: SourceFile) {}

  where(pointer: string): string {
    const { line, column } = this.source.locate(parsePointer(pointer));
    return `${this.source.uri}:${line}:${column}`;
  }

  fail(pointer: string, message: string): never {
    throw new HarnessError('SUITE_INVALID', message, this.where(pointer));
  }

  object(v: unknown, p: string): Obj {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(p, `expected an object at ${p || '/'}`);
    return v as Obj;
  }

  array(v: unknown, p: string, required = false): unknown[] {
    if (v === undefined && !required) return [];
    if (!Array.isArray(v) || (required && v.length === 0)) this.fail(p, `expected a non-empty list at ${p}`);
    return v;
  }

  string(o: Obj, p: string, key: string, required = false): string | undefined {
    const v = o[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v === '')
      this.fail(v === undefined ? p : `${p}/${key}`, `"${key}" must be a non-empty string`);
    return v;
  }

  keys(o: Obj, p: string, allowed: string[], extensions: string[] = []): void {
    for (const key of Object.keys(o)) {
      if (allowed.includes(key) || extensions.includes(key)) continue;
      if (key.startsWith('x-specgate-'))
        this.fail(
          `${p}/${key}`,
          `unknown specgate extension "${key}" here (known: ${extensions.join(', ') || 'none'})`,
        );
      if (!key.startsWith('x-'))
        this.fail(`${p}/${key}`, `"${key}" is not a field specgate supports here (allowed: ${allowed.join(', ')})`);
    }
  }

  workflow(v: unknown, p: string): Workflow {
    const o = this.object(v, p);
    this.keys(o, p, [
      'workflowId',
      'summary',
      'description',
      'inputs',
      'dependsOn',
      'steps',
      'successActions',
      'failureActions',
      'outputs',
      'parameters',
    ]);
    const inputs = o.inputs === undefined ? undefined : this.object(o.inputs, `${p}/inputs`);
    if (inputs && JSON.stringify(inputs).includes('"$ref"'))
      this.fail(`${p}/inputs`, 'inputs with $ref (components.inputs) are not supported: write the schema inline');
    const w: Workflow = {
      pointer: p,
      workflowId: this.id(o, p, 'workflowId'),
      dependsOn: this.array(o.dependsOn, `${p}/dependsOn`).map((d, i) =>
        typeof d === 'string' ? d : this.fail(`${p}/dependsOn/${i}`, 'dependsOn entries are workflow ids'),
      ),
      steps: this.array(o.steps, `${p}/steps`, true).map((s, i) => readStep(this, s, `${p}/steps/${i}`)),
      outputs: this.outputs(o.outputs, `${p}/outputs`),
      parameters: this.parameters(o.parameters, `${p}/parameters`),
      successActions: this.actions(o.successActions, `${p}/successActions`, 'success'),
      failureActions: this.actions(o.failureActions, `${p}/failureActions`, 'failure'),
    };
    if (inputs) w.inputs = inputs;
    if (typeof o.summary === 'string') w.summary = o.summary;
    if (typeof o.description === 'string') w.description = o.description;
    return w;
  }

  id(o: Obj, p: string, key: string): string {
    const id = this.string(o, p, key, true)!;
    if (!/^[A-Za-z0-9_-]+$/.test(id)) this.fail(`${p}/${key}`, `${key} "${id}" must match [A-Za-z0-9_-]+`);
    return id;
  }

  parse<T>(fn: () => T, p: string): T {
    try {
      return fn();
    } catch (error) {
      const offset = (error as { offset?: unknown }).offset;
      return this.fail(
        p,
        `${(error as Error).message}${typeof offset === 'number' ? ` (at character ${offset + 1})` : ''}`,
      );
    }
  }

  parameters(v: unknown, p: string): StepParameter[] {
    return this.array(v, p).map((x, i) => {
      const q = `${p}/${i}`;
      const o = this.object(x, q);
      if (o.reference !== undefined)
        this.fail(
          `${q}/reference`,
          'reusable parameter references ($components.parameters) are not supported: write the parameter inline',
        );
      this.keys(o, q, ['name', 'in', 'value']);
      const where = o.in;
      if (where !== undefined && !['path', 'query', 'header', 'cookie'].includes(String(where)))
        this.fail(`${q}/in`, `"in" must be path, query, header or cookie`);
      if (!('value' in o)) this.fail(q, 'a parameter needs a value');
      return { name: this.string(o, q, 'name', true)!, value: o.value, ...(where ? { in: where as 'path' } : {}) };
    });
  }

  criterion(v: unknown, p: string): Criterion {
    const o = this.object(v, p);
    this.keys(o, p, ['condition', 'context', 'type']);
    const condition = this.string(o, p, 'condition', true)!;
    const raw =
      o.type === undefined ? 'simple' : typeof o.type === 'object' && o.type !== null ? (o.type as Obj).type : o.type;
    const type = String(raw);
    if (!['simple', 'regex', 'jsonpath'].includes(type))
      this.fail(`${p}/type`, `criterion type "${type}" is not supported (supported: simple, regex, jsonpath)`);
    const context = this.string(o, p, 'context');
    if (type !== 'simple' && !context) this.fail(p, `a ${type} criterion needs a context (e.g. $response.body)`);
    const c: Criterion = { pointer: p, condition, type: type as Criterion['type'], ...(context ? { context } : {}) };
    if (type === 'simple') c.parsed = this.parse(() => parseCondition(condition), `${p}/condition`);
    if (type === 'regex') c.regex = this.parse(() => new RegExp(condition), `${p}/condition`);
    if (type === 'jsonpath') c.path = this.parse(() => parseJsonPath(condition), `${p}/condition`);
    return c;
  }

  actions(v: unknown, p: string, kind: 'success' | 'failure'): Action[] {
    return this.array(v, p).map((x, i) => {
      const q = `${p}/${i}`;
      const o = this.object(x, q);
      if (o.reference !== undefined)
        this.fail(
          `${q}/reference`,
          'reusable action references ($components) are not supported: write the action inline',
        );
      this.keys(
        o,
        q,
        kind === 'success'
          ? ['name', 'type', 'stepId', 'workflowId', 'criteria']
          : ['name', 'type', 'stepId', 'workflowId', 'criteria', 'retryAfter', 'retryLimit'],
      );
      const allowed = kind === 'success' ? ['end', 'goto'] : ['end', 'goto', 'retry'];
      if (!allowed.includes(String(o.type)))
        this.fail(`${q}/type`, `${kind} action type must be one of ${allowed.join(', ')}`);
      if (o.type === 'goto' && (o.stepId === undefined) === (o.workflowId === undefined))
        this.fail(q, 'a goto action needs exactly one of stepId or workflowId');
      const a: Action = {
        pointer: q,
        name: this.string(o, q, 'name', true)!,
        type: o.type as Action['type'],
        criteria: this.array(o.criteria, `${q}/criteria`).map((c, j) => this.criterion(c, `${q}/criteria/${j}`)),
      };
      if (typeof o.stepId === 'string') a.stepId = o.stepId;
      if (typeof o.workflowId === 'string') a.workflowId = o.workflowId;
      if (o.retryAfter !== undefined) a.retryAfter = this.number(o.retryAfter, `${q}/retryAfter`);
      if (o.retryLimit !== undefined) a.retryLimit = this.number(o.retryLimit, `${q}/retryLimit`);
      return a;
    });
  }

  private number(v: unknown, p: string): number {
    if (typeof v !== 'number' || v < 0) this.fail(p, 'expected a non-negative number');
    return v;
  }

  outputs(v: unknown, p: string): Record<string, string> {
    if (v === undefined) return {};
    const o = this.object(v, p);
    for (const [k, e] of Object.entries(o)) {
      if (!/^[a-zA-Z0-9.\-_]+$/.test(k)) this.fail(`${p}/${k}`, `output name "${k}" must match [a-zA-Z0-9.-_]+`);
      if (typeof e !== 'string') this.fail(`${p}/${k}`, 'an output is a runtime expression string');
    }
    return o as Record<string, string>;
  }
}
