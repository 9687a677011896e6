import { describe, expect, it } from 'vitest';
import { junitXml } from './junit.ts';
import { reportMarkdown } from './markdown.ts';
import type { ChangeScope, WorkflowReport } from '../types.ts';
import { sampleResult } from './test-result.ts';
import { parseXml, type XmlElement } from './xml-parse.test-kit.ts';

const all = (el: XmlElement, name: string): XmlElement[] =>
  el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);

const workflows: WorkflowReport[] = [
  {
    suite: 'suites/s.arazzo.yaml',
    workflowId: 'lifecycle',
    status: 'failed',
    message: 'step spend-cap: Criterion: $statusCode == 402',
    steps: [
      {
        stepId: 'create',
        operation: 'POST /things',
        status: 'passed',
        attempts: 1,
        location: 'suites/s.arazzo.yaml:20:9',
      },
      {
        stepId: 'spend-cap',
        operation: 'POST /things',
        status: 'failed',
        attempts: 2,
        location: 'suites/s.arazzo.yaml:58:9',
        message: 'Criterion: $statusCode == 402\nReceived: $statusCode = 200',
      },
      {
        stepId: 'delete',
        status: 'skipped',
        attempts: 0,
        location: 'suites/s.arazzo.yaml:69:9',
        message: 'not run: step spend-cap failed',
      },
    ],
  },
  {
    suite: 'suites/s.arazzo.yaml',
    workflowId: 'models',
    status: 'passed',
    steps: [{ stepId: 'list', status: 'passed', attempts: 1, location: 'suites/s.arazzo.yaml:90:9' }],
  },
];

const scope: ChangeScope = {
  base: 'origin/main:openapi.yaml',
  touched: ['GET /things/{id}'],
  unchanged: ['GET /things'],
  changes: [
    {
      rule: 'request-parameter-required-added',
      kind: 'breaking',
      operation: 'GET /things/{id}',
      message: 'required query parameter view added',
      location: { file: 'openapi.yaml', line: 45, column: 1, pointer: '/paths/~1things~1{id}/get' },
    },
    {
      rule: 'response-property-added',
      kind: 'non-breaking',
      operation: 'GET /things/{id}',
      message: 'response 200 body.title: property added',
      location: { file: 'openapi.yaml', line: 54, column: 1, pointer: '/paths/~1things~1{id}/get' },
    },
  ],
};

describe('junit.xml with --suite workflows', () => {
  const root = parseXml(junitXml(sampleResult({ workflows })));
  const flows = all(root, 'testsuite').filter((s) => s.attrs.name!.startsWith('workflow '));

  it('has a testsuite per workflow and a testcase per step: failed steps fail, unrun steps are skipped with why', () => {
    expect(flows.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.skipped])).toEqual([
      ['workflow lifecycle (suites/s.arazzo.yaml)', '3', '1', '1'],
      ['workflow models (suites/s.arazzo.yaml)', '1', '0', '0'],
    ]);
    const failure = all(flows[0]!, 'failure')[0]!;
    expect(failure.attrs.message).toBe('Criterion: $statusCode == 402');
    expect(failure.text).toContain('Step: suites/s.arazzo.yaml:58:9');
    expect(all(flows[0]!, 'skipped')[0]!.attrs.message).toBe('not run: step spend-cap failed');
  });

  it('counts the workflow testcases in the totals', () => {
    expect(Number(root.attrs.tests)).toBe(all(root, 'testcase').length);
    expect(Number(root.attrs.failures)).toBe(all(root, 'failure').length);
    expect(Number(root.attrs.skipped)).toBe(all(root, 'skipped').length);
  });
});

describe('report.md extras', () => {
  it('lists workflows, and for a failed one the step, where it is and what did not hold', () => {
    const md = reportMarkdown(sampleResult({ workflows }));
    const section = md.slice(md.indexOf('## Suites'), md.indexOf('## Coverage'));
    expect(section).toContain('| `lifecycle` | suites/s.arazzo.yaml | ❌ failed | 1/3 |');
    expect(section).toContain('| `models` | suites/s.arazzo.yaml | ✅ passed | 1/1 |');
    expect(section).toContain(
      '**`spend-cap`** (`POST /things`) failed at `suites/s.arazzo.yaml:58:9` after 2 attempts',
    );
    expect(section).toContain('Received: $statusCode = 200');
    expect(section).toContain('Not run: `delete`');
  });

  it('shows the spec changes since the base, before the findings', () => {
    const md = reportMarkdown(sampleResult({ changeScope: scope }));
    const at = md.indexOf('## Spec changes since `origin/main:openapi.yaml`');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(md.indexOf('## Findings'));
    expect(md).toContain('1 breaking, 1 non-breaking, 0 info. 1 operation(s) touched and run; 1 unchanged and not run');
    expect(md).toContain(
      '| ❌ breaking | `GET /things/{id}` | `request-parameter-required-added` | required query parameter view added | `openapi.yaml:45` |',
    );
  });

  it('adds nothing when a run has neither', () => {
    const md = reportMarkdown(sampleResult());
    expect(md).not.toContain('## Suites');
    expect(md).not.toContain('## Spec changes');
  });
});
