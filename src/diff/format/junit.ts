/** `--format junit`: one test case per change; changes at or above the fail-on level are failures. */
import { xmlEscape as xml } from '../../format/xml.ts';
import type { DiffResult } from '../diff.ts';
import type { ChangeKind } from '../types.ts';

/** JUnit XML; `failing` says which kinds count as failures (from `--fail-on`). */
export function formatJunit(result: DiffResult, failing: ReadonlySet<ChangeKind>): string {
  const cases = result.changes.map((c) => {
    const name = xml(`${c.rule}: ${c.message}`);
    const open = `    <testcase classname="${xml(c.operation)}" name="${name}" file="${xml(c.head.file)}" line="${c.head.line}"`;
    if (!failing.has(c.kind)) return `${open}/>`;
    const text = xml(`${c.message}\nbase: ${c.base.file}:${c.base.line}\nhead: ${c.head.file}:${c.head.line}`);
    return `${open}>\n      <failure type="${c.kind}" message="${name}">${text}</failure>\n    </testcase>`;
  });
  if (cases.length === 0) cases.push('    <testcase classname="specgate diff" name="no changes"/>');
  const failures = result.changes.filter((c) => failing.has(c.kind)).length;
  const tests = Math.max(1, result.changes.length);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="specgate diff" tests="${tests}" failures="${failures}">`,
    `  <testsuite name="${xml(`${result.base} → ${result.head}`)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
