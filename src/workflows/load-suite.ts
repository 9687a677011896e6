/**
 * Reads an Arazzo 1.0 document (YAML or JSON) into a validated Suite. Whatever specgate does not run —
 * unknown fields, Arazzo sources, `components` references, xpath criteria, cross-source `dependsOn` — is a
 * SUITE_INVALID HarnessError at `file:line:col`, never a silently skipped step.
 * @see https://spec.openapis.org/arazzo/v1.0.1#arazzo-specification
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../errors.ts';
import { parseSourceFile } from '../load/source-file.ts';
import { ExpressionError, parseExpression } from './expressions.ts';
import { expressionsIn } from './interpolate.ts';
import type { Suite, Workflow } from './suite-types.ts';
import { SuiteReader } from './suite-reader.ts';

/** Loads and validates a suite file. */
export async function loadSuite(file: string, cwd = process.cwd()): Promise<Suite> {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    throw new HarnessError(
      'SUITE_INVALID',
      `cannot read suite ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      file,
    );
  }
  return parseSuite(text, path.relative(cwd, full) || file);
}

/** Parses and validates suite text; `file` is used in locations. */
export function parseSuite(text: string, file = 'suite.arazzo.yaml'): Suite {
  let source;
  try {
    source = parseSourceFile(file, text);
  } catch (error) {
    const e = error as HarnessError;
    throw new HarnessError('SUITE_INVALID', e.message, e.location ?? file);
  }
  const r = new SuiteReader(source);
  const root = r.object(source.value, '');
  r.keys(root, '', ['arazzo', 'info', 'sourceDescriptions', 'workflows', 'components']);
  const version = r.string(root, '', 'arazzo', true)!;
  if (!/^1\.0\.\d+/.test(version))
    r.fail('/arazzo', `arazzo version "${version}" is not supported (specgate runs Arazzo 1.0.x)`);
  if (root.components !== undefined) checkComponents(r, root.components);
  const info = r.object(root.info, '/info');
  r.keys(info, '/info', ['title', 'summary', 'description', 'version']);
  const sources = r.array(root.sourceDescriptions, '/sourceDescriptions', true).map((s, i) => {
    const p = `/sourceDescriptions/${i}`;
    const o = r.object(s, p);
    r.keys(o, p, ['name', 'url', 'type']);
    if (o.type !== undefined && o.type !== 'openapi')
      r.fail(
        `${p}/type`,
        `source type "${String(o.type)}" is not supported: specgate runs workflows against one OpenAPI description`,
      );
    return { name: r.string(o, p, 'name', true)!, url: r.string(o, p, 'url', true)! };
  });
  if (sources.length > 1)
    r.fail(
      '/sourceDescriptions/1',
      'more than one source description: specgate runs a suite against one OpenAPI description (--spec)',
    );
  const workflows = r.array(root.workflows, '/workflows', true).map((w, i) => r.workflow(w, `/workflows/${i}`));
  const suite: Suite = {
    file,
    title: r.string(info, '/info', 'title', true)!,
    version: r.string(info, '/info', 'version', true)!,
    workflows,
    where: (p) => r.where(p),
    ...(sources[0] ? { source: sources[0] } : {}),
  };
  checkReferences(r, suite);
  return suite;
}

function checkComponents(r: SuiteReader, components: unknown): void {
  const c = r.object(components, '/components');
  for (const key of Object.keys(c)) {
    if (!key.startsWith('x-'))
      r.fail(
        `/components/${key}`,
        `components.${key} is not supported: write parameters, inputs and actions inline in the workflow`,
      );
  }
}

/** Step, workflow and goto targets exist, ids are unique and every expression parses. */
function checkReferences(r: SuiteReader, suite: Suite): void {
  const ids = new Set<string>();
  for (const w of suite.workflows) {
    if (ids.has(w.workflowId)) r.fail(`${w.pointer}/workflowId`, `duplicate workflowId "${w.workflowId}"`);
    ids.add(w.workflowId);
  }
  for (const w of suite.workflows) checkWorkflow(r, w, ids);
}

function checkWorkflow(r: SuiteReader, w: Workflow, workflowIds: Set<string>): void {
  w.dependsOn.forEach((d, i) => {
    if (d.startsWith('$sourceDescriptions.'))
      r.fail(
        `${w.pointer}/dependsOn/${i}`,
        `dependsOn "${d}" points into another source; specgate runs workflows of this document only`,
      );
    if (!workflowIds.has(d))
      r.fail(
        `${w.pointer}/dependsOn/${i}`,
        `dependsOn "${d}": no workflow with that id (have: ${[...workflowIds].join(', ')})`,
      );
  });
  const stepIds = new Set<string>();
  for (const s of w.steps) {
    if (stepIds.has(s.stepId))
      r.fail(`${s.pointer}/stepId`, `duplicate stepId "${s.stepId}" in workflow ${w.workflowId}`);
    stepIds.add(s.stepId);
  }
  for (const s of w.steps) {
    if (s.workflowId && !workflowIds.has(s.workflowId))
      r.fail(`${s.pointer}/workflowId`, `no workflow "${s.workflowId}" in this document`);
    for (const a of [...s.onSuccess, ...s.onFailure, ...w.successActions, ...w.failureActions]) {
      if (a.stepId && !stepIds.has(a.stepId))
        r.fail(`${a.pointer}/stepId`, `goto target step "${a.stepId}" is not a step of workflow ${w.workflowId}`);
      if (a.workflowId && !workflowIds.has(a.workflowId))
        r.fail(`${a.pointer}/workflowId`, `goto target workflow "${a.workflowId}" is not in this document`);
    }
    checkExpressions(r, s.pointer, [s.parameters, s.requestBody, s.outputs, s.with, s.forEach?.items]);
  }
  checkExpressions(r, w.pointer, [w.outputs, w.parameters]);
}

function checkExpressions(r: SuiteReader, pointer: string, values: unknown[]): void {
  for (const text of expressionsIn(values)) {
    try {
      const e = parseExpression(text);
      if (e.kind === 'sourceDescriptions' || e.kind === 'components')
        throw new ExpressionError(`${text}: $${e.kind} expressions are not supported`, 0);
    } catch (error) {
      r.fail(pointer, `runtime expression "${text}": ${(error as Error).message}`);
    }
  }
}
