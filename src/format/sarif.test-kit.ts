/** The official SARIF 2.1.0 JSON Schema (vendored as test data, see fixtures/sarif/README.md) as an ajv validator. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const SCHEMA = path.resolve(import.meta.dirname, '../../fixtures/sarif/sarif-schema-2.1.0.json');

// strict: false because the schema carries annotations ajv's strict mode does not know; formats are checked.
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under Node's ESM loader its function is the default export's `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv2020,
) => void;
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));

/** The schema's complaints about a SARIF text, one line each (empty when valid). */
export function sarifErrors(text: string): string[] {
  return validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
