/** The send stage: the only code that talks to the API under test. */
export { send, type SendOptions } from './send.ts';
export { createDispatcher, type DispatcherOptions } from './dispatcher.ts';
export { createRateLimiter, UNLIMITED, type RateLimiter } from './rate-limit.ts';
export { retryAfterMs, isBackOffStatus } from './retry-after.ts';
export { classifyTransportError, type TransportErrorCode } from './transport-error.ts';
export { authFor, applyAuth, stripCredentials } from './auth.ts';
export { isEventStream, type StreamEventHook } from './sse.ts';
export { wireRequest } from './request.ts';
export { fetchToken, readClientCredentials, specTokenUrl, type ClientCredentials, type Token } from './oauth2.ts';
