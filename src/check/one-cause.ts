/**
 * One cause, one finding: several checks can see the same fact in one exchange. A 5xx is a server error
 * (`not_a_server_error`), not also an undocumented status; a valid request refused with an undocumented
 * status (a missing route, say) is a refusal (`positive_data_acceptance`), not also status drift. The status
 * finding is dropped and the one kept says the status is undocumented too.
 */
import type { Finding } from '../types.ts';

/** Checks that own a status when they report it, before `status_code_conformance`. */
const OWNERS = ['not_a_server_error', 'positive_data_acceptance'];

const STATUS = 'status_code_conformance';

/** The findings of one exchange with the status finding folded into the check that owns the same status. */
export function oneFindingPerCause(findings: readonly Finding[]): Finding[] {
  const status = findings.find((f) => f.checkId === STATUS);
  if (!status) return [...findings];
  const owner = findings.find((f) => OWNERS.includes(f.checkId) && f.cause === status.cause);
  if (!owner) return [...findings];
  const documented = status.message.split('\n').find((l) => l.startsWith('Documented: '));
  const note = `Also undocumented: the operation documents ${documented?.slice('Documented: '.length) ?? 'other statuses'}`;
  return findings
    .filter((f) => f !== status)
    .map((f) => (f === owner ? { ...f, message: `${f.message}\n${note}` } : f));
}
