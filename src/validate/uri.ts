/**
 * `uri` and `uri-reference` exactly as RFC 3986 Appendix A writes them, plus the one scheme rule strict HTTP
 * stacks enforce. ajv-formats' regex lets `scheme:/` start an authority (`\/?\/`), so `http://:&` passed as
 * `http:` + `/` + empty authority + path `/:&`, which no strict server accepts; no maintained npm parser is
 * strict either (fast-uri and uri-js repair what they read), so the grammar is spelt out here, rule by rule.
 *
 * RFC rather than WHATWG: validation says what the contract's `format` means, and JSON Schema defines `uri` by
 * RFC 3986. Where WHATWG's `new URL()` differs (it repairs `http://a/b c`, `http://a/%zz`, `http://a\b`; it
 * refuses RFC-valid `http://a:99999/`, `http://1.2.3.4.5/`, `http://[v1.x]/`), the generators (generate/format.ts)
 * only produce values both accept.
 */

const HEX = '[0-9A-Fa-f]';
const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = `%${HEX}{2}`;
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const SCHEME = '[A-Za-z][A-Za-z0-9+\\-.]*';
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*`;
const DEC_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])';
const IPV4 = `${DEC_OCTET}(?:\\.${DEC_OCTET}){3}`;
const H16 = `${HEX}{1,4}`;
const LS32 = `(?:${H16}:${H16}|${IPV4})`;
/** The nine IPv6address forms of the RFC, in its order (the middle three: at most `n` + 1 groups before `::`). */
export const IPV6 = [
  `(?:${H16}:){6}${LS32}`,
  `::(?:${H16}:){5}${LS32}`,
  `(?:${H16})?::(?:${H16}:){4}${LS32}`,
  ...[1, 2, 3].map((n) => `(?:(?:${H16}:){0,${n}}${H16})?::(?:${H16}:){${4 - n}}${LS32}`),
  `(?:(?:${H16}:){0,4}${H16})?::${LS32}`,
  `(?:(?:${H16}:){0,5}${H16})?::${H16}`,
  `(?:(?:${H16}:){0,6}${H16})?::`,
].join('|');
const IP_FUTURE = `v${HEX}+\\.[${UNRESERVED}${SUB_DELIMS}:]+`;
const REG_NAME = `(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*`;
const HOST = `(?:\\[(?:${IPV6}|${IP_FUTURE})\\]|${REG_NAME})`;
const AUTHORITY = `(?:${USERINFO}@)?${HOST}(?::[0-9]*)?`;
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NZ = `${PCHAR}+`;
const SEGMENT_NZ_NC = `(?:[${UNRESERVED}${SUB_DELIMS}@]|${PCT})+`;
const PATH_ABEMPTY = `(?:/${SEGMENT})*`;
const PATH_ABSOLUTE = `/(?:${SEGMENT_NZ}(?:/${SEGMENT})*)?`;
const PATH_ROOTLESS = `${SEGMENT_NZ}(?:/${SEGMENT})*`;
const PATH_NOSCHEME = `${SEGMENT_NZ_NC}(?:/${SEGMENT})*`;
const QUERY_FRAGMENT = `(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?`;
const HIER_PART = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)`;
const RELATIVE_PART = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_NOSCHEME}|)`;

const URI = new RegExp(`^${SCHEME}:${HIER_PART}${QUERY_FRAGMENT}$`);
const RELATIVE_REF = new RegExp(`^${RELATIVE_PART}${QUERY_FRAGMENT}$`);

/**
 * Schemes whose own RFCs require a non-empty host (RFC 9110 §4.2.1-2: "A recipient that processes such a URI
 * reference MUST reject it as invalid"; RFC 6455 §3 for WebSocket). Other schemes keep RFC 3986's generic
 * rule, under which an empty host is valid: `file:///etc/hosts` is the canonical file URI (RFC 8089).
 */
const HOST_REQUIRED = /^(?:https?|wss?)$/i;
/** RFC 3986 Appendix B: scheme (2) and authority (4) of a string already known to be a URI reference. */
const PARTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?/;

function hostRuleHolds(value: string): boolean {
  const [, scheme, authority] = PARTS.exec(value) ?? [];
  if (scheme === undefined || !HOST_REQUIRED.test(scheme)) return true;
  if (authority === undefined) return false;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  return hostPort.replace(/:[0-9]*$/, '') !== '';
}

/** RFC 3986 `URI` (absolute, fragment allowed), with the host rule of http, https, ws and wss. */
export const isUri = (value: string): boolean => URI.test(value) && hostRuleHolds(value);

/** RFC 3986 `URI-reference` (a URI or a relative reference), with the same host rule when a scheme is given. */
export const isUriReference = (value: string): boolean =>
  (URI.test(value) || RELATIVE_REF.test(value)) && hostRuleHolds(value);
