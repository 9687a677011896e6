/**
 * The parts of an Arazzo 1.0 document specgate runs, after validation (`parseSuite`), plus specgate's
 * `x-specgate-*` step extensions. Every node keeps its JSON pointer so errors and findings can say file:line:col.
 * @see https://spec.openapis.org/arazzo/v1.0.1
 */
import type { Condition } from './condition.ts';

/** A Criterion Object, pre-parsed. */
export interface Criterion {
  pointer: string;
  condition: string;
  context?: string;
  type: 'simple' | 'regex' | 'jsonpath';
  /** For `simple`: the parsed condition. */
  parsed?: Condition;
  /** For `regex`. */
  regex?: RegExp;
  /** For `jsonpath`: the supported subset, pre-parsed (see jsonpath.ts). */
  path?: import('./jsonpath.ts').JsonPathQuery;
}

/** A Success or Failure Action Object. */
export interface Action {
  pointer: string;
  name: string;
  type: 'end' | 'goto' | 'retry';
  stepId?: string;
  workflowId?: string;
  /** Seconds (Arazzo unit). */
  retryAfter?: number;
  retryLimit?: number;
  criteria: Criterion[];
}

/** A Parameter Object of a step. */
export interface StepParameter {
  name: string;
  in?: 'path' | 'query' | 'header' | 'cookie';
  value: unknown;
}

/** `x-specgate-foreach`: run the step once per item of a list, the item visible as `$inputs.<as>`. */
export interface ForEach {
  items: string;
  as: string;
  where?: Condition;
  whereText?: string;
}

/** specgate's non-HTTP step kinds (`x-specgate-action`). */
export type SpecgateAction = 'webhook-receiver' | 'await-webhooks';

/** A Step Object. Exactly one of operation (id/path), workflowId or action is set. */
export interface Step {
  pointer: string;
  stepId: string;
  description?: string;
  operationId?: string;
  operationPath?: string;
  workflowId?: string;
  action?: SpecgateAction;
  /** Arguments of `action` (expressions allowed). */
  with: Record<string, unknown>;
  parameters: StepParameter[];
  requestBody?: {
    contentType?: string;
    payload?: unknown;
    replacements: Array<{ target: string; value: unknown }>;
    generate?: 'positive';
  };
  successCriteria: Criterion[];
  onSuccess: Action[];
  onFailure: Action[];
  outputs: Record<string, string>;
  forEach?: ForEach;
  /** `x-specgate-check`: the check id its criteria failures are reported under (default `workflow_step_failed`). */
  check?: string;
  /** `x-specgate-stream`: judge an OpenAI-style event stream (order, one `[DONE]` last, usage chunk). */
  stream?: { usage: boolean };
}

/** A Workflow Object. */
export interface Workflow {
  pointer: string;
  workflowId: string;
  summary?: string;
  description?: string;
  inputs?: Record<string, unknown>;
  dependsOn: string[];
  steps: Step[];
  outputs: Record<string, string>;
  parameters: StepParameter[];
  successActions: Action[];
  failureActions: Action[];
}

/** A validated Arazzo document. */
export interface Suite {
  file: string;
  title: string;
  version: string;
  /** The one OpenAPI source description the suite runs against. */
  source?: { name: string; url: string };
  workflows: Workflow[];
  /** `file:line:col` of a pointer in the suite. */
  where(pointer: string): string;
}
