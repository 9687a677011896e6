/** Laws of `specgate diff` at the CLI edge: exit codes per --fail-on, every format parses, git ref:path sources. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import type { CommandIO } from '../command.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/diff');
const pair = (name: string) => [path.join(fixtures, name, 'base.yaml'), path.join(fixtures, name, 'head.yaml')];

async function cli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    interactive: false,
    env: {},
    cwd,
  };
  const code = await main(['diff', ...args], io);
  return { code, stdout, stderr };
}

describe('specgate diff', () => {
  it.each([
    ['breaking change, default fail-on', 'response-property-removed', [], 1],
    ['breaking change, fail-on never', 'response-property-removed', ['--fail-on', 'never'], 0],
    ['non-breaking change, default fail-on', 'response-property-added', [], 0],
    ['non-breaking change, fail-on non-breaking', 'response-property-added', ['--fail-on', 'non-breaking'], 1],
    ['nothing changed', 'no-change-ref-refactor', ['--fail-on', 'non-breaking'], 0],
    ['ignored rule', 'response-property-removed', ['--ignore', 'response-property-removed'], 0],
  ])('%s → exit %s', async (_name, fixture, flags, want) => {
    expect((await cli([...pair(fixture), ...(flags as string[])])).code).toBe(want);
  });

  it('prints JSON, Markdown and JUnit that carry the same changes', async () => {
    const args = pair('response-property-removed');
    const json = JSON.parse((await cli([...args, '--format', 'json'])).stdout) as Array<Record<string, unknown>>;
    expect(json.length).toBeGreaterThan(0);
    for (const c of json)
      expect(Object.keys(c).sort()).toEqual(['base', 'head', 'kind', 'message', 'operation', 'rule']);
    const md = (await cli([...args, '--format', 'markdown'])).stdout;
    expect(md).toContain(`| ${json.filter((c) => c.kind === 'breaking').length} |`);
    expect(md).toContain('### Breaking changes');
    const junit = (await cli([...args, '--format', 'junit'])).stdout;
    expect(junit.match(/<testcase /g)).toHaveLength(json.length);
    expect(junit.match(/<failure /g)).toHaveLength(json.filter((c) => c.kind === 'breaking').length);
  });

  it.each([
    [['only-one.yaml']],
    [[...pair('path-removed'), '--format', 'yaml']],
    [[...pair('path-removed'), '--fail-on', 'sometimes']],
    [[...pair('path-removed'), '--ignore', 'no-such-rule']],
    [[...pair('path-removed'), '--version-prefix', '(']],
    [['missing-base.yaml', 'missing-head.yaml']],
  ])('bad usage or unreadable spec exits 2: %j', async (args) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/specgate: /);
  });

  describe('git ref:path sources', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'specgate-diff-'));
    afterAll(() => rmSync(repo, { recursive: true, force: true }));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
        cwd: repo,
        stdio: 'pipe',
      });

    it('reads the base from a commit', async () => {
      const [base, head] = pair('request-enum-narrowed');
      git('init', '-q');
      copyFileSync(base!, path.join(repo, 'openapi.yaml'));
      git('add', 'openapi.yaml');
      git('commit', '-q', '-m', 'base');
      copyFileSync(head!, path.join(repo, 'openapi.yaml'));
      const { code, stdout } = await cli(['HEAD:openapi.yaml', 'openapi.yaml', '--format', 'json'], repo);
      expect(code).toBe(1);
      const changes = JSON.parse(stdout) as Array<{ rule: string; base: { file: string } }>;
      expect(changes.map((c) => c.rule)).toContain('request-enum-narrowed');
      expect(changes[0]!.base.file).toBe('HEAD:openapi.yaml');
      expect((await cli(['nope:openapi.yaml', 'openapi.yaml'], repo)).code).toBe(2);
    });

    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), text);
    };
    const pet = (props: string[]) =>
      `type: object\nproperties:\n${props.map((p) => `  ${p}: {type: string}`).join('\n')}\n`;
    const temps = () =>
      readdirSync(tmpdir())
        .filter((f) => f.startsWith('specgate-git-'))
        .sort();

    it('reads a multi-file description with every file its $refs reach, inside and outside its folder', async () => {
      write(
        'api/openapi.yaml',
        [
          'openapi: 3.1.0',
          'info: {title: t, version: "1"}',
          'paths:',
          '  /pets:',
          '    get:',
          '      responses:',
          "        '200': {description: ok, content: {application/json: {schema: {$ref: './schemas/pet.yaml'}}}}",
          "        '400': {description: bad, content: {application/json: {schema: {$ref: '../common/errors.yaml#/Error'}}}}",
        ].join('\n'),
      );
      write('api/schemas/pet.yaml', pet(['id', 'name']));
      write('common/errors.yaml', 'Error:\n  type: object\n  properties:\n    code: {type: string}\n');
      git('add', '-A');
      git('commit', '-q', '-m', 'multi-file base');
      write('api/schemas/pet.yaml', pet(['id']));
      write('common/errors.yaml', 'Error:\n  type: object\n  properties:\n    code: {type: integer}\n');
      const before = temps();
      for (const [args, cwd] of [
        [['HEAD:api/openapi.yaml', 'api/openapi.yaml'], repo],
        [['HEAD:./openapi.yaml', 'openapi.yaml'], path.join(repo, 'api')],
      ] as const) {
        const { code, stdout, stderr } = await cli([...args, '--format', 'json'], cwd);
        expect(stderr).toBe('');
        expect(code).toBe(1);
        const changes = JSON.parse(stdout) as Array<{ rule: string; base: { file: string } }>;
        const removed = changes.find((c) => c.rule === 'response-property-removed');
        expect(removed?.base.file).toBe('HEAD:api/schemas/pet.yaml');
        expect(changes.find((c) => c.rule === 'response-type-changed')?.base.file).toBe('HEAD:common/errors.yaml');
      }
      expect(temps()).toEqual(before);
    });

    it('exits 2 naming the $ref when a referenced file is missing at the ref', async () => {
      write(
        'api/broken.yaml',
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200': {$ref: './nowhere.yaml'}\n",
      );
      git('add', '-A');
      git('commit', '-q', '-m', 'dangling');
      const { code, stderr } = await cli(['HEAD:api/broken.yaml', 'api/openapi.yaml'], repo);
      expect(code).toBe(2);
      expect(stderr).toMatch(/nowhere\.yaml/);
      expect(stderr).toMatch(/HEAD:api\/broken\.yaml/);
    });
  });
});
