/** Every lint rule, in the order they run and report. One file per rule; the file name is the rule id. */
import type { Rule } from '../types.ts';
import specStructure from './spec-structure.ts';
import operationIdMissing from './operation-id-missing.ts';
import operationIdDuplicate from './operation-id-duplicate.ts';
import pathParamUndeclared from './path-param-undeclared.ts';
import pathParamUnused from './path-param-unused.ts';
import pathTemplateCollision from './path-template-collision.ts';
import parameterDuplicate from './parameter-duplicate.ts';
import serverUrlInvalid from './server-url-invalid.ts';
import securitySchemeUndefined from './security-scheme-undefined.ts';
import responseSchemaMissing from './response-schema-missing.ts';
import responseContentMissing from './response-content-missing.ts';
import operation4xxMissing from './operation-4xx-missing.ts';
import responseHeaderContentType from './response-header-content-type.ts';
import schema30Keyword from './schema-3-0-keyword.ts';
import refSiblingsIgnored from './ref-siblings-ignored.ts';
import formatTypeMismatch from './format-type-mismatch.ts';
import patternInvalid from './pattern-invalid.ts';
import requiredPropertyUndefined from './required-property-undefined.ts';
import readOnlyRequiredInRequest from './read-only-required-in-request.ts';
import enumDuplicate from './enum-duplicate.ts';
import enumInvalid from './enum-invalid.ts';
import defaultInvalid from './default-invalid.ts';
import exampleInvalid from './example-invalid.ts';
import componentUnused from './component-unused.ts';

/** The rules, in run order. */
export const rules: readonly Rule[] = [
  specStructure,
  operationIdMissing,
  operationIdDuplicate,
  pathParamUndeclared,
  pathParamUnused,
  pathTemplateCollision,
  parameterDuplicate,
  serverUrlInvalid,
  securitySchemeUndefined,
  responseSchemaMissing,
  responseContentMissing,
  operation4xxMissing,
  responseHeaderContentType,
  schema30Keyword,
  refSiblingsIgnored,
  formatTypeMismatch,
  patternInvalid,
  requiredPropertyUndefined,
  readOnlyRequiredInRequest,
  enumDuplicate,
  enumInvalid,
  defaultInvalid,
  exampleInvalid,
  componentUnused,
];
