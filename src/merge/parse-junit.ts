/**
 * Per-operation coverage rebuilt from a shard's `junit.xml` (src/report/junit.ts writes a testsuite per
 * operation and a testcase per check, `<skipped>` saying why a check had nothing to judge). It carries whether
 * each operation was reached (and why not), its request count and which checks judged; not its cases by
 * kind, statuses seen or status policy, which no shard file records.
 */
import type { OperationCoverage } from '../types.ts';

/** What a shard's files do not say about an operation's status policy. */
export const UNKNOWN_POLICY = { rejected: [], accepted: [], source: 'not recorded in the shard reports' };

const NOT_REACHED = 'operation not reached: ';

function unescape(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
  );
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1]!) : undefined;
}

/** Coverage per operation, in the file's order; [] when the text holds no testsuite. */
export function coverageFromJunit(xml: string): OperationCoverage[] {
  const out: OperationCoverage[] = [];
  for (const suite of xml.matchAll(/<testsuite\s[^>]*>[\s\S]*?<\/testsuite>/g)) {
    const text = suite[0];
    const operation = attribute(text.slice(0, text.indexOf('>')), 'name');
    if (operation === undefined) continue;
    const props = new Map(
      [...text.matchAll(/<property\s[^>]*\/>/g)].map((p) => [attribute(p[0], 'name'), attribute(p[0], 'value')]),
    );
    const cases = [...text.matchAll(/<testcase\s[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)].map((c) => {
      const skipped = /<skipped\s[^>]*\/>/.exec(c[1] ?? '');
      return {
        check: attribute(c[0], 'name') ?? '',
        skipped: skipped ? (attribute(skipped[0], 'message') ?? '') : undefined,
      };
    });
    const why =
      cases.every((c) => c.skipped?.startsWith(NOT_REACHED)) && cases.length > 0
        ? cases[0]!.skipped!.slice(NOT_REACHED.length)
        : undefined;
    const operationId = props.get('operationId');
    out.push({
      operation,
      ...(operationId !== undefined && { operationId }),
      reached: why === undefined,
      ...(why !== undefined && { reason: why }),
      requests: Number(props.get('requests') ?? 0) || 0,
      casesByKind: {},
      statusesSeen: [],
      statusesNeverSeen: [],
      checked: why === undefined ? cases.filter((c) => c.skipped === undefined).map((c) => c.check) : [],
      unchecked:
        why === undefined
          ? cases.filter((c) => c.skipped !== undefined).map((c) => ({ check: c.check, why: c.skipped! }))
          : [],
      policy: UNKNOWN_POLICY,
    });
  }
  return out;
}
