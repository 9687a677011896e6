/**
 * The lint stage: Spec → Problem[]. Runs every rule of `rules/index.ts` in order over one shared context,
 * applies the configured severities and locates each report in its source file.
 */
import { HarnessError } from '../errors.ts';
import type { Problem, Severity, Spec } from '../types.ts';
import { createLintContext } from './context.ts';
import { rules } from './rules/index.ts';
import type { Rule } from './types.ts';

export { rules } from './rules/index.ts';
export type { Rule, Report, LintContext } from './types.ts';

/** Severity overrides by rule id. */
export type RuleSeverities = Record<string, Severity>;

/** Options of one lint run. */
export interface LintOptions {
  /** Per-rule severity overrides (`off` disables the rule). */
  rules?: RuleSeverities;
}

/** Throws USAGE (or CONFIG_INVALID) when an override names a rule that does not exist. */
export function checkRuleIds(overrides: RuleSeverities, code: 'USAGE' | 'CONFIG_INVALID' = 'USAGE'): void {
  for (const id of Object.keys(overrides)) {
    if (!rules.some((r) => r.id === id)) {
      throw new HarnessError(code, `unknown lint rule "${id}"; expected one of: ${rules.map((r) => r.id).join(', ')}`);
    }
  }
}

function severityOf(rule: Rule, overrides: RuleSeverities): Severity {
  return overrides[rule.id] ?? rule.defaultSeverity;
}

/** Lints `spec`; problems come sorted by file, line, column, then rule. */
export function lintSpec(spec: Spec, options: LintOptions = {}): Problem[] {
  const overrides = options.rules ?? {};
  checkRuleIds(overrides);
  const ctx = createLintContext(spec);
  const problems: Problem[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, overrides);
    if (severity === 'off') continue;
    let reports;
    try {
      reports = rule.run(ctx);
    } catch (error) {
      // A rule bug must not hide every other rule's findings; say which rule failed instead.
      reports = [{ pointer: '', message: `internal error in rule ${rule.id}: ${(error as Error).message}` }];
    }
    for (const report of reports) {
      const where = spec.locate(report.pointer);
      problems.push({
        rule: rule.id,
        severity,
        message: report.message,
        pointer: report.pointer,
        file: where.file,
        line: where.line,
        column: where.column,
      });
    }
  }
  return problems.sort(compareProblems);
}

/** Orders problems by file, line, column and rule id. */
export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
