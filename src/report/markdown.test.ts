import { describe, expect, it } from 'vitest';
import { reportMarkdown } from './markdown.ts';
import { sampleResult } from './test-result.ts';

describe('report.md', () => {
  const md = reportMarkdown(sampleResult());

  it('leads with the verdict and the summary', () => {
    expect(md.split('\n').slice(0, 3)).toEqual([
      '# specgate run report',
      '',
      '❌ **2 errors, 1 warning** (3/4 operations reached, 1 unchecked).',
    ]);
    for (const row of [
      '| Seed | `7` |',
      '| Operations | 3 reached of 4 |',
      '| Baseline | 1 new, 1 known, 1 fixed |',
      '| `negative_data_rejection` | 1 | · | 2 | error |',
    ]) {
      expect(md).toContain(row);
    }
  });

  it('groups findings by operation, then check, with location, request, response, curl and replay', () => {
    const order = [
      '### `GET /things/{id}` (getThing)',
      '**response_schema_conformance**',
      '**undocumented_response_content**',
      '### `POST /things` (createThing)',
      '## Fixed since the baseline',
      '## Coverage',
      '## Notes',
    ];
    const at = order.map((h) => md.indexOf(h));
    expect(at.every((n) => n >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('Where: spec `openapi.yaml:16:9` · instance `/created` · schema `#/properties/created/type`');
    expect(md).toContain(
      '**Request** (negative case: body.name "" is shorter than 1 character (minLength), case `POST /things/negative/0`):',
    );
    expect(md).toContain(
      '**Replay with specgate:** `specgate run --spec openapi.yaml --base-url http://127.0.0.1:4010 --seed 7 --include createThing`',
    );
  });

  it('says what was not checked: unreached operations, never-seen statuses, idle checks, policies', () => {
    expect(md).toContain('- excluded by --read-only: `DELETE /things/{id}`');
    expect(md).toContain(
      '| GET /things/{id} | 10 (8 positive, 2 negative) | 200, 404 | 503 | 3/4 | sse_stream_conformance (not a text/event-stream response) |',
    );
    expect(md).toContain('**Checks that judged nothing in this run:** `sse_stream_conformance`.');
    expect(md).toContain('- all operations (default): rejected = 400-401, 403-404, 422; accepted = 200-201, 204'); // ranges, not a hundred numbers
  });

  it('has balanced code fences and cuts long bodies at about 1 KB', () => {
    const r = sampleResult();
    r.findings[0]!.exchange!.response!.body = JSON.stringify({ big: 'x'.repeat(5000) });
    const long = reportMarkdown(r);
    expect(long).toMatch(/… \(\d+ more characters\)/);
    expect((long.match(/^```/gm) ?? []).length % 2).toBe(0);
  });

  it('reads "no drift in what was checked", never plain "conformant", when nothing was found', () => {
    const clean = reportMarkdown(sampleResult({ findings: [], fixed: [], exitCode: 0 }));
    expect(clean).toContain(
      '✅ **No drift found in what was checked** (3/4 operations reached, 1 unchecked; see Coverage for what was not).',
    );
    expect(clean).not.toContain('## Findings');
  });
});
