/** The one test for "a JSON object" that every stage narrows documents and values with. */
import type { JsonObject } from '../types.ts';

/** True for a plain object: not null and not an array (both are `typeof 'object'` too). */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
