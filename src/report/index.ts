/** Every reporter of `specgate run`, in the order files are written, plus the helpers other stages reuse. */
import findingsJson from './findings-json.ts';
import html from './html.ts';
import junit from './junit.ts';
import markdown, { details } from './markdown.ts';
import sarif from './sarif.ts';
import type { Reporter } from '../types.ts';
import summaryJson from './summary-json.ts';

/** All reporters. */
export const REPORTERS: readonly Reporter[] = [junit, markdown, details, findingsJson, summaryJson, html, sarif];

export { toCurl } from './curl.ts';
export { redactExchange, redactHeaders, redactFindings, REDACTED } from '../credentials/index.ts';
export { compareWithBaseline, parseBaseline, findingKey, findingId, causeId } from './baseline.ts';
