import { describe, expect, it } from 'vitest';
import unsupported from './unsupported-method.ts';
import allow from './allow-header-conformance.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import type { Case, Exchange } from '../types.ts';

// A literal path beside a template that also routes it: PATCH /items/_template is PATCH /items/{id}.
const OVERLAP = `
openapi: 3.0.3
info: {title: overlap, version: '1'}
paths:
  /items/_template:
    get: {responses: {'200': {description: ok}}}
  /items/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {responses: {'200': {description: ok}}}
    patch: {responses: {'200': {description: ok}}}
  /other/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {responses: {'200': {description: ok}}}
`;

const answered = (c: Case, status: number, headers: Record<string, string> = {}): Exchange => ({
  ...exchangeOf({ method: c.method, path: c.path, status, headers }),
  case: c,
});

describe('unsupported_method with overlapping path templates', () => {
  const ctx = contextOf(OVERLAP, 'GET /items/_template');
  const base = exchangeOf({ method: 'GET', path: '/items/_template' }).case;

  it('does not probe with a method another template documents for the same URL', () => {
    expect(unsupported.probe!(base, ctx)).toMatchObject({ method: 'PUT' });
  });

  it('does not report a method another template documents for the same URL', () => {
    const patch = { ...base, method: 'PATCH', id: `${base.id}/probe/unsupported_method` };
    expect(unsupported.run(answered(patch, 200), ctx)).toEqual([]);
    const put = { ...patch, method: 'PUT' };
    expect(unsupported.run(answered(put, 200), ctx)).toMatchObject([{ cause: 'undocumented PUT accepted' }]);
  });

  it('still probes templates whose URLs no other template routes', () => {
    const c = contextOf(OVERLAP, 'GET /other/{id}');
    expect(unsupported.probe!(exchangeOf({ method: 'GET', path: '/other/1' }).case, c)).toMatchObject({
      method: 'PATCH',
    });
  });

  it("allows the other template's methods in Allow, and only those", () => {
    const put = { ...base, method: 'PUT', id: `${base.id}/probe/unsupported_method` };
    expect(allow.run(answered(put, 405, { allow: 'GET, PATCH' }), ctx)).toEqual([]);
    expect(allow.run(answered(put, 405, { allow: 'GET, PATCH, DELETE' }), ctx)).toMatchObject([
      { cause: 'allow DELETE undocumented' },
    ]);
  });
});

// Path keys with a fragment document variants of one URL (APIs-guru's S3, Box): the fragment never reaches the server.
const VARIANTS = `
openapi: 3.0.3
info: {title: variants, version: '1'}
paths:
  /config#acl:
    get: {responses: {'200': {description: ok}}}
  /config#tagging:
    patch: {responses: {'200': {description: ok}}}
`;

describe('unsupported_method with #fragment variants of one URL', () => {
  const ctx = contextOf(VARIANTS, 'GET /config#acl');
  const base = exchangeOf({ method: 'GET', path: '/config#acl' }).case;

  it('does not probe or report a method a sibling variant documents', () => {
    expect(unsupported.probe!(base, ctx)).toMatchObject({ method: 'PUT' });
    const patch = { ...base, method: 'PATCH', id: `${base.id}/probe/unsupported_method` };
    expect(unsupported.run(answered(patch, 200), ctx)).toEqual([]);
    expect(allow.run(answered({ ...patch, method: 'PUT' }, 405, { allow: 'GET, PATCH' }), ctx)).toEqual([]);
  });
});
