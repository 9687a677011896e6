/** One plain sentence (and the pointer to blame) for one ajv error against the official OpenAPI schema. */
import type { ErrorObject } from 'ajv';
import type { Json } from '../../types.ts';
import { joinPointer, parsePointer } from '../../json/pointer.ts';

/** A structural problem: where it is and what is wrong, in words. */
export interface StructureIssue {
  pointer: string;
  message: string;
}

const METHODS = 'get|put|post|delete|options|head|patch|trace|query';
/** Object kinds by where they sit in a document (last tokens of the pointer). */
const KINDS: Array<[RegExp, string]> = [
  [/^$/, 'OpenAPI Object'],
  [/^\/info$/, 'Info Object'],
  [/^\/components$/, 'Components Object'],
  [/^\/(paths|webhooks)\/[^/]+$/, 'Path Item Object'],
  [new RegExp(`/(${METHODS})$`), 'Operation Object'],
  [/\/parameters\/[^/]+$/, 'Parameter Object'],
  [/\/requestBody$|\/requestBodies\/[^/]+$/, 'Request Body Object'],
  [/\/responses\/[^/]+$/, 'Response Object'],
  [/\/content\/[^/]+$/, 'Media Type Object'],
  [/\/headers\/[^/]+$/, 'Header Object'],
  [/\/examples\/[^/]+$/, 'Example Object'],
  [/\/links\/[^/]+$/, 'Link Object'],
  [/\/servers\/\d+$/, 'Server Object'],
  [/\/tags\/\d+$/, 'Tag Object'],
  [/\/securitySchemes\/[^/]+$/, 'Security Scheme Object'],
  [/\/schemas\/[^/]+$|\/schema$/, 'Schema Object'],
];

/**
 * The OpenAPI object kind an error talks about, e.g. "Response Object": from where it sits in the document,
 * else from the official schema's definition name (helper definitions such as ParameterLocation are not kinds).
 */
function objectKind(schemaPath: string, pointer: string): string {
  const byPlace = KINDS.find(([re]) => re.test(pointer))?.[1];
  if (byPlace) return byPlace;
  const match = /^#\/(?:definitions|\$defs)\/([A-Za-z-]+)/.exec(schemaPath);
  if (!match) return 'object';
  const name = (match[1] ?? '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return name.endsWith('Object') ? name : `${name} Object`;
}

function article(noun: string): string {
  return /^[AEIOU]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** The one well-known version mix-up behind a type error, if it is one. */
function typeHint(pointer: string, value: Json | undefined): string {
  const last = parsePointer(pointer).at(-1);
  if ((last === 'exclusiveMinimum' || last === 'exclusiveMaximum') && typeof value === 'number') {
    return ` A numeric ${last} is OpenAPI 3.1 syntax; in 3.0 write ${last === 'exclusiveMinimum' ? 'minimum' : 'maximum'}: ${value} with ${last}: true.`;
  }
  return '';
}

function typeName(value: Json | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text && text.length > 60 ? text.slice(0, 57) + '...' : String(text);
}

function fieldName(pointer: string): string {
  const last = parsePointer(pointer).at(-1);
  return last === undefined ? 'The document' : `"${last}"`;
}

/** Describes one ajv error; `valueAt` reads the document at an instance pointer. */
export function describeError(error: ErrorObject, valueAt: (pointer: string) => Json | undefined): StructureIssue {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const kind = objectKind(error.schemaPath, at);
  if (error.propertyName !== undefined) {
    return {
      pointer: joinPointer(at, error.propertyName),
      message: `Name "${error.propertyName}" is not allowed here: ${error.message ?? 'invalid name'}.`,
    };
  }
  switch (error.keyword) {
    case 'required':
      return { pointer: at, message: `${kind} is missing required field "${String(params.missingProperty)}".` };
    case 'requiredAny':
      return {
        pointer: at,
        message: `${kind} needs at least one of: ${(params.missingProperties as string[]).map((n) => `"${n}"`).join(', ')}.`,
      };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      return {
        pointer: joinPointer(at, name),
        message: `Field "${name}" is not allowed in ${article(kind)} (extensions must start with "x-").`,
      };
    }
    case 'type':
      return {
        pointer: at,
        message: `${fieldName(at)} must be ${String(params.type).replace(/,/g, ' or ')}, not ${typeName(valueAt(at))}.${typeHint(at, valueAt(at))}`,
      };
    case 'enum':
      return {
        pointer: at,
        message: `${fieldName(at)} is ${show(valueAt(at))}; allowed: ${(params.allowedValues as unknown[]).map((v) => show(v)).join(', ')}.`,
      };
    case 'const':
      return {
        pointer: at,
        message: `${fieldName(at)} must be ${show(params.allowedValue)}, not ${show(valueAt(at))}.`,
      };
    case 'pattern':
      return {
        pointer: at,
        message: `${fieldName(at)} is ${show(valueAt(at))}, which does not match ${String(params.pattern)}.`,
      };
    case 'false schema':
      return { pointer: at, message: `${fieldName(at)} is not allowed here.` };
    default:
      return { pointer: at, message: `${fieldName(at)} ${error.message ?? 'is invalid'}.` };
  }
}
