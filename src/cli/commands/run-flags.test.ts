import { describe, expect, it } from 'vitest';
import { parseInputs } from './run-flags.ts';

describe('parseInputs', () => {
  it.each([
    [['a=1', 'b=true', 'c=text', 'd=x=y', 'e=null'], { a: 1, b: true, c: 'text', d: 'x=y', e: null }],
    [[], {}],
  ])('%j', (given, want) => expect(parseInputs(given)).toEqual(want));
  it('refuses a pair without a name', () => expect(() => parseInputs(['=1'])).toThrow(/NAME=VALUE/));
});
