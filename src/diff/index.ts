/**
 * The diff stage: two versions of a description → classified changes (breaking / non-breaking / info),
 * each with a rule id and its place in both files. Pure: the CLI does the reading.
 */
export { diffSpecs, type DiffOptions, type DiffResult } from './diff.ts';
export { RULES } from './rules/index.ts';
export { DEFAULT_VERSION_PREFIX } from './version-policy.ts';
export { formatHuman } from './format/human.ts';
export { formatJson } from './format/json.ts';
export { formatJunit } from './format/junit.ts';
export { formatMarkdown } from './format/markdown.ts';
export { formatSarif } from './format/sarif.ts';
export type { Change, ChangeKind, ChangeSite, DiffRule } from './types.ts';
