/**
 * `certify(options)`: runs a profile's suites against a target (a base URL, or the embedded reference
 * gateway), judges each requirement and writes `certificate.json`, `certificate.md` and `badge.svg`.
 * Exit code: 0 when every required requirement passes, 1 otherwise (3 for an unreachable target, thrown).
 */
import { randomInt } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Check } from '../check/check.ts';
import { checksOf as profileChecks } from '../check/index.ts';
import { HarnessError } from '../errors.ts';
import { loadSpec } from '../load/index.ts';
import { createReferenceServer } from '../reference/index.ts';
import { preflight } from '../send/preflight.ts';
import { bookOf, declaredNames, learnSecrets, readCredentials } from '../credentials/index.ts';
import { baseUrlFor, notFoundWarning, statusesByOperation, warner } from '../send/base-url.ts';
import { loadSuite, runSuite, type Suite, type SuiteResult } from '../workflows/index.ts';
import { evaluateRequirement } from './evaluate.ts';
import { loadProfile, type Profile } from './profile.ts';
import { badgeSvg, certificateMarkdown, type Certificate } from './render.ts';

/** Options of `certify`, 1:1 with `specgate certify` flags. */
export interface CertifyOptions {
  profile: string;
  baseUrl?: string;
  spec?: string;
  /** `-H "Name: value"` arguments. */
  headers: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  reportDir: string;
  seed?: number;
  /** Suite inputs (`--input name=value`). */
  inputs: Record<string, unknown>;
  /** Drifts for the embedded reference server (ignored with `baseUrl`). */
  drift: string[];
  timeoutMs?: number;
  writeFiles?: boolean;
  /** Hears each warning about the target (a doubled base-URL prefix, mostly 404s), also kept in the notes. */
  onWarning?: (warning: string) => void;
}

const VERSION = '0.1.0';
const REPO = path.resolve(import.meta.dirname, '../..');

function checksOf(profile: Profile): Check[] {
  const byId = new Map(profileChecks('certify').map((c) => [c.id, c]));
  const ids = [...new Set([...profile.checks, ...profile.requirements.flatMap((r) => r.checks)])];
  return ids.map(
    (id) =>
      byId.get(id) ??
      (() => {
        throw new HarnessError(
          'UNKNOWN_CHECK',
          `profile names check "${id}" (known: ${[...byId.keys()].join(', ')})`,
          profile.where('/checks'),
        );
      })(),
  );
}

async function openTarget(o: CertifyOptions): Promise<{ url: string; key?: string; close(): Promise<void> }> {
  if (o.baseUrl) {
    await preflight(o.baseUrl);
    return { url: o.baseUrl, close: async () => undefined };
  }
  const gw = createReferenceServer({ key: 'sk-aig-test', drift: o.drift, jobStepMs: 20 });
  const { url } = await gw.listen(0);
  return { url, key: 'sk-aig-test', close: () => gw.close() };
}

/** Every step and workflow a requirement names exists in the profile's suites. */
function checkReferences(profile: Profile, suites: Suite[]): void {
  const workflows = new Set(suites.flatMap((s) => s.workflows.map((w) => w.workflowId)));
  const steps = new Set(
    suites.flatMap((s) => s.workflows.flatMap((w) => w.steps.map((st) => `${w.workflowId}/${st.stepId}`))),
  );
  for (const r of profile.requirements) {
    const missing = [...r.steps.filter((x) => !steps.has(x)), ...r.workflows.filter((x) => !workflows.has(x))];
    if (missing.length)
      throw new HarnessError(
        'SUITE_INVALID',
        `requirement ${r.id} names ${missing.join(', ')}, not in the profile's suites`,
        profile.where(r.pointer),
      );
  }
}

function merge(results: SuiteResult[]): SuiteResult {
  return {
    findings: results.flatMap((r) => r.findings),
    exchanges: results.flatMap((r) => r.exchanges),
    steps: results.flatMap((r) => r.steps),
    workflows: results.flatMap((r) => r.workflows),
  };
}

/** Runs the profile and resolves to the certificate (written to `reportDir` unless `writeFiles` is false). */
export async function certify(o: CertifyOptions): Promise<Certificate> {
  const profile = await loadProfile(o.profile, o.cwd);
  const spec = await loadSpec(o.spec ?? (o.baseUrl ? 'openapi.json' : path.join(REPO, 'openapi.json')), { cwd: o.cwd });
  const suites = await Promise.all(profile.suites.map((f) => loadSuite(path.relative(o.cwd, f), o.cwd)));
  checkReferences(profile, suites);
  const checks = checksOf(profile);
  const seed = o.seed ?? randomInt(2 ** 31);
  const creds = readCredentials(o.headers, o.env);
  const target = await openTarget(o);
  const notes: string[] = [];
  const warn = warner(notes, o.onWarning);
  const baseUrl = baseUrlFor(target.url, spec, warn);
  const headers: Record<string, string> = Object.fromEntries(creds.headers);
  if (!headers.authorization && (creds.token ?? target.key))
    headers.authorization = `Bearer ${creds.token ?? target.key}`;
  const secrets = bookOf(creds, declaredNames(spec.document));
  secrets.add(target.key, { env: 'SPECGATE_TOKEN' });
  const results: SuiteResult[] = [];
  try {
    for (const suite of suites) {
      results.push(
        await runSuite(spec, suite, {
          baseUrl,
          headers,
          seed,
          checks,
          inputs: o.inputs,
          ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
        }),
      );
    }
  } finally {
    await target.close();
  }
  const all = merge(results);
  for (const e of all.exchanges) learnSecrets(e, secrets);
  warn(notFoundWarning(statusesByOperation(all.exchanges), baseUrl, spec.document));
  const requirements = profile.requirements.map((r) => evaluateRequirement(r, all, secrets));
  const required = requirements.filter((r) => r.required);
  const cert: Certificate = {
    tool: { name: 'specgate', version: VERSION },
    profile: { id: profile.id, title: profile.title, version: profile.version },
    suites: suites.map((s) => ({
      file: path.relative(REPO, path.resolve(o.cwd, s.file)),
      title: s.title,
      version: s.version,
    })),
    target: o.baseUrl ?? `embedded reference server${o.drift.length ? ` (drift: ${o.drift.join(', ')})` : ''}`,
    spec: { source: path.relative(o.cwd, spec.source) || spec.source, sha256: spec.sha256 },
    date: new Date().toISOString(),
    seed,
    status: required.every((r) => r.status === 'pass') ? 'pass' : 'fail',
    summary: {
      passed: requirements.filter((r) => r.status === 'pass').length,
      failed: requirements.filter((r) => r.status === 'fail').length,
      required: required.length,
    },
    requirements,
    notes,
  };
  if (o.writeFiles !== false) await writeCertificate(path.resolve(o.cwd, o.reportDir), cert);
  return cert;
}

/** Writes the three certificate files. */
export async function writeCertificate(dir: string, c: Certificate): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all([
    writeFile(path.join(dir, 'certificate.json'), `${JSON.stringify(c, null, 2)}\n`),
    writeFile(path.join(dir, 'certificate.md'), certificateMarkdown(c)),
    writeFile(path.join(dir, 'badge.svg'), badgeSvg(c.profile.id, c.status)),
  ]);
}
