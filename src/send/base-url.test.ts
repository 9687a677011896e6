import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notFoundWarning, resolveBaseUrl, serverPath } from './base-url.ts';

const REFERENCE = ['/v1/chat/completions', '/v1/models', '/v1/models/{id}'];

describe('one base-URL rule: the base URL takes the place of the servers URL; a doubled prefix is dropped', () => {
  it.each([
    ['http://h/v1', REFERENCE, 'http://h', true],
    ['http://h/v1/', REFERENCE, 'http://h', true],
    ['http://h/api/v1', REFERENCE, 'http://h/api', true],
    ['http://h', REFERENCE, 'http://h', false],
    ['http://h/api', REFERENCE, 'http://h/api', false],
    // The spec's server carries /v1 and its paths do not (OpenAI's layout): http://h/v1 is right as it is.
    ['http://h/v1', ['/chat/completions', '/models'], 'http://h/v1', false],
    // One path, or paths sharing only their last segment, say nothing about a prefix.
    ['http://h/users', ['/users'], 'http://h/users', false],
    ['http://h/{v}', ['/{v}/a', '/{v}/b'], 'http://h/{v}', false],
  ])('%s with %j → %s', (base, paths, want, noted) => {
    const got = resolveBaseUrl(base, paths);
    expect(got.url).toBe(want);
    expect(got.note !== undefined).toBe(noted);
  });

  it('says what it did', () => {
    expect(resolveBaseUrl('http://h/v1', REFERENCE).note).toBe(
      'the base URL http://h/v1 ends with /v1, which every path of the spec already starts with: requests go to http://h/v1/chat/completions (not http://h/v1/v1/chat/completions); pass --base-url http://h to say so',
    );
  });

  it('law: base + path never repeats the prefix the paths share, whatever part of it the base URL repeats', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), fc.array(word, { maxLength: 2 }), (prefix, mount) => {
        const paths = [`/${prefix.join('/')}/a`, `/${prefix.join('/')}/b/c`];
        for (let k = 0; k <= prefix.length; k++) {
          const base = `http://h${[...mount, ...prefix.slice(0, k)].map((s) => `/${s}`).join('')}`;
          const { url } = resolveBaseUrl(base, paths);
          // Either the base had no overlap (kept) or the overlap is gone.
          const sent = `${url}${paths[0]}`;
          if (k > 0) expect(sent).toBe(`http://h${mount.map((s) => `/${s}`).join('')}${paths[0]}`);
          else if (!mount.length) expect(url).toBe(base);
        }
      }),
    );
  });
});

describe('most answers 404: the base URL may be wrong', () => {
  const spec = { servers: [{ url: 'https://api.example.com/{version}', variables: { version: { default: 'v1' } } }] };

  it('warns when most reached operations answered only 404, naming the server path the base lacks', () => {
    expect(serverPath(spec)).toBe('/v1');
    expect(notFoundWarning([[404], [404, 404], [200], []], 'http://h', spec)).toBe(
      "the base URL may be wrong: 2 of 3 operations answered only 404 (the spec's servers[0] path is /v1: try --base-url http://h/v1)",
    );
  });

  it('stays quiet when half or fewer did, or with one operation', () => {
    expect(notFoundWarning([[404], [200, 404]], 'http://h', spec)).toBeUndefined();
    expect(notFoundWarning([[404]], 'http://h', spec)).toBeUndefined();
    expect(notFoundWarning([[404], [404], [404]], 'http://h/v1', spec)).toMatch(/3 of 3 .*takes the place/);
  });
});
