/**
 * The stages a run composes, as one value: the real ones of this build (static imports, `STAGES`), or, in
 * tests, stand-ins for some of them passed to `run(options, stages)` (a fake generator, no shrinking).
 */
import { CHECKS, type Check } from './check/index.ts';
import { generate, shrinkCase } from './generate/index.ts';
import type { GenerateCases } from './generate/prepare.ts';
import type { ShrinkCase } from './generate/shrink-findings.ts';
import { loadSpec } from './load/index.ts';
import type { SecretBook } from './credentials/index.ts';
import { createReferenceServer } from './reference/index.ts';
import { REPORTERS, toCurl } from './report/index.ts';
import type { Exchange, Reporter, Spec } from './types.ts';
import { createValidator, type Validator } from './validate/index.ts';

/** The stages a run composes; tests pass stand-ins for some (a fake generator, no shrinking, no server). */
export interface Stages {
  loadSpec(source: string, options: { cwd?: string }): Promise<Spec>;
  createValidator(spec: Spec): Validator;
  checks: readonly Check[];
  reporters: readonly Reporter[];
  generateCases: GenerateCases;
  shrinkCase?: ShrinkCase;
  toCurl?(exchange: Exchange, secrets?: SecretBook): string;
  /** Started on 127.0.0.1 when no base URL is given, with `referenceKey` as the run's credential. */
  createReferenceServer?: (options: { key: string; drift: string[] }) => {
    listen(port: number): Promise<{ url: string }>;
    close(): Promise<void>;
  };
  referenceKey: string;
  /** Path of the reference API's spec (`openapi.json` at the repository root). */
  referenceSpec: string;
}

/** The real stages of this build. */
export const STAGES: Stages = {
  loadSpec,
  createValidator,
  checks: CHECKS,
  reporters: REPORTERS,
  generateCases: generate,
  shrinkCase,
  toCurl,
  createReferenceServer,
  referenceKey: 'sk-aig-test',
  referenceSpec: new URL('../openapi.json', import.meta.url).pathname,
};

/** True when `stages` generate with this build's generator (only that one runs on the generation thread). */
export const realGenerator = (stages: Stages): boolean => stages.generateCases === generate;
