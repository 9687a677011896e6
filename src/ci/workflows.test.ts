/**
 * Laws of the GitHub Action and workflows: they parse, they trigger and are permitted as intended, every
 * `uses:` is pinned (major version at least), inputs never reach a shell script as text, and every command a
 * `run:` step names (`specgate <cmd>`, `npm run`, `node <file>`, `bash <file>`) exists in this repository.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
type Doc = Record<string, any>;

const workflowFiles = readdirSync(path.join(root, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f));
const workflows: Record<string, Doc> = Object.fromEntries(
  workflowFiles.map((f) => [f, parse(read(`.github/workflows/${f}`)) as Doc]),
);
const action = parse(read('action.yml')) as Doc;

/** Commands `specgate` dispatches, read from main.ts's COMMANDS table (each loads commands/<name>.ts). */
const commands = new Set(
  [...read('src/cli/main.ts').matchAll(/^\s+([a-z-]+): \{\n[^}]*?import\('\.\/commands\/\1\.ts'\)/gm)].map(
    (m) => m[1]!,
  ),
);
/** Listed in main.ts but not written yet; see the last law. Empty: every command the workflows name exists. */
const PENDING = new Set<string>([]);
const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);

function steps(doc: Doc): Doc[] {
  if (doc.runs?.steps) return doc.runs.steps as Doc[];
  return Object.values(doc.jobs as Record<string, Doc>).flatMap((job) => (job.steps ?? []) as Doc[]);
}
const everyFile: Array<[string, Doc]> = [...Object.entries(workflows), ['action.yml', action]];
const runScripts = everyFile.flatMap(([file, doc]) =>
  steps(doc)
    .filter((s) => typeof s.run === 'string')
    .map((s) => [file, s.run as string] as const),
);

/** Strips the prefixes that point at the action's own checkout; a compiled dist/x.js stands for src/x.ts. */
function repoPath(p: string): string {
  return p
    .replace(/^["']?\$\{?GITHUB_ACTION_PATH\}?\//, '')
    .replace(/^\$\{\{ github\.action_path \}\}\//, '')
    .replace(/["']$/, '')
    .replace(/^dist\/(.*)\.js$/, 'src/$1.ts');
}

describe('workflow files', () => {
  it('are the three this project needs, and all parse with jobs', () => {
    expect(Object.keys(workflows).sort()).toEqual(['ci.yml', 'nightly-drift.yml', 'spec-pr.yml']);
    for (const doc of Object.values(workflows)) expect(Object.keys(doc.jobs ?? {}).length).toBeGreaterThan(0);
  });

  it('trigger as intended', () => {
    expect(Object.keys(workflows['ci.yml']!.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflows['spec-pr.yml']!.on.pull_request.paths).toContain('openapi.json');
    const nightly = workflows['nightly-drift.yml']!.on;
    expect(nightly.schedule[0].cron.trim().split(/\s+/)).toHaveLength(5);
    expect(nightly).toHaveProperty('workflow_dispatch');
  });

  it('declare least-privilege permissions', () => {
    for (const [file, doc] of Object.entries(workflows)) {
      expect(typeof doc.permissions, file).toBe('object');
      expect(doc.permissions.contents, file).toBe('read');
    }
    expect(workflows['spec-pr.yml']!.permissions['pull-requests']).toBe('write');
    expect(workflows['nightly-drift.yml']!.permissions.issues).toBe('write');
    expect(workflows['ci.yml']!.permissions).toEqual({ contents: 'read' });
  });

  it('shard the nightly run 1/3..3/3, merge, and keep production safe', () => {
    const { shard, merge } = workflows['nightly-drift.yml']!.jobs;
    expect(shard.strategy.matrix.shard).toEqual([1, 2, 3]);
    const run = shard.steps.find((s: Doc) => s.uses === './');
    expect(run.with.shard).toBe('${{ matrix.shard }}/3');
    expect(run.with.token).toBe('${{ secrets.AIGATEWAY_API_KEY }}');
    expect(run.with.args).toMatch(/--read-only/);
    expect(run.with.args).toMatch(/--max-requests \d+/);
    expect(run.with.args).toMatch(/--max-duration \d+/);
    expect(merge.needs).toBe('shard');
    expect(merge.steps.map((s: Doc) => s.run ?? '').join('\n')).toMatch(/specgate\.js merge /);
    expect(existsSync(path.join(root, workflows['nightly-drift.yml']!.env.BASELINE))).toBe(true);
  });
});

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual([
      'args',
      'base-url',
      'baseline',
      'checks',
      'fail-on',
      'report-dir',
      'sarif',
      'shard',
      'spec',
      'token',
    ]);
    for (const step of steps(action)) if (step.run) expect(step.shell, step.name).toBe('bash');
  });

  it('passes the token only as SPECGATE_TOKEN and never splices an input into a script', () => {
    const withToken = steps(action).filter((s) => JSON.stringify(s).includes('inputs.token'));
    expect(withToken).toHaveLength(1);
    expect(withToken[0]!.env.SPECGATE_TOKEN).toBe('${{ inputs.token }}');
    for (const [file, script] of runScripts)
      expect(script, file).not.toMatch(/\$\{\{\s*(inputs|github\.event|secrets)\./);
  });

  it('sets up Node 20, writes the summary, annotates and uploads reports', () => {
    const all = steps(action);
    expect(all.find((s) => String(s.uses).startsWith('actions/setup-node@'))?.with['node-version']).toBe(20);
    expect(all.some((s) => /GITHUB_STEP_SUMMARY/.test(s.run ?? ''))).toBe(true);
    expect(all.some((s) => /dist\/ci\/annotate\.js/.test(s.run ?? ''))).toBe(true);
    expect(all.some((s) => /dist\/ci\/job-summary\.js.*GITHUB_STEP_SUMMARY/.test(s.run ?? ''))).toBe(true);
    expect(all.some((s) => s.uses === 'actions/upload-artifact@v4')).toBe(true);
  });

  it('uploads report.sarif to code scanning only when asked and only when the run wrote it', () => {
    const upload = steps(action).filter((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'));
    expect(upload).toHaveLength(1);
    expect(upload[0]!.with.sarif_file).toBe('${{ inputs.report-dir }}/report.sarif');
    expect(upload[0]!.if).toContain("inputs.sarif == 'true'");
    expect(upload[0]!.if).toMatch(/exit-code == '0'.*exit-code == '1'/);
    expect(action.inputs.sarif.default).toBe('false');
  });
});

describe('the action runs the built package', () => {
  const scripts = steps(action).map((s) => String(s.run ?? ''));
  const build = JSON.parse(read('tsconfig.build.json')) as { files: string[] };

  it('installs only the runtime dependencies and runs no TypeScript source', () => {
    expect(scripts.some((run) => /npm ci --omit=dev/.test(run))).toBe(true);
    for (const run of scripts) {
      expect(run).not.toMatch(/--import tsx|\bsrc\/\S*\.ts\b/);
      expect(run).not.toMatch(/npm (ci|install)(?! --omit=dev)/);
    }
  });

  it('runs only compiled files that the build emits (entry points of tsconfig.build.json)', () => {
    const ran = scripts.flatMap((run) => [...run.matchAll(/\bdist\/([\w/-]+)\.js/g)].map((m) => `src/${m[1]}.ts`));
    expect(ran).toEqual(expect.arrayContaining(['src/cli/bin.ts', 'src/ci/annotate.ts', 'src/ci/job-summary.ts']));
    for (const file of ran) expect(build.files, file).toContain(file);
  });
});

describe('every reference resolves', () => {
  it('pins every action to a major version (or a commit)', () => {
    for (const [file, doc] of everyFile) {
      for (const step of steps(doc).filter((s) => s.uses)) {
        expect(String(step.uses), file).toMatch(/^(\.\/.*|[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40}))$/);
      }
    }
  });

  it('names only specgate commands that exist', () => {
    const named = runScripts.flatMap(([file, script]) =>
      [...script.matchAll(/(?:bin\/specgate\.js"?|\bargs=\()\s*([a-z][a-z-]*)/g)].map((m) => [file, m[1]!] as const),
    );
    expect(named.length).toBeGreaterThan(4);
    for (const [file, command] of named) {
      expect(commands, `${file}: specgate ${command}`).toContain(command);
      if (!PENDING.has(command))
        expect(existsSync(path.join(root, `src/cli/commands/${command}.ts`)), `${file}: ${command}.ts`).toBe(true);
    }
  });

  it('runs only npm scripts and files that exist', () => {
    const files = runScripts.flatMap(([, script]) => [...script.matchAll(/\b(?:node(?: --import tsx)?|bash) \S/g)]);
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const [file, script] of runScripts) {
      for (const m of script.matchAll(/\bnpm run ([\w:-]+)/g)) expect(scripts, file).toContain(m[1]);
      for (const m of script.matchAll(/\bnpm (test|start)\b/g)) expect(scripts, file).toContain(m[1]);
      for (const m of script.matchAll(
        /\b(?:node(?: --import tsx)?|bash) ((?:"?\$\{?GITHUB_ACTION_PATH\}?\/)?[\w./-]+\.(?:ts|js|mjs|sh)"?|\.ci\/[\w-]+)/g,
      )) {
        expect(existsSync(path.join(root, repoPath(m[1]!))), `${file}: ${m[1]}`).toBe(true);
      }
    }
  });

  it('keeps the pending list honest: a pending command that now exists must leave it', () => {
    for (const command of PENDING)
      expect(existsSync(path.join(root, `src/cli/commands/${command}.ts`)), command).toBe(false);
  });
});
