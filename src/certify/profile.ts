/**
 * Certification profiles are data (`suites/profiles/<name>.yaml`): the suites to run, the response checks to
 * judge every exchange with, and the requirements — each mapped onto suite steps, whole workflows and/or
 * checks. A profile that names a step, workflow or check that does not exist is SUITE_INVALID at file:line:col.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../errors.ts';
import { parseSourceFile } from '../load/source-file.ts';
import { SuiteReader } from '../workflows/suite-reader.ts';

/** One requirement of a profile. */
export interface Requirement {
  id: string;
  title: string;
  /** `<workflowId>/<stepId>` of suite steps that must pass. */
  steps: string[];
  /** Workflows whose every step must pass. */
  workflows: string[];
  /** Checks that must report nothing on any exchange of the profile. */
  checks: string[];
  /** Only required requirements decide the verdict (default true). */
  required: boolean;
  pointer: string;
}

/** A loaded profile. */
export interface Profile {
  file: string;
  id: string;
  title: string;
  version: string;
  /** Absolute paths of the suites, in run order. */
  suites: string[];
  /** Response checks run on every exchange (ids of `PROFILES.certify` in src/check/index.ts). */
  checks: string[];
  requirements: Requirement[];
  where(pointer: string): string;
}

const PROFILES_DIR = path.resolve(import.meta.dirname, '../../suites/profiles');

/** The file a `--profile` value names: a path, or the name of a built-in profile. */
export function profileFile(value: string, cwd: string): string {
  if (/[\\/]|\.ya?ml$|\.json$/.test(value)) return path.resolve(cwd, value);
  return path.join(PROFILES_DIR, `${value}.yaml`);
}

/** Names of the built-in profiles (for error messages). */
export async function builtInProfiles(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(PROFILES_DIR).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));
}

/** Loads and validates a profile. */
export async function loadProfile(value: string, cwd: string): Promise<Profile> {
  const file = profileFile(value, cwd);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new HarnessError(
      'USAGE',
      `unknown profile "${value}" (built-in: ${(await builtInProfiles()).join(', ')}; or a path to a profile YAML)`,
    );
  }
  return parseProfile(text, file);
}

/** Parses profile text; suite paths are resolved against the profile's folder. */
export function parseProfile(text: string, file: string): Profile {
  let source;
  try {
    source = parseSourceFile(path.relative(process.cwd(), file) || file, text);
  } catch (error) {
    throw new HarnessError('SUITE_INVALID', (error as Error).message, (error as HarnessError).location ?? file);
  }
  const r = new SuiteReader(source);
  const o = r.object(source.value, '');
  r.keys(o, '', ['profile', 'title', 'version', 'suite', 'suites', 'checks', 'requirements']);
  const list = (v: unknown, p: string): string[] =>
    r.array(v, p).map((x, i) => (typeof x === 'string' ? x : r.fail(`${p}/${i}`, 'expected a string')));
  const suites = [...(typeof o.suite === 'string' ? [o.suite] : []), ...list(o.suites, '/suites')];
  if (suites.length === 0) r.fail('', 'a profile needs `suite` or `suites`');
  const requirements = r.array(o.requirements, '/requirements', true).map((x, i): Requirement => {
    const p = `/requirements/${i}`;
    const q = r.object(x, p);
    r.keys(q, p, ['id', 'title', 'steps', 'workflows', 'checks', 'required']);
    const req = {
      id: r.string(q, p, 'id', true)!,
      title: r.string(q, p, 'title', true)!,
      steps: list(q.steps, `${p}/steps`),
      workflows: list(q.workflows, `${p}/workflows`),
      checks: list(q.checks, `${p}/checks`),
      required: q.required !== false,
      pointer: p,
    };
    if (req.steps.length + req.workflows.length + req.checks.length === 0)
      r.fail(p, `requirement ${req.id} maps to no step, workflow or check`);
    return req;
  });
  return {
    file,
    id: r.string(o, '', 'profile', true)!,
    title: r.string(o, '', 'title', true)!,
    version: r.string(o, '', 'version', true)!,
    suites: suites.map((s) => path.resolve(path.dirname(file), s)),
    checks: list(o.checks, '/checks'),
    requirements,
    where: (p) => r.where(p),
  };
}
