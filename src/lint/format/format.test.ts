/** Laws of the lint formatters: each is a pure function of the problems and carries every field a consumer needs. */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../types.ts';
import { formats } from './index.ts';

const problems: Problem[] = [
  {
    rule: 'spec-structure',
    severity: 'error',
    message: 'Field "x" is not allowed, <really> & "truly"',
    pointer: '/paths/~1a/x',
    file: 'api.yaml',
    line: 12,
    column: 5,
  },
  {
    rule: 'operation-id-missing',
    severity: 'warn',
    message: 'GET /a has no operationId.\nsecond line',
    pointer: '/paths/~1a/get',
    file: 'api.yaml',
    line: 3,
    column: 7,
  },
  {
    rule: 'component-unused',
    severity: 'warn',
    message: 'schema "B" | unused',
    pointer: '/components/schemas/B',
    file: 'parts/b.yaml',
    line: 1,
    column: 1,
  },
];

describe('lint formats', () => {
  it('json lists every problem with exactly the documented keys', () => {
    const rows = JSON.parse(formats.json!(problems, {}));
    expect(rows).toEqual(
      problems.map(({ rule, severity, message, pointer, file, line, column }) => ({
        rule,
        severity,
        message,
        pointer,
        file,
        line,
        column,
      })),
    );
  });

  it('human groups by file, prints file:line:col and a summary, and has no colour unless asked', () => {
    const text = formats.human!(problems, {});
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatch(/^api\.yaml\n/);
    expect(text).toContain('api.yaml:12:5');
    expect(text).toContain('parts/b.yaml:1:1');
    expect(text.trim().split('\n').at(-1)).toBe('3 problems (1 error, 2 warnings)');
    expect(formats.human!(problems, { color: true })).toMatch(/\u001b\[31merror/);
    expect(formats.human!([], {})).toBe('No problems found.\n');
  });

  it('github emits one escaped annotation per problem', () => {
    const lines = formats.github!(problems, {}).trimEnd().split('\n');
    expect(lines).toHaveLength(problems.length);
    expect(lines[0]).toBe(
      '::error file=api.yaml,line=12,col=5,title=spec-structure::Field "x" is not allowed, <really> & "truly"',
    );
    expect(lines[1]).toBe(
      '::warning file=api.yaml,line=3,col=7,title=operation-id-missing::GET /a has no operationId.%0Asecond line',
    );
  });

  it('junit is well-formed enough to count: one testcase per problem, failures = errors, text escaped', () => {
    const xml = formats.junit!(problems, {});
    expect(xml.match(/<testcase /g)).toHaveLength(problems.length);
    expect(xml).toContain('<testsuites name="specgate lint" tests="3" failures="1">');
    expect(xml).toContain('&lt;really&gt; &amp; &quot;truly&quot;');
    expect(xml).not.toMatch(/<really>/);
  });

  it('markdown has a table row per problem with pipes escaped', () => {
    const md = formats.markdown!(problems, {});
    expect(md).toContain('**1 error, 2 warnings**');
    expect(md).toContain('| 12:5 | ❌ error | `spec-structure` |');
    expect(md).toContain('schema "B" \\| unused');
    expect(md.match(/^\| \d+:\d+ \|/gm)).toHaveLength(problems.length);
  });
});
