/**
 * The generate stage's entry: cases of one kind for one operation, deterministic from the seed, with the
 * problems met along the way (an operation it cannot generate for is reported, never silently skipped).
 */
import type { Case, CaseKind, Operation, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import { boundaryDrafts } from './boundary.ts';
import { coverageOverlay } from './coverage.ts';
import { exampleDrafts } from './examples.ts';
import { freshened, freshToken } from './fresh.ts';
import { mutationsOf } from './mutation-list.ts';
import { negativeCase } from './negative.ts';
import { drawPositive } from './positive.ts';
import { operationGen, renderCase, type Draft, type OperationGen, type RequestValue } from './request.ts';
import { caseSeed } from './seed.ts';
import { specGeneration } from './spec-context.ts';
import { setStream, streamSwitches } from './stream-switch.ts';

/** Why some or all cases of an operation could not be generated. */
export interface GenerationProblem {
  operation: string;
  kind: CaseKind;
  reason: string;
}

/** Options of one generation call. */
export interface GenerateOptions {
  kind: CaseKind;
  count: number;
  seed: number;
  /** The run's validator (one per run); created from the spec when absent. */
  validator?: Validator;
  /** Negative cases: the index of the first one (0: the top of the ranked violations). */
  start?: number;
}

/** Cases plus the problems met. */
export interface GenerationResult {
  cases: Case[];
  problems: GenerationProblem[];
}

/** What `shrinkCase` needs to rebuild a case from its logical value. */
export interface CaseOrigin {
  og: OperationGen;
  draft: Draft;
  context?: unknown;
  /** For negative cases: the id of the mutation and the valid request it was applied to. */
  mutation?: string;
  /** The generated value behind the case (the draft's before a mutation or a pin). */
  base?: RequestValue;
  /** Applied to every shrunk value of a positive case (a stream switch set on purpose). */
  pin?: (value: RequestValue) => RequestValue;
}

/** The origin of every case generated in this process (weakly held), for shrinking. */
export const origins = new WeakMap<Case, CaseOrigin>();

/**
 * What positive case `i` sets on purpose over its random draw: its coverage values (the spec's enum values and
 * examples, first cases only), the stream switch (on for even cases, so every budget of two or more has both),
 * and fresh values where a repeat would conflict. Each step is kept only where the request stays valid.
 */
function positivePin(og: OperationGen, seed: number, i: number): ((v: RequestValue) => RequestValue) | undefined {
  const cover = coverageOverlay(og, i);
  const stream = streamSwitches(og).length > 0;
  const token = freshToken(seed, 'positive', i);
  return (v) => {
    const covered = cover ? cover(v) : v;
    const switched = stream ? (setStream(og, covered, i % 2 === 0) ?? covered) : covered;
    return freshened(og, switched, token);
  };
}

function positives(og: OperationGen, o: GenerateOptions, out: GenerationResult): void {
  for (let i = 0; i < o.count; i++) {
    const seed = caseSeed(o.seed, og.model.operation.key, 'positive', i);
    const pin = positivePin(og, seed, i);
    const drawn = drawPositive(og, seed, pin);
    if ('problem' in drawn) {
      out.problems.push({ operation: og.model.operation.key, kind: 'positive', reason: drawn.problem });
      return;
    }
    const draft = { value: drawn.value };
    const c = renderCase(og, draft, { kind: 'positive', index: i, seed });
    if (!c)
      out.problems.push({
        operation: og.model.operation.key,
        kind: 'positive',
        reason: `case ${i}: the request cannot be serialized`,
      });
    else {
      origins.set(c, {
        og,
        draft,
        context: drawn.context,
        ...(pin && drawn.unpinned ? { pin, base: drawn.unpinned } : {}),
      });
      out.cases.push(c);
    }
  }
}

/** The request a case sends plus its violation: two negative cases with the same one are one case sent twice. */
const sentAs = (c: Case): string =>
  JSON.stringify([c.method, c.path, c.query, c.headers, c.cookies, c.bodyText ?? c.body, c.violation]);

function negatives(
  og: OperationGen,
  o: GenerateOptions,
  out: GenerationResult,
  problem: (reason: string) => void,
): void {
  const seen = new Set<string>();
  // A whole round of the mutation list without a new request: later rounds would only repeat it too.
  const patience = Math.max(2, mutationsOf(og).length);
  const start = o.start ?? 0;
  for (let i = start, repeats = 0; i < start + o.count && repeats < patience; i++) {
    const made = negativeCase(og, o.seed, i);
    if ('problem' in made) {
      problem(made.problem);
      break;
    }
    // A mutation that does not apply falls through to the next one, which the next case also takes: send it once.
    const key = sentAs(made.case);
    repeats = seen.has(key) ? repeats + 1 : 0;
    if (repeats > 0) continue;
    seen.add(key);
    origins.set(made.case, made.origin);
    out.cases.push(made.case);
  }
}

function fromDrafts(
  og: OperationGen,
  kind: CaseKind,
  drafts: Draft[],
  o: GenerateOptions,
  out: GenerationResult,
): void {
  for (const [i, drawn] of drafts.slice(0, o.count).entries()) {
    const seed = caseSeed(o.seed, og.model.operation.key, kind, i);
    const draft = { ...drawn, value: freshened(og, drawn.value, freshToken(seed, kind, i)) };
    const c = renderCase(og, draft, { kind, index: i, seed });
    if (c) {
      origins.set(c, { og, draft });
      out.cases.push(c);
    }
  }
}

/**
 * Generates `count` cases of `kind` for `operation` (pure and synchronous; same seed, same cases). Never throws
 * for a schema it cannot handle: that becomes a problem, so one odd operation cannot stop a run.
 */
export function generate(spec: Spec, operation: Operation, options: GenerateOptions): GenerationResult {
  try {
    return generateOrThrow(spec, operation, options);
  } catch (error) {
    return {
      cases: [],
      problems: [
        { operation: operation.key, kind: options.kind, reason: `generation failed: ${(error as Error).message}` },
      ],
    };
  }
}

function generateOrThrow(spec: Spec, operation: Operation, options: GenerateOptions): GenerationResult {
  const out: GenerationResult = { cases: [], problems: [] };
  const og = operationGen(specGeneration(spec, options.validator), operation);
  if (og.blocked) {
    out.problems.push({ operation: operation.key, kind: options.kind, reason: og.blocked });
    return out;
  }
  const problem = (reason: string): void =>
    void out.problems.push({ operation: operation.key, kind: options.kind, reason });
  if (options.kind === 'positive') positives(og, options, out);
  else if (options.kind === 'boundary')
    fromDrafts(og, 'boundary', boundaryDrafts(og, options.seed, problem), options, out);
  else if (options.kind === 'example')
    fromDrafts(og, 'example', exampleDrafts(og, options.seed, problem), options, out);
  else negatives(og, options, out, problem);
  return out;
}

/** Just the cases of `generate`. */
export function generateCases(spec: Spec, operation: Operation, options: GenerateOptions): Case[] {
  return generate(spec, operation, options).cases;
}
