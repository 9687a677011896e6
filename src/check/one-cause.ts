/**
 * One cause, one finding: several checks can see the same fact. A 5xx is a server error (`not_a_server_error`),
 * not also an undocumented status; a valid request refused with an undocumented status (a missing route, say) is
 * a refusal (`positive_data_acceptance`), not also status drift. The status finding is dropped and the one kept
 * says the status is undocumented too. The rule holds for one exchange and for one operation's findings: a 404
 * undocumented on a boundary case is the same fact as that 404 refusing a positive case of the same operation.
 */
import type { Finding } from '../types.ts';

/** Checks that own a status when they report it, before `status_code_conformance`. */
const OWNERS = ['not_a_server_error', 'positive_data_acceptance'];

const STATUS = 'status_code_conformance';
const NOTE = 'Also undocumented: ';

/** The findings (of one exchange, or one operation) with each status finding folded into the check that owns it. */
export function oneFindingPerCause<T extends Finding>(findings: readonly T[]): T[] {
  const folded = new Map<T, T>(); // owner -> the status finding folded into it
  for (const status of findings) {
    if (status.checkId !== STATUS) continue;
    const owner = findings.find((f) => OWNERS.includes(f.checkId) && f.cause === status.cause);
    if (owner && !folded.has(owner)) folded.set(owner, status);
  }
  if (folded.size === 0) return [...findings];
  const dropped = new Set(folded.values());
  return findings.filter((f) => !dropped.has(f)).map((f) => (folded.has(f) ? withNote(f, folded.get(f)!) : f));
}

/** The owner's message with the statuses the operation documents, unless it says so already. */
function withNote<T extends Finding>(owner: T, status: Finding): T {
  if (owner.message.includes(`\n${NOTE}`)) return owner;
  const documented = status.message.split('\n').find((l) => l.startsWith('Documented: '));
  const note = `${NOTE}the operation documents ${documented?.slice('Documented: '.length) ?? 'other statuses'}`;
  return { ...owner, message: `${owner.message}\n${note}` };
}
