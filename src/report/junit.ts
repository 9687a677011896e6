/**
 * `junit.xml`: a testsuite per operation, a testcase per check. Error findings not known from the baseline
 * are `<failure>`s; warnings and known findings go to `<system-out>`; a check that had nothing to check (or an
 * operation never reached) is `<skipped>` with why, so a green CI tab never hides unchecked ground.
 */
import type { OperationCoverage, ReportedFinding, RunResult } from '../types.ts';
import { workflowSuites } from './junit-workflows.ts';
import { safeResult } from './safe.ts';
import { xmlEscape as x } from '../format/xml.ts';
import { cut, groupBy, loc } from './text.ts';

interface Case {
  name: string;
  failures: ReportedFinding[];
  notes: ReportedFinding[];
  skipped?: string;
}

function describe(f: ReportedFinding): string {
  const lines = [
    `[${f.severity}${f.baseline === 'known' ? ', known' : ''}] ${f.cause}${f.occurrences > 1 ? ` (×${f.occurrences})` : ''}`,
    f.message,
  ];
  if (f.specLocation) lines.push(`Spec: ${loc(f.specLocation)}`);
  if (f.curl) lines.push(`Repro:\n${f.curl}`);
  if (f.exchange?.response)
    lines.push(`Response ${f.exchange.response.status}: ${cut(f.exchange.response.body, 1024)}`);
  return lines.join('\n');
}

function casesOf(result: RunResult, cov: OperationCoverage | undefined, findings: ReportedFinding[]): Case[] {
  // An operation never reached gets one skipped testcase saying why, not one per check (a suite-only or
  // --include run would otherwise list hundreds of identical skips).
  if (cov && !cov.reached && findings.length === 0) {
    return [
      {
        name: 'not reached',
        failures: [],
        notes: [],
        skipped: `operation not reached: ${cov.reason ?? 'unknown reason'}`,
      },
    ];
  }
  const byCheck = groupBy(findings, (f) => f.checkId);
  const ids = [...new Set([...result.checks.map((c) => c.id), ...byCheck.keys()])];
  return ids.map((id) => {
    const list = byCheck.get(id) ?? [];
    const failures = list.filter((f) => f.severity === 'error' && f.baseline !== 'known');
    const notes = list.filter((f) => !failures.includes(f));
    let skipped: string | undefined;
    if (list.length === 0 && cov) {
      if (!cov.reached) skipped = `operation not reached: ${cov.reason ?? 'unknown reason'}`;
      else if (!cov.checked.includes(id))
        skipped = cov.unchecked.find((u) => u.check === id)?.why ?? 'nothing to check';
    }
    return { name: id, failures, notes, ...(skipped !== undefined && { skipped }) };
  });
}

function testcase(op: string, c: Case): string {
  const head = `    <testcase classname="${x(op)}" name="${x(c.name)}" time="0"`;
  const body: string[] = [];
  if (c.failures.length > 0) {
    const message = c.failures.map((f) => f.cause).join('; ');
    body.push(
      `      <failure message="${x(message)}" type="${x(c.name)}">${x(c.failures.map(describe).join('\n\n'))}</failure>`,
    );
  } else if (c.skipped !== undefined) {
    body.push(`      <skipped message="${x(c.skipped)}"/>`);
  }
  if (c.notes.length > 0) body.push(`      <system-out>${x(c.notes.map(describe).join('\n\n'))}</system-out>`);
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}

/** Renders junit.xml. */
export function junitXml(result: RunResult): string {
  const safe = safeResult(result);
  const byOp = groupBy(safe.findings, (f) => f.operation);
  const ops = [...new Set([...safe.coverage.map((c) => c.operation), ...byOp.keys()])];
  let tests = 0,
    failures = 0,
    skipped = 0;
  const suites = ops.map((op) => {
    const cov = safe.coverage.find((c) => c.operation === op);
    const cases = casesOf(safe, cov, byOp.get(op) ?? []);
    const f = cases.filter((c) => c.failures.length > 0).length;
    const s = cases.filter((c) => c.failures.length === 0 && c.skipped !== undefined).length;
    tests += cases.length;
    failures += f;
    skipped += s;
    const props = [
      ['operationId', cov?.operationId],
      ['requests', cov ? String(cov.requests) : undefined],
      ['seed', String(safe.seed)],
    ]
      .filter((p): p is [string, string] => p[1] !== undefined)
      .map(([k, v]) => `      <property name="${x(k)}" value="${x(v)}"/>`);
    return [
      `  <testsuite name="${x(op)}" tests="${cases.length}" failures="${f}" errors="0" skipped="${s}" time="0">`,
      `    <properties>\n${props.join('\n')}\n    </properties>`,
      ...cases.map((c) => testcase(op, c)),
      '  </testsuite>',
    ].join('\n');
  });
  const flows = workflowSuites(safe.workflows);
  tests += flows.tests;
  failures += flows.failures;
  skipped += flows.skipped;
  const time = (safe.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="specgate" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}" timestamp="${x(safe.start)}">`,
    ...suites,
    ...flows.xml,
    '</testsuites>',
    '',
  ].join('\n');
}

export default {
  id: 'junit',
  description: 'JUnit XML: a testsuite per operation, a testcase per check.',
  filename: 'junit.xml',
  run: junitXml,
};
