/**
 * Recording: tells the caller about every request as it goes out and every exchange as it comes back, so the
 * run counts requests (per operation and in all) and notices a target that refuses every connection.
 */
import type { Case, Exchange } from '../../types.ts';
import type { Interceptor } from '../dispatch.ts';

/** Listeners of the recorder. */
export interface Recorder {
  sending(c: Case): void;
  received(exchange: Exchange): void;
}

/** Reports each request to `recorder` before and after it is sent. */
export function record(recorder: Recorder): Interceptor {
  return (next) => async (c, ctx) => {
    recorder.sending(c);
    const out = await next(c, ctx);
    if ('exchange' in out) recorder.received(out.exchange);
    return out;
  };
}

const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'DNS', 'TLS']);

/** Counts requests and connect failures: `unreachable()` is the connect error when every request failed so. */
export function createTally(): Recorder & { sent(): number; unreachable(): string } {
  let sent = 0;
  let connectFailures = 0;
  let lastConnectError = '';
  return {
    sending: () => void sent++,
    received(exchange) {
      if (!exchange.error || !CONNECT_FAILURES.has(exchange.error.code)) return;
      connectFailures++;
      lastConnectError = exchange.error.code;
    },
    sent: () => sent,
    unreachable: () => (sent > 0 && connectFailures === sent ? lastConnectError : ''),
  };
}
