/** The shape every single-violation mutation of a request has (lists: mutation-list.ts, body-mutations.ts). */
import type { Case } from '../types.ts';
import type { Draft, RequestValue } from './request.ts';

/** One single-violation mutation of a request. */
export interface Mutation {
  id: string;
  location: string;
  keyword: string;
  apply(base: RequestValue): { draft: Draft; message: string } | undefined;
  /** True when the rendered case really violates the schema as recorded. */
  verify?(draft: Draft, c: Case): boolean;
}
