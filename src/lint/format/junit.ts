/** JUnit XML: one test suite per file, one failing test case per problem (CI test-report widgets read this). */
import { xmlEscape } from '../../format/xml.ts';
import type { Problem } from '../../types.ts';

/** Formats problems as a JUnit XML report. */
export function junit(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="specgate lint" tests="${problems.length}" failures="${errors}">`,
  ];
  for (const [file, list] of byFile) {
    const failures = list.filter((p) => p.severity === 'error').length;
    lines.push(`  <testsuite name="${xmlEscape(file)}" tests="${list.length}" failures="${failures}">`);
    for (const p of list) {
      const name = xmlEscape(`${p.rule} ${file}:${p.line}:${p.column}`);
      const type = p.severity === 'error' ? 'failure' : 'skipped';
      lines.push(
        `    <testcase classname="${xmlEscape(p.rule)}" name="${name}" file="${xmlEscape(file)}" line="${p.line}">`,
      );
      lines.push(
        `      <${type} message="${xmlEscape(p.message)}">${xmlEscape(`${p.severity}: ${p.message}\nat ${file}:${p.line}:${p.column} (${p.pointer || '/'})`)}</${type}>`,
      );
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
