/** Every diff rule, in the order they run and are listed in `specgate diff --help`. */
import type { DiffRule } from '../types.ts';
import pathRemoved from './path-removed.ts';
import operationRemoved from './operation-removed.ts';
import operationAdded from './operation-added.ts';
import operationIdChanged from './operation-id-changed.ts';
import securityRequirementAdded from './security-requirement-added.ts';
import securityRequirementRemoved from './security-requirement-removed.ts';
import operationDeprecated from './operation-deprecated.ts';
import requestParameterRemoved from './request-parameter-removed.ts';
import requestParameterRequiredAdded from './request-parameter-required-added.ts';
import optionalParameterAdded from './optional-parameter-added.ts';
import requestParameterBecameRequired from './request-parameter-became-required.ts';
import requestParameterBecameOptional from './request-parameter-became-optional.ts';
import requestBodyBecameRequired from './request-body-became-required.ts';
import requestMediaTypeRemoved from './request-media-type-removed.ts';
import requestMediaTypeAdded from './request-media-type-added.ts';
import responseStatusRemoved from './response-status-removed.ts';
import responseErrorStatusRemoved from './response-error-status-removed.ts';
import responseStatusAdded from './response-status-added.ts';
import responseMediaTypeRemoved from './response-media-type-removed.ts';
import responseMediaTypeAdded from './response-media-type-added.ts';
import responseHeaderRemoved from './response-header-removed.ts';
import responseHeaderAdded from './response-header-added.ts';
import requestTypeChanged from './request-type-changed.ts';
import requestTypeWidened from './request-type-widened.ts';
import responsePropertyBecameNullable from './response-property-became-nullable.ts';
import responseTypeWidened from './response-type-widened.ts';
import responseTypeChanged from './response-type-changed.ts';
import responseTypeNarrowed from './response-type-narrowed.ts';
import requestEnumNarrowed from './request-enum-narrowed.ts';
import requestEnumWidened from './request-enum-widened.ts';
import responseEnumWidened from './response-enum-widened.ts';
import responseEnumNarrowed from './response-enum-narrowed.ts';
import requestMaxDecreased from './request-max-decreased.ts';
import requestMinIncreased from './request-min-increased.ts';
import requestMaxIncreased from './request-max-increased.ts';
import requestMinDecreased from './request-min-decreased.ts';
import responseMaxIncreased from './response-max-increased.ts';
import responseMinDecreased from './response-min-decreased.ts';
import responseMaxDecreased from './response-max-decreased.ts';
import responseMinIncreased from './response-min-increased.ts';
import requestPatternAdded from './request-pattern-added.ts';
import requestPatternChanged from './request-pattern-changed.ts';
import requestPatternRemoved from './request-pattern-removed.ts';
import responsePatternChanged from './response-pattern-changed.ts';
import requestFormatChanged from './request-format-changed.ts';
import responseFormatChanged from './response-format-changed.ts';
import defaultChanged from './default-changed.ts';
import requestPropertyRequiredAdded from './request-property-required-added.ts';
import requestPropertyBecameRequired from './request-property-became-required.ts';
import requestPropertyAdded from './request-property-added.ts';
import requestPropertyRemoved from './request-property-removed.ts';
import requestPropertyBecameOptional from './request-property-became-optional.ts';
import responsePropertyRemoved from './response-property-removed.ts';
import responsePropertyBecameOptional from './response-property-became-optional.ts';
import responsePropertyBecameRequired from './response-property-became-required.ts';
import responsePropertyAdded from './response-property-added.ts';
import requestVariantRemoved from './request-variant-removed.ts';
import requestVariantAdded from './request-variant-added.ts';
import responseVariantAdded from './response-variant-added.ts';
import responseVariantRemoved from './response-variant-removed.ts';

/** The explicit, ordered list of rules `diffSpecs` runs by default. */
export const RULES: readonly DiffRule[] = [
  pathRemoved,
  operationRemoved,
  operationAdded,
  operationIdChanged,
  securityRequirementAdded,
  securityRequirementRemoved,
  operationDeprecated,
  requestParameterRemoved,
  requestParameterRequiredAdded,
  optionalParameterAdded,
  requestParameterBecameRequired,
  requestParameterBecameOptional,
  requestBodyBecameRequired,
  requestMediaTypeRemoved,
  requestMediaTypeAdded,
  responseStatusRemoved,
  responseErrorStatusRemoved,
  responseStatusAdded,
  responseMediaTypeRemoved,
  responseMediaTypeAdded,
  responseHeaderRemoved,
  responseHeaderAdded,
  requestTypeChanged,
  requestTypeWidened,
  responsePropertyBecameNullable,
  responseTypeWidened,
  responseTypeChanged,
  responseTypeNarrowed,
  requestEnumNarrowed,
  requestEnumWidened,
  responseEnumWidened,
  responseEnumNarrowed,
  requestMaxDecreased,
  requestMinIncreased,
  requestMaxIncreased,
  requestMinDecreased,
  responseMaxIncreased,
  responseMinDecreased,
  responseMaxDecreased,
  responseMinIncreased,
  requestPatternAdded,
  requestPatternChanged,
  requestPatternRemoved,
  responsePatternChanged,
  requestFormatChanged,
  responseFormatChanged,
  defaultChanged,
  requestPropertyRequiredAdded,
  requestPropertyBecameRequired,
  requestPropertyAdded,
  requestPropertyRemoved,
  requestPropertyBecameOptional,
  responsePropertyRemoved,
  responsePropertyBecameOptional,
  responsePropertyBecameRequired,
  responsePropertyAdded,
  requestVariantRemoved,
  requestVariantAdded,
  responseVariantAdded,
  responseVariantRemoved,
];
