/** Text rendering of a Plan, for `specgate run --dry-run`. */
import { formatStatuses } from './policy.ts';
import { KIND_ORDER } from './plan.ts';
import type { Plan } from '../types.ts';

/** A readable table of what a run would do, and what it would leave out and why. */
export function formatPlan(plan: Plan): string {
  const lines = [`Plan (seed ${plan.seed}${plan.shard ? `, shard ${plan.shard.index}/${plan.shard.count}` : ''})`, ''];
  lines.push(`Checks: ${plan.checks.map((c) => `${c.id}${c.severity === 'warn' ? ' (warn)' : ''}`).join(', ')}`, '');
  let cases = 0;
  lines.push(`Operations (${plan.operations.length}):`);
  for (const p of plan.operations) {
    const budget = KIND_ORDER.map((k) => `${k} ${p.budget[k]}`).join(', ');
    cases += KIND_ORDER.reduce((n, k) => n + p.budget[k], 0);
    lines.push(
      `  ${p.operation.key}  seed ${p.seed}  [${budget}]${p.switch ? `  ${p.last ? 'runs last' : 'switch'}: ${p.switch}` : ''}`,
    );
    lines.push(
      `      rejected: ${formatStatuses(p.policy.rejected)}; accepted: ${formatStatuses(p.policy.accepted)} (${p.policy.source})`,
    );
  }
  if (plan.skipped.length > 0) {
    lines.push('', `Skipped (${plan.skipped.length}):`);
    for (const s of plan.skipped) lines.push(`  ${s.operation.key}: ${s.reason}`);
  }
  lines.push('', `At most ${cases} generated cases, plus auth probes and shrinking.`);
  return lines.join('\n') + '\n';
}
