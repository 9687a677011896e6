import { describe, expect, it } from 'vitest';
import { junitXml } from './junit.ts';
import { sampleResult } from './test-result.ts';
import { parseXml, type XmlElement } from './xml-parse.test-kit.ts';

const all = (el: XmlElement, name: string): XmlElement[] =>
  el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);

describe('junit.xml', () => {
  const root = parseXml(junitXml(sampleResult()));
  const suites = all(root, 'testsuite');

  it('is well-formed, with a suite per operation and a testcase per check (one for an operation never reached)', () => {
    expect(root.name).toBe('testsuites');
    expect(suites.map((s) => s.attrs.name)).toEqual([
      'GET /things/{id}',
      'POST /things',
      'GET /things',
      'DELETE /things/{id}',
    ]);
    for (const s of suites.slice(0, 3)) expect(all(s, 'testcase').map((t) => t.attrs.name)).toHaveLength(4);
    expect(all(suites[3]!, 'testcase').map((t) => t.attrs.name)).toEqual(['not reached']);
  });

  it('counts agree with the elements', () => {
    for (const el of [root, ...suites]) {
      expect(Number(el.attrs.failures)).toBe(all(el, 'failure').length);
      expect(Number(el.attrs.skipped)).toBe(all(el, 'skipped').length);
      expect(Number(el.attrs.tests)).toBe(all(el, 'testcase').length);
    }
  });

  it('fails on new error findings, reports warnings and known findings as output, skips with why', () => {
    const cases = all(suites[0]!, 'testcase');
    const byName = Object.fromEntries(cases.map((c) => [c.attrs.name, c]));
    const failure = all(byName.response_schema_conformance!, 'failure')[0]!;
    expect(failure.attrs.message).toBe('body/created type');
    expect(failure.text).toContain('Received: "created": "2024-01-01" (string)');
    expect(failure.text).toContain('<script>alert(\\"x\\")</script>]]>');
    expect(all(byName.undocumented_response_content!, 'system-out')[0]!.text).toContain(
      '[warn, known] body/echo undocumented',
    );
    expect(all(byName.sse_stream_conformance!, 'skipped')[0]!.attrs.message).toBe('not a text/event-stream response');
    expect(all(suites[3]!, 'skipped').map((s) => s.attrs.message)).toEqual([
      'operation not reached: excluded by --read-only',
    ]);
  });

  it('keeps a known error finding out of failures, and drops characters XML cannot carry', () => {
    const r = sampleResult();
    r.findings = r.findings.map((f) => ({ ...f, baseline: 'known' as const, message: `${f.message}\u0000\u001b[31m` }));
    const parsed = parseXml(junitXml(r));
    expect(all(parsed, 'failure')).toEqual([]);
    expect(parsed.attrs.failures).toBe('0');
  });
});
