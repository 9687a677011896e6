/**
 * OpenAPI's own formats, and the standard formats where ajv-formats disagrees with the RFC that defines them
 * (and so with strict servers); unknown formats pass (the spec says they may be ignored).
 */
import type { Ajv2020 as Ajv } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isEmail } from './email.ts';
import { isUri, isUriReference } from './uri.ts';

const INT32 = {
  type: 'number' as const,
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n <= 2 ** 31 - 1,
};
const INT64 = { type: 'number' as const, validate: (n: number) => Number.isInteger(n) };
const ANY_NUMBER = { type: 'number' as const, validate: () => true };
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** RFC 9562 §4: the hex-and-hyphen form only; `urn:uuid:` makes it a URN, no longer a UUID string. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = fullFormats['date-time'] as { validate: (s: string) => boolean; compare: never };

/** Registers int32, int64, float, double, byte, binary and password. */
export function addOpenApiFormats(ajv: Ajv): void {
  ajv.addFormat('int32', INT32);
  ajv.addFormat('int64', INT64);
  ajv.addFormat('float', ANY_NUMBER);
  ajv.addFormat('double', ANY_NUMBER);
  ajv.addFormat('byte', { type: 'string', validate: (s: string) => BASE64.test(s) });
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
}

/** The string formats whose ajv-formats check disagrees with the RFC that defines them, checked by the RFC. */
export const STRICT_FORMATS: Readonly<Record<string, (s: string) => boolean>> = {
  uri: isUri,
  'uri-reference': isUriReference,
  email: isEmail,
  uuid: (s) => UUID.test(s),
  // RFC 3339's ABNF separates date and time with "T" (or "t", §5.6 NOTE); ajv-formats also takes any whitespace.
  // Its leap-second (23:59:60 in UTC only) and offset (hours 00-23) rules are kept as they are.
  'date-time': (s) => s.charAt(10).toUpperCase() === 'T' && DATE_TIME.validate(s),
};

/** Replaces ajv-formats' checks of STRICT_FORMATS (date-time keeps its comparison for formatMinimum/Maximum). */
export function addStrictFormats(ajv: Ajv): void {
  for (const [name, validate] of Object.entries(STRICT_FORMATS))
    ajv.addFormat(name, { type: 'string', validate, ...(name === 'date-time' ? { compare: DATE_TIME.compare } : {}) });
}
