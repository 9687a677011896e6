/**
 * Maps the many ways a request can fail below HTTP (socket, DNS, TLS, timeouts, parser) onto a short list of
 * stable codes, so reports and checks can say "RESET" instead of quoting undici internals.
 */

/** Stable transport error codes an `Exchange.error` may carry. */
export type TransportErrorCode =
  | 'ECONNREFUSED'
  | 'TIMEOUT'
  | 'RESET'
  | 'BODY_TOO_LARGE'
  | 'DNS'
  | 'TLS'
  | 'PROTOCOL'
  | 'ABORTED'
  | 'TRANSPORT';

const BY_CODE: Record<string, TransportErrorCode> = {
  ECONNREFUSED: 'ECONNREFUSED',
  ECONNRESET: 'RESET',
  EPIPE: 'RESET',
  UND_ERR_SOCKET: 'RESET',
  UND_ERR_CLOSED: 'RESET',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'RESET',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
  UND_ERR_CONNECT_TIMEOUT: 'TIMEOUT',
  ETIMEDOUT: 'TIMEOUT',
  ENOTFOUND: 'DNS',
  EAI_AGAIN: 'DNS',
  UND_ERR_HEADERS_OVERFLOW: 'PROTOCOL',
  UND_ERR_INFO: 'PROTOCOL',
  UND_ERR_ABORTED: 'ABORTED',
  ABORT_ERR: 'ABORTED',
};

/** Classifies an error thrown by undici (or a socket under it) into a stable code plus a one-line message. */
export function classifyTransportError(error: unknown): { code: TransportErrorCode; message: string } {
  const chain = causeChain(error);
  for (const e of chain) {
    const raw = String((e as { code?: unknown }).code ?? '');
    const mapped = BY_CODE[raw];
    if (mapped) return { code: mapped, message: describe(chain) };
    if (raw.startsWith('HPE_')) return { code: 'PROTOCOL', message: describe(chain) };
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(raw)) return { code: 'TLS', message: describe(chain) };
  }
  return { code: 'TRANSPORT', message: describe(chain) };
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let e: unknown = error;
  while (e && chain.length < 5 && !chain.includes(e)) {
    chain.push(e);
    // AggregateError (happy-eyeballs connect to several addresses) carries the real cause in `errors`.
    const nested = (e as { errors?: unknown[] }).errors?.[0];
    e = (e as { cause?: unknown }).cause ?? nested;
  }
  return chain;
}

function describe(chain: unknown[]): string {
  const messages = chain.map((e) => (e instanceof Error ? e.message : String(e))).filter(Boolean);
  return [...new Set(messages)].join(': ') || 'transport error';
}
