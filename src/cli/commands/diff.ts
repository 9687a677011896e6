/**
 * `specgate diff <base> <head>`: classifies every change between two versions of a description.
 * Reads files, URLs and git `ref:path` sources (diff-git.ts); everything else is src/diff.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError } from '../../errors.ts';
import { loadSpec } from '../../load/index.ts';
import type { Spec } from '../../types.ts';
import {
  DEFAULT_VERSION_PREFIX,
  RULES,
  diffSpecs,
  formatHuman,
  formatJson,
  formatJunit,
  formatMarkdown,
  type ChangeKind,
} from '../../diff/index.ts';
import type { Command, CommandIO } from '../command.ts';
import { isGitSource, loadGitSpec } from './diff-git.ts';

const FORMATS = ['human', 'markdown', 'json', 'junit'] as const;
const FAIL_ON = ['breaking', 'non-breaking', 'never'] as const;

const USAGE = `Usage: specgate diff <base> <head> [options]

Compares two versions of an OpenAPI description and classifies every change as breaking, non-breaking
or info, each with a rule id and its line in both files. <base> and <head> are file paths, http(s) URLs,
or git sources written ref:path (read with git show, with every file its $refs reach), e.g.:

  specgate diff origin/main:openapi.json openapi.json --format markdown

Operations are matched by method and path template, parameter names ignored (/a/{id} = /a/{petId}).
Schemas are compared through $ref, allOf and nullable unions: moving an inline schema into an equivalent
component is not a change; a change to a shared component is reported for every operation using it;
oneOf/anyOf branches are paired and compared one by one. For webhooks the roles swap (the API sends).

Versioning promise: within a major version the API stays backward compatible; incompatible changes ship
under a new major path prefix. The major of an operation is the first capture group of --version-prefix
matched against its path (default ${DEFAULT_VERSION_PREFIX}, so /v1/chat is major 1). Exactly:
  - adding operations under a new prefix (e.g. /v2/...) is non-breaking;
  - a breaking change to an operation under a major the base already has (/v1/...) is breaking,
    and so is removing such an operation, even when a /v2 replacement exists;
  - a breaking change under a major only the head has is reported as info ("allowed");
  - unversioned paths (e.g. /health) are held to the same promise as existing majors.

Options:
  --format <f>          human | markdown | json | junit (default human; colour only on a terminal)
  --fail-on <kind>      breaking | non-breaking | never: exit 1 when a change of that kind or worse
                        exists (default breaking)
  --version-prefix <re> regex whose first group is the major version ('' turns the promise off)
  --ignore <rule>       drop a rule by id (repeatable)
  -o, --output <file>   write the report to a file instead of stdout

Exit codes: 0 no failing change, 1 failing changes (see --fail-on), 2 bad usage or unusable spec.

Rules:
${RULES.map((r) => `  ${r.id.padEnd(36)}${r.kind.padEnd(13)}${r.description}`).join('\n')}
`;

async function readSpec(source: string, cwd: string): Promise<Spec> {
  return isGitSource(source, cwd) ? loadGitSpec(source, cwd) : loadSpec(source, { cwd });
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new HarnessError('USAGE', `--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function failingKinds(failOn: (typeof FAIL_ON)[number]): Set<ChangeKind> {
  if (failOn === 'never') return new Set();
  return new Set<ChangeKind>(failOn === 'breaking' ? ['breaking'] : ['breaking', 'non-breaking']);
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'human' },
      'fail-on': { type: 'string', default: 'breaking' },
      'version-prefix': { type: 'string', default: DEFAULT_VERSION_PREFIX },
      ignore: { type: 'string', multiple: true, default: [] },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length !== 2)
    throw new HarnessError(
      'USAGE',
      `diff needs exactly two specs, <base> and <head> (got ${positionals.length}); see specgate diff --help`,
    );
  const format = oneOf('format', values.format, FORMATS);
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON);
  const ids = new Set(RULES.map((r) => r.id));
  for (const id of values.ignore)
    if (!ids.has(id))
      throw new HarnessError('USAGE', `--ignore: unknown rule "${id}"; rules are: ${[...ids].join(', ')}`);
  try {
    new RegExp(values['version-prefix']);
  } catch (error) {
    throw new HarnessError('USAGE', `--version-prefix is not a valid regular expression: ${(error as Error).message}`);
  }
  const [base, head] = await Promise.all(positionals.map((s) => readSpec(s, io.cwd)));
  const rules = RULES.filter((r) => !values.ignore.includes(r.id));
  const result = diffSpecs(base!, head!, { versionPrefix: values['version-prefix'], rules });
  const failing = failingKinds(failOn);
  const text =
    format === 'json'
      ? formatJson(result)
      : format === 'markdown'
        ? formatMarkdown(result)
        : format === 'junit'
          ? formatJunit(result, failing)
          : formatHuman(result, io.interactive && !values.output);
  if (values.output) await writeFile(resolve(io.cwd, values.output), text);
  else io.stdout(text);
  return result.changes.some((c) => failing.has(c.kind)) ? 1 : 0;
}

const command: Command = {
  name: 'diff',
  usage: USAGE,
  run,
};

export default command;
