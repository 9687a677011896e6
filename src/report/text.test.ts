import { describe, expect, it } from 'vitest';
import { loc } from './text.ts';

describe('loc', () => {
  it('gives file:line:col where the line guides a reader, and leads with the pointer on a minified spec', () => {
    expect(loc({ file: 'api.yaml', line: 12, column: 5, pointer: '/paths' })).toBe('api.yaml:12:5');
    expect(loc({ file: 'api.json', line: 1, column: 437913, pointer: '/paths/~1a/get' })).toBe(
      'api.json#/paths/~1a/get (1:437913)',
    );
    expect(loc(undefined)).toBe('');
  });
});
