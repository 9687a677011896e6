/** `specgate lint`: structural and semantic checks of an OpenAPI description, without calling any API. */
import { parseArgs } from 'node:util';
import { HarnessError } from '../../errors.ts';
import type { Severity } from '../../types.ts';
import type { Command } from '../command.ts';
import { loadConfig } from '../../config/index.ts';
import { loadSpec } from '../../load/index.ts';
import { checkRuleIds, lintSpec, rules } from '../../lint/index.ts';
import { formats } from '../../lint/format/index.ts';

const usage = `Usage: specgate lint [spec] [options]

Checks an OpenAPI 3.0/3.1/3.2 description against the official JSON Schema (rule spec-structure) and ${rules.length - 1} semantic rules.

Arguments:
  spec                    path or URL of the description (default: config "spec", else openapi.json)

Options:
  --format <f>            human (default), json, junit, markdown, github
  --config <file>         config file (default: specgate.config.yaml in the working directory)
  --max-warnings <n>      exit 1 when there are more than n warnings
  --rule <id=severity>    set a rule to off, warn or error (repeatable; overrides the config)
  -h, --help              this help

Rules (default severity):
${rules.map((r) => `  ${r.id.padEnd(30)}${r.defaultSeverity.padEnd(7)}${r.description}`).join('\n')}

Exit codes: 0 no errors (warnings allowed), 1 errors (or too many warnings), 2 bad usage or unusable spec.
`;

function parseRuleFlag(flag: string): [string, Severity] {
  const match = /^([a-z0-9-]+)=(off|warn|error)$/.exec(flag);
  if (!match) throw new HarnessError('USAGE', `--rule expects <id>=off|warn|error, got "${flag}"`);
  return [match[1]!, match[2] as Severity];
}

const command: Command = {
  name: 'lint',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        rule: { type: 'string', multiple: true },
      },
    });
    if (positionals.length > 1)
      throw new HarnessError('USAGE', `lint takes one spec, got ${positionals.length}: ${positionals.join(', ')}`);
    const format = values.format ?? 'human';
    const formatter = formats[format];
    if (!formatter)
      throw new HarnessError(
        'USAGE',
        `unknown --format "${format}"; expected one of: ${Object.keys(formats).join(', ')}`,
      );
    const { config } = loadConfig(io.cwd, values.config);
    const configured = config.lint?.rules ?? {};
    checkRuleIds(configured, 'CONFIG_INVALID');
    const overrides = { ...configured, ...Object.fromEntries((values.rule ?? []).map(parseRuleFlag)) };
    checkRuleIds(overrides);
    const maxWarnings =
      values['max-warnings'] !== undefined ? Number(values['max-warnings']) : config.lint?.maxWarnings;
    if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
      throw new HarnessError('USAGE', `--max-warnings expects a non-negative integer, got "${values['max-warnings']}"`);
    }
    const spec = await loadSpec(positionals[0] ?? config.spec ?? 'openapi.json', { cwd: io.cwd });
    const problems = lintSpec(spec, { rules: overrides });
    io.stdout(formatter(problems, { color: io.interactive }));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    if (errors > 0) return 1;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr(`specgate: ${warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
      return 1;
    }
    return 0;
  },
};
export default command;
