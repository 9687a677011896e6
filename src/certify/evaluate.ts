/**
 * Requirement verdicts from suite results: a requirement passes when every step (or every step of every
 * workflow) it names ran and passed with no finding, and none of its checks reported anything. Evidence is
 * the request line, status and a body excerpt — or the findings' messages — with secrets redacted.
 */
import { redactBody, type SecretBook } from '../credentials/index.ts';
import type { Exchange, Finding } from '../types.ts';
import type { StepResult, SuiteResult } from '../workflows/index.ts';
import type { Requirement } from './profile.ts';

/** One requirement's verdict. */
export interface RequirementVerdict {
  id: string;
  title: string;
  required: boolean;
  status: 'pass' | 'fail';
  evidence: string[];
}

/** A text with its secrets hidden: known credential values, and secret fields of a JSON body (the one rule). */
export function redactText(text: string, secrets: SecretBook): string {
  return secrets.scrub(redactBody(text, secrets, true));
}

function excerpt(e: Exchange, secrets: SecretBook): string {
  const line = `${e.request.method} ${new URL(e.request.url).pathname}`;
  if (!e.response) return `${line} → no response (${e.error?.code})`;
  const type = String(e.response.headers['content-type'] ?? '').split(';')[0];
  const body = redactText(e.response.body, secrets).replace(/\s+/g, ' ').slice(0, 200);
  return `${line} → ${e.response.status}${type ? ` ${type}` : ''}${body ? `: ${body}${e.response.body.length > 200 ? '…' : ''}` : ''}`;
}

function findingEvidence(f: Finding, secrets: SecretBook): string {
  const where = f.specLocation ? ` (${f.specLocation.file}:${f.specLocation.line})` : '';
  return redactText(`${f.checkId} on ${f.operation}${where}: ${f.message}`, secrets);
}

function stepsFor(req: Requirement, results: StepResult[]): { steps: StepResult[]; missing: string[] } {
  const steps: StepResult[] = [];
  const missing: string[] = [];
  for (const ref of req.steps) {
    const hits = results.filter((s) => `${s.workflowId}/${s.stepId}` === ref);
    if (hits.length === 0) missing.push(ref);
    steps.push(...hits);
  }
  for (const w of req.workflows) {
    const hits = results.filter((s) => s.workflowId === w);
    if (hits.length === 0) missing.push(w);
    steps.push(...hits);
  }
  return { steps, missing };
}

/** The verdict of one requirement over the results of the profile's suites. */
export function evaluateRequirement(req: Requirement, result: SuiteResult, secrets: SecretBook): RequirementVerdict {
  const { steps, missing } = stepsFor(req, result.steps);
  const evidence: string[] = missing.map((m) => `${m}: not run (not in the profile's suites)`);
  for (const s of steps) {
    if (s.status === 'skipped') evidence.push(`${s.workflowId}/${s.stepId}: not run — ${s.message ?? 'skipped'}`);
    for (const f of s.findings) evidence.push(`${s.workflowId}/${s.stepId}: ${findingEvidence(f, secrets)}`);
    if (s.status === 'failed' && s.findings.length === 0)
      evidence.push(`${s.workflowId}/${s.stepId}: ${redactText(s.message ?? 'failed', secrets)}`);
  }
  const checkFindings = result.findings.filter((f) => req.checks.includes(f.checkId));
  for (const f of checkFindings) evidence.push(findingEvidence(f, secrets));
  const failed = evidence.length > 0;
  if (!failed) {
    for (const s of steps)
      evidence.push(`${s.workflowId}/${s.stepId}: ${s.exchanges[0] ? excerpt(s.exchanges[0], secrets) : 'passed'}`);
    if (req.checks.length)
      evidence.push(`${result.exchanges.length} exchanges judged by ${req.checks.join(', ')}: no finding`);
  }
  return {
    id: req.id,
    title: req.title,
    required: req.required,
    status: failed ? 'fail' : 'pass',
    evidence: [...new Set(evidence)].slice(0, 12),
  };
}
