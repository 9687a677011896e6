/**
 * `email`: RFC 5321's `Mailbox`, which JSON Schema names, with the lengths of RFC 5321 §4.5.3.1 and RFC 1035.
 * ajv-formats' regex both refuses valid mailboxes (`"joe bloggs"@example.com`, `joe@[127.0.0.1]`, `root@localhost`)
 * and accepts ones an SMTP server refuses (a 65-octet local part, a 64-octet label), so the grammar is spelt out.
 */
import { IPV6 } from './uri.ts';

const ATOM = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
const DOT_STRING = `${ATOM}(?:\\.${ATOM})*`;
/** qtextSMTP (%d32-33 / %d35-91 / %d93-126) or quoted-pairSMTP (a backslash and %d32-126). */
const QUOTED_STRING = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"';
const SUB_DOMAIN = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const DOMAIN = `${SUB_DOMAIN}(?:\\.${SUB_DOMAIN})*`;
const SNUM = '[0-9]{1,3}';
const ADDRESS_LITERAL = `\\[(?:${SNUM}(?:\\.${SNUM}){3}|IPv6:(?:${IPV6}))\\]`;
const MAILBOX = new RegExp(`^(${DOT_STRING}|${QUOTED_STRING})@(${DOMAIN}|${ADDRESS_LITERAL})$`);

/** Whether `value` is an RFC 5321 mailbox an SMTP server accepts (General-address-literals are not). */
export function isEmail(value: string): boolean {
  const match = MAILBOX.exec(value);
  if (!match) return false;
  const [, local, domain] = match as unknown as [string, string, string];
  if (local.length > 64 || domain.length > 255) return false;
  if (domain.startsWith('['))
    return (
      !/^\[\d/.test(domain) ||
      domain
        .slice(1, -1)
        .split('.')
        .every((n) => +n <= 255)
    );
  return domain.split('.').every((label) => label.length <= 63);
}
