/** Laws of the poisoned-target detection: a flip to one uniform error after the run's own request, and nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPoisoning, isPoisoned, signatureOf, type Answer } from './target-poisoned.ts';
import { exchangeOf } from './test-kit.ts';

let clock = 0;
const answer = (operation: string, status: number, over: Partial<Answer> = {}): Answer => {
  const sentAt = clock++;
  const ok = status < 300;
  return {
    sentAt,
    doneAt: sentAt,
    operation,
    write: true,
    switch: false,
    status,
    signature: ok ? `${status} {id:string}` : `${status} {error:{code,message}}`,
    ...(ok ? { exchange: exchangeOf({ method: 'POST', path: operation, status }) } : {}),
    ...over,
  };
};
const last = (log: Answer[]) => detectPoisoning(log, log.at(-1)!);

describe('signatureOf', () => {
  it('is the status and the body shape, blind to the values', () => {
    const a = exchangeOf({ status: 503, body: { error: { code: 'm', message: 'x' } } });
    const b = exchangeOf({ status: 503, body: { error: { code: 'other', message: 'y' } } });
    expect(signatureOf(a)).toBe(signatureOf(b));
    expect(signatureOf(a)).not.toBe(signatureOf(exchangeOf({ status: 503, body: { message: 'x' } })));
  });
});

describe('detectPoisoning', () => {
  it('names the request after which operations that answered otherwise all answer one uniform error', () => {
    const log = [
      answer('/a', 201),
      answer('/b', 201),
      answer('/switch', 200),
      answer('/a', 503),
      answer('/b', 503),
      answer('/c', 503),
    ];
    const p = last(log)!;
    expect(p.culprit.operation).toBe('/switch');
    expect(p.operations).toEqual(['/a', '/b', '/c']);
    expect(log.slice(3).every((a) => isPoisoned(p, a))).toBe(true);
    expect(log.slice(0, 3).some((a) => isPoisoned(p, a))).toBe(false);
  });

  it('prefers a switch operation among the last accepted requests as the culprit', () => {
    const log = [
      answer('/a', 201),
      answer('/b', 201),
      answer('/maintenance', 200, { switch: true }),
      answer('/x', 201),
    ];
    log.push(answer('/a', 503), answer('/b', 503), answer('/a', 503));
    expect(last(log)!.culprit.operation).toBe('/maintenance');
  });

  it('sees no poisoning in errors that were always so, in mixed errors, or in statuses that say nothing of state', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(400, 404, 422, 500), { minLength: 1, maxLength: 30 }), (statuses) => {
        const log = [answer('/a', 201), ...statuses.map((s, i) => answer(`/op${i % 3}`, s))];
        return last(log) === undefined;
      }),
    );
    const limited = [answer('/a', 201), answer('/b', 201), answer('/s', 200, { switch: true })];
    limited.push(answer('/a', 429), answer('/b', 429), answer('/a', 429));
    expect(last(limited)).toBeUndefined();
    const always = [answer('/w', 201), answer('/admin1', 403), answer('/admin2', 403), answer('/admin1', 403)];
    expect(last(always)).toBeUndefined();
    const mixed = [
      answer('/a', 201),
      answer('/b', 201),
      answer('/s', 200),
      answer('/a', 503),
      answer('/b', 201),
      answer('/a', 503),
    ];
    expect(last(mixed)).toBeUndefined();
  });

  it('sees no flip in operations that refused their valid cases from the start and their invalid ones otherwise', () => {
    const log = [answer('/w', 201), answer('/tokens', 400), answer('/deps', 415), answer('/tokens', 403)];
    log.push(answer('/deps', 403), answer('/tokens', 403), answer('/deps', 403), answer('/tokens', 403));
    expect(last(log)).toBeUndefined();
  });

  it('needs an accepted request of the run before the flip to blame', () => {
    const log = [answer('/a', 400), answer('/b', 400), answer('/a', 503), answer('/b', 503), answer('/a', 503)];
    expect(last(log)).toBeUndefined();
  });
});
