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

/** Connections refused in a row, after the target had answered, at which the target is taken for down. */
export const DOWN_STREAK = 25;

/**
 * Counts requests and connect failures: `unreachable()` is the connect error when every request failed so;
 * `down()` says why the run should stop when a target that answered before refuses every connection since
 * (it crashed: Prism died of its own logger mid-run and 58,000 refused requests followed in 50 s).
 */
export function createTally(): Recorder & { sent(): number; unreachable(): string; down(): string } {
  let sent = 0;
  let connectFailures = 0;
  let answered = 0;
  let streak = 0;
  let lastConnectError = '';
  return {
    sending: () => void sent++,
    received(exchange) {
      if (!exchange.error || !CONNECT_FAILURES.has(exchange.error.code)) {
        if (exchange.response) answered++;
        streak = 0;
        return;
      }
      connectFailures++;
      streak++;
      lastConnectError = exchange.error.code;
    },
    sent: () => sent,
    unreachable: () => (sent > 0 && connectFailures === sent ? lastConnectError : ''),
    down: () =>
      answered > 0 && streak >= DOWN_STREAK
        ? `stopped: the target stopped answering (${lastConnectError} ${streak} times in a row after ${answered} answers)`
        : '',
  };
}
