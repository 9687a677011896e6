/**
 * Response headers every HTTP stack, proxy or CDN adds on its own. Documenting them is not expected, so
 * `undocumented_response_content` never reports them.
 */
const STANDARD = new Set([
  'accept-ranges', 'access-control-allow-credentials', 'access-control-allow-headers', 'access-control-allow-methods',
  'access-control-allow-origin', 'access-control-expose-headers', 'access-control-max-age', 'age', 'allow', 'alt-svc',
  'cache-control', 'connection', 'content-disposition', 'content-encoding', 'content-language', 'content-length',
  'content-location', 'content-range', 'content-security-policy', 'content-type', 'cross-origin-embedder-policy',
  'cross-origin-opener-policy', 'cross-origin-resource-policy', 'date', 'etag', 'expires', 'keep-alive', 'last-modified',
  'link', 'location', 'nel', 'origin-agent-cluster', 'permissions-policy', 'pragma', 'referrer-policy', 'report-to',
  'retry-after', 'server', 'server-timing', 'set-cookie', 'strict-transport-security', 'timing-allow-origin', 'trailer',
  'transfer-encoding', 'upgrade', 'vary', 'via', 'www-authenticate', 'x-content-type-options', 'x-dns-prefetch-control',
  'x-download-options', 'x-frame-options', 'x-permitted-cross-domain-policies', 'x-powered-by', 'x-xss-protection',
  'x-request-id', 'x-correlation-id', 'x-trace-id', 'traceparent', 'tracestate', 'x-response-time', 'x-runtime',
]);

/** Prefixes of infrastructure headers (rate limits, CDNs, load balancers, clouds). */
const PREFIXES = ['x-ratelimit-', 'ratelimit', 'x-rate-limit-', 'x-amz-', 'x-amzn-', 'x-cache', 'cf-', 'x-envoy-', 'x-forwarded-',
  'x-served-', 'x-vercel-', 'x-nf-', 'fly-', 'x-cloud-trace', 'x-goog-', 'x-ms-', 'x-azure-', 'x-b3-', 'x-datadog-', 'x-kong-'];

/** True for headers stacks add by themselves (lower-case name). */
export function isStandardHeader(name: string): boolean {
  return STANDARD.has(name) || PREFIXES.some((p) => name.startsWith(p));
}
