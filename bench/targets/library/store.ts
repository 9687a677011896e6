/**
 * The library's whole state, in memory, and what every handler receives. The catalogue starts with three books
 * and one member, so the contract's examples meet real data: `bk_1001` (print only), `bk_1002` (print and
 * e-book), and the member `ada@example.org` whose address makes the createMember example a 409.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Operation } from './contract.ts';

export interface BookRecord {
  id: string;
  title: string;
  isbn: string;
  genre: string;
  year?: number;
  pages?: number;
  formats: string[];
  createdAt: string;
  /** Bumped on every change; the ETag is `"v<version>-<id>"`. */
  version: number;
}

export interface MemberRecord {
  id: string;
  email: string;
  name: string;
  tier: string;
  createdAt: string;
  deleted: boolean;
}

export interface LoanRecord {
  id: string;
  kind: string;
  bookId: string;
  format?: string;
  days: unknown;
  status: 'active' | 'returned';
  dueDate: string;
}

/** The state of one server. */
export interface Store {
  books: Map<string, BookRecord>;
  members: Map<string, MemberRecord>;
  loans: Map<string, LoanRecord>;
  lists: Map<string, { id: string; name: string; entries: Array<{ bookId: string; notes: string[] }> }>;
  /** Idempotency-Key (per operation) → the body hash and the reply first given. */
  idempotency: Map<string, { hash: string; status: number; body: unknown }>;
  maintenance: { enabled: boolean; message?: string };
  suggestions: number;
}

/** What a handler sees of one request. */
export interface Ctx {
  op: Operation;
  params: Record<string, string>;
  /** Declared query parameters, read as their schema types. */
  query: Record<string, unknown>;
  /** The query as sent, for values a number cannot hold exactly. */
  rawQuery: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed body (undefined until read); multipart files are in `files`. */
  body?: any;
  files?: Record<string, { size: number; type: string }>;
  /** Requests left in the current window of a rate-limited operation. */
  rateLeft?: number;
  store: Store;
  /** Whether drift `name` is switched on. */
  drift(name: string): boolean;
}

const NOW = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** A new id with its resource prefix, e.g. `bk_3fa9c01b2e`. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(5).toString('hex')}`;

/** The strong ETag of a book's current version. */
export const etagOf = (b: BookRecord): string => `"v${b.version}-${b.id}"`;

/** SHA-256 of a value's JSON with sorted keys: equal bodies hash equally whatever their key order. */
export function bodyHash(value: unknown): string {
  const canon = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(canon).join(',')}]`
      : v && typeof v === 'object'
        ? `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canon((v as any)[k])}`)
            .join(',')}}`
        : JSON.stringify(v);
  return createHash('sha256').update(canon(value)).digest('hex');
}

/** A fresh store with the seeded catalogue. */
export function createStore(): Store {
  const book = (id: string, title: string, isbn: string, genre: string, year: number, formats: string[]) =>
    [id, { id, title, isbn, genre, year, pages: 300, formats, createdAt: NOW(), version: 1 }] as const;
  return {
    books: new Map([
      book('bk_1001', 'The Left Hand of Darkness', '9780441478125', 'fiction', 1969, ['print']),
      book('bk_1002', 'Dune', '9780441172719', 'fiction', 1965, ['print', 'ebook']),
      book('bk_1003', 'A Brief History of Time', '9780553380163', 'science', 1988, ['print', 'ebook']),
    ]),
    members: new Map([
      ['mem_1', { id: 'mem_1', email: 'ada@example.org', name: 'Ada', tier: 'plus', createdAt: NOW(), deleted: false }],
    ]),
    loans: new Map(),
    lists: new Map(),
    idempotency: new Map(),
    maintenance: { enabled: false },
    suggestions: 0,
  };
}

export { NOW };
