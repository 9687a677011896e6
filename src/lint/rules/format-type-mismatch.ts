/**
 * A known `format` only applies to values of its own type; on another type validators ignore it.
 * `type: string` with `format: int64` is allowed: it is the protobuf/JSON convention for 64-bit integers.
 * @see https://spec.openapis.org/oas/v3.1.0#data-types
 */
import type { Report, Rule } from '../types.ts';
import { joinPointer } from '../../json/pointer.ts';

const STRING = [
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'idn-email',
  'hostname',
  'idn-hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'iri',
  'iri-reference',
  'uuid',
  'uri-template',
  'json-pointer',
  'relative-json-pointer',
  'regex',
  'byte',
  'binary',
  'password',
];
const FITS = new Map<string, string[]>([
  ...STRING.map((f): [string, string[]] => [f, ['string']]),
  ['int32', ['integer', 'number']],
  ['int64', ['integer', 'number', 'string']],
  ['float', ['number', 'integer']],
  ['double', ['number', 'integer']],
]);

const rule: Rule = {
  id: 'format-type-mismatch',
  description: 'Every well-known format is used with a type it applies to (e.g. no date-time on an integer).',
  defaultSeverity: 'warn',
  run(ctx) {
    const reports: Report[] = [];
    for (const { schema, pointer } of ctx.schemas()) {
      const fits = typeof schema.format === 'string' ? FITS.get(schema.format) : undefined;
      const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
      if (!fits || types.length === 0 || types.some((t) => typeof t === 'string' && fits.includes(t))) continue;
      reports.push({
        pointer: joinPointer(pointer, 'format'),
        message: `format "${schema.format}" does not apply to type ${types.join('/')} (it applies to ${fits.filter((t) => t !== 'string' || schema.format !== 'int64').join('/')}), so it is ignored.`,
      });
    }
    return reports;
  },
};
export default rule;
