/**
 * The run's secrets in one place: the names that carry credentials (the spec's, the user's) and every known
 * secret value with the environment variable a repro reads it from. Send strips by it, reports redact by it,
 * curl repros put its placeholders in.
 */
import { isCredentialName } from './names.ts';
import { envWord, type Credentials } from './read.ts';
import { isDistinctive } from './shape.ts';

/** Where a repro reads a secret from: one variable, or the variables of `user:password` (`curl -u`). */
export type Source = { env: string } | { basic: string[] };

/** Values this short are only hidden where credentials live, never matched in free text. */
const MIN_WHOLE_VALUE = 4;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Known secret names and values; values only grow (a token refreshed or minted mid-run joins). */
export class SecretBook {
  /** Lower-cased names (header, query, cookie, body field) that carry credentials besides the built-in ones. */
  readonly names: ReadonlySet<string>;
  private readonly values = new Map<string, Source>();
  private pattern: RegExp | null | undefined;

  constructor(names: Iterable<string> = [], values: Iterable<[string, Source]> = []) {
    this.names = new Set([...names].map((n) => n.toLowerCase()));
    for (const [v, s] of values) this.add(v, s);
  }

  /** Records a secret value (the first source given wins). */
  add(value: string | undefined, source: Source): void {
    if (!value || this.values.has(value)) return;
    this.values.set(value, source);
    this.pattern = undefined;
  }

  /** An independent copy (reports add the secrets an API minted without touching the run's book). */
  copy(): SecretBook {
    return new SecretBook(this.names, this.values);
  }

  sourceOf(value: string): Source | undefined {
    return this.values.get(value);
  }

  knows(value: string): boolean {
    return this.values.has(value);
  }

  /** Every known value (tests and listings). */
  all(): string[] {
    return [...this.values.keys()];
  }

  /** True for a header, query or cookie name that carries a credential (the one rule, see names.ts). */
  isCredentialName(name: string): boolean {
    return isCredentialName(name, this.names);
  }

  /** True for a name the spec or the user declared secret (its value is hidden whatever it looks like). */
  isDeclared(name: string): boolean {
    return this.names.has(name.toLowerCase());
  }

  /**
   * `text` with secrets hidden: the whole text when it is a known secret, otherwise each distinctive known
   * secret (raw or URL-encoded) inside it. One pass over the text per call.
   */
  scrub(text: string): string {
    if (text.length >= MIN_WHOLE_VALUE && this.values.has(text)) return REDACTED;
    const pattern = this.scrubber();
    return pattern && text.length >= 8 ? text.replace(pattern, REDACTED) : text;
  }

  private scrubber(): RegExp | null {
    if (this.pattern !== undefined) return this.pattern;
    const forms = new Set<string>();
    for (const v of this.values.keys()) if (isDistinctive(v)) forms.add(v).add(encodeURIComponent(v));
    const sorted = [...forms].sort((a, b) => b.length - a.length);
    this.pattern = sorted.length > 0 ? new RegExp(sorted.map(escape).join('|'), 'g') : null;
    return this.pattern;
  }
}

/** Replacement text for a hidden value. */
export const REDACTED = '[REDACTED]';

/** The book of a user's credentials: `declared` are the names the spec's security schemes and schemas give. */
export function bookOf(creds: Credentials, declared: readonly string[] = []): SecretBook {
  const credentialHeaders = creds.headers.filter(([n]) => isCredentialName(n, new Set(declared)));
  const book = new SecretBook([...declared, ...creds.marked, ...credentialHeaders.map(([n]) => n)]);
  book.add(creds.token, { env: 'SPECGATE_TOKEN' });
  book.add(creds.apiKey, { env: 'SPECGATE_API_KEY' });
  for (const [env, v] of Object.entries(creds.perScheme)) {
    book.add(v, { env });
    if (v.includes(':')) book.add(base64(v), { basic: [env] });
  }
  if (creds.username !== undefined && creds.password !== undefined)
    book.add(base64(`${creds.username}:${creds.password}`), { basic: ['SPECGATE_USERNAME', 'SPECGATE_PASSWORD'] });
  if (creds.password && creds.password.length >= MIN_WHOLE_VALUE)
    book.add(creds.password, { env: 'SPECGATE_PASSWORD' });
  for (const [name, value] of creds.headers) {
    if (!book.isCredentialName(name)) continue;
    // `Bearer <token>`: the variable holds the credential, the scheme stays in the repro.
    const credential = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value)?.[1];
    book.add(credential ?? value, { env: `SPECGATE_HEADER_${envWord(name)}` });
  }
  return book;
}
