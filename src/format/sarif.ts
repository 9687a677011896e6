/**
 * SARIF 2.1.0, the format GitHub code scanning reads: one small builder shared by `lint --format sarif`,
 * `diff --format sarif` and the run's `report.sarif`, so the three agree on tool, rules and locations.
 * The types come from `@types/sarif` (types only, nothing at run time).
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';

/** specgate's version (as `specgate --version` prints it). */
const VERSION = '0.1.0';

/** Where the official 2.1.0 schema lives; SARIF consumers read the version from `version`, not from here. */
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A rule as the three producers know it: an id and one sentence. */
export interface SarifRule {
  id: string;
  description?: string;
  helpUri?: string;
}

/** One result before it is placed: what, how bad, and where in which spec file. */
export interface SarifItem {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  /** Spec file as specgate names it: relative to the working directory, an absolute path, or a URL. */
  file?: string;
  /** 1-based; 0 or absent when unknown (no region is written then). */
  line?: number;
  column?: number;
  /** JSON pointer inside `file`, kept as the location's logical name (minified specs have one long line). */
  pointer?: string;
  /** `"METHOD /path"` the result is about. */
  operation?: string;
  /** A stable identity across runs (the baseline key), so code scanning tracks one alert per cause. */
  fingerprint?: string;
}

/**
 * A spec file name as an `artifactLocation.uri`: a relative path stays relative (code scanning resolves it
 * against the checkout), each segment percent-encoded so `ref:path` or spaces stay a valid URI reference; an
 * absolute path becomes a `file:` URL; a URL is kept (normalized, so it is a valid URI).
 */
export function sarifUri(file: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file) || file.startsWith('file:')) {
    try {
      return new URL(file).href; // percent-encodes what a URI may not hold (spaces, say)
    } catch {
      // not a parseable URL after all: encode it as a relative reference below
    }
  }
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split('/').map(encodeURIComponent).join('/');
}

function locationOf(item: SarifItem): Location | undefined {
  if (!item.file) return undefined;
  const region =
    item.line && item.line > 0
      ? { startLine: item.line, ...(item.column && item.column > 0 ? { startColumn: item.column } : {}) }
      : undefined;
  const names = [
    ...(item.operation ? [{ fullyQualifiedName: item.operation, kind: 'function' }] : []),
    ...(item.pointer ? [{ fullyQualifiedName: item.pointer, kind: 'member' }] : []),
  ];
  return {
    physicalLocation: { artifactLocation: { uri: sarifUri(item.file) }, ...(region && { region }) },
    ...(names.length > 0 && { logicalLocations: names }),
  };
}

function descriptor(rule: SarifRule): ReportingDescriptor {
  return {
    id: rule.id,
    ...(rule.description && { shortDescription: { text: rule.description } }),
    ...(rule.helpUri && { helpUri: rule.helpUri }),
  };
}

/**
 * A SARIF log with one run: `rules` first (in the given order), then any rule id only a result names, so
 * every result's `ruleIndex` points into `tool.driver.rules`.
 */
export function sarifLog(rules: readonly SarifRule[], items: readonly SarifItem[], version = VERSION): Log {
  const all = [...rules];
  for (const item of items) if (!all.some((r) => r.id === item.ruleId)) all.push({ id: item.ruleId });
  const index = new Map(all.map((r, i) => [r.id, i]));
  const results = items.map((item): Result => {
    const location = locationOf(item);
    return {
      ruleId: item.ruleId,
      ruleIndex: index.get(item.ruleId)!,
      level: item.level,
      message: { text: item.message },
      ...(location && { locations: [location] }),
      ...(item.fingerprint && { partialFingerprints: { 'specgate/v1': item.fingerprint } }),
    };
  });
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'specgate', version, rules: all.map(descriptor) } }, results }],
  };
}

/** The log as a file: pretty JSON, newline-terminated. */
export function sarifText(log: Log): string {
  return JSON.stringify(log, null, 2) + '\n';
}
