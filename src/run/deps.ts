/**
 * The stages `run()` composes, injected so tests can pass fakes. `loadDeps()` resolves the real ones; stages
 * that are optional (shrinking, the embedded reference server) may be absent.
 */
import type { Check } from '../check/check.ts';
import type { Reporter, Case, CaseKind, Exchange, Operation, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import type { StatefulStage } from '../workflows/stateful-phase.ts';
import { createGenerationPool } from '../generate/generation-pool.ts';

/** Generates `count` cases of one kind for one operation, deterministically from `seed`, with the problems met. */
export type GenerateCases = (
  spec: Spec,
  operation: Operation,
  options: { kind: CaseKind; count: number; seed: number; validator?: Validator },
) => Case[] | { cases: Case[]; problems: Array<{ reason: string }> };

/** Shrinks a failing case: tries smaller variants through `stillFails` (which sends them) and returns the smallest. */
export type ShrinkCase = (
  failing: Case,
  stillFails: (candidate: Case) => Promise<boolean>,
  options: { maxAttempts: number },
) => Promise<Case>;

/** The reference server as the run uses it: `listen(0)` starts it on 127.0.0.1 with a free port. */
export interface EmbeddedServer {
  listen(port?: number): Promise<{ url: string }>;
  close(): Promise<void>;
}

/** Creates the reference server (not yet listening). */
export type CreateReferenceServer = (options: { key?: string; drift?: string[] }) => EmbeddedServer;

/** Everything run() needs from other stages. */
export interface RunDeps {
  loadSpec(source: string, options: { cwd?: string }): Promise<Spec>;
  createValidator(spec: Spec): Validator;
  checks: Check[];
  reporters: Reporter[];
  generateCases: GenerateCases;
  shrinkCase?: ShrinkCase;
  toCurl?(exchange: Exchange): string;
  createReferenceServer?: CreateReferenceServer;
  /** The reference server's root key, used as the token against it. */
  referenceKey?: string;
  /** Path of the reference API's spec (`openapi.json` at the repository root). */
  referenceSpec?: string;
  /**
   * Generation on a second thread (`generation-pool.ts`) and the generator that thread runs: used only while
   * `generateCases` is that generator (a test's fake generator is never swapped for the real one).
   */
  generationThread?: { generates: GenerateCases; create: typeof createGenerationPool };
  /** Stateful chains and their checks (`src/workflows`), when this build has them. */
  stateful?: StatefulStage;
}

// Loaded through variables so a build that lacks an optional stage still type-checks and starts.
const importOptional = async (path: string): Promise<Record<string, unknown> | undefined> => {
  try {
    return (await import(new URL(path, import.meta.url).href)) as Record<string, unknown>;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
};

/** Used only when a build has no report stage: the raw RunResult as JSON. */
const FALLBACK_REPORTER: Reporter = {
  id: 'result-json',
  description: 'raw RunResult',
  filename: 'result.json',
  run: (r) => JSON.stringify(r, null, 2),
};

/** Resolves the real stages of this build. */
export async function loadDeps(): Promise<RunDeps> {
  const [load, validate, check, report, generateIndex, reference] = await Promise.all(
    [
      '../load/index.ts',
      '../validate/index.ts',
      '../check/index.ts',
      '../report/index.ts',
      '../generate/index.ts',
      '../reference/index.ts',
    ].map(importOptional),
  );
  const generate = generateIndex ?? (await importOptional('../generate/generate.ts'));
  const workflows = await importOptional('../workflows/index.ts');
  const missing = Object.entries({ load, validate, check, generate })
    .filter(([, m]) => !m)
    .map(([n]) => n);
  if (missing.length > 0) throw new Error(`this build lacks the ${missing.join(', ')} stage(s)`);
  return {
    loadSpec: load!.loadSpec as RunDeps['loadSpec'],
    createValidator: validate!.createValidator as RunDeps['createValidator'],
    checks: (check!.CHECKS as Check[]).filter((c) => c.kind !== 'sequence'),
    reporters: (report?.REPORTERS as Reporter[] | undefined) ?? [FALLBACK_REPORTER],
    generateCases: (generate!.generate ?? generate!.generateCases) as GenerateCases,
    shrinkCase: generate!.shrinkCase as ShrinkCase | undefined,
    toCurl: report?.toCurl as RunDeps['toCurl'],
    createReferenceServer: reference?.createReferenceServer as CreateReferenceServer | undefined,
    referenceKey: (reference?.REFERENCE_KEY as string | undefined) ?? 'sk-aig-test',
    referenceSpec: new URL('../../openapi.json', import.meta.url).pathname,
    ...(generate!.generate
      ? { generationThread: { generates: generate!.generate as GenerateCases, create: createGenerationPool } }
      : {}),
    ...(workflows?.runStateful
      ? {
          stateful: {
            checks: workflows.STATEFUL_CHECKS as Check[],
            plan: workflows.statefulPlan as StatefulStage['plan'],
            run: workflows.runStateful as StatefulStage['run'],
          },
        }
      : {}),
  };
}
