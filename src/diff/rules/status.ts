/** Status keys of the Responses Object: `404`, `4XX`, `default`. */

/** True for 4xx/5xx codes, their ranges and `default` (the catch-all, nearly always an error shape). */
export function isErrorStatus(status: string): boolean {
  return status.toLowerCase() === 'default' || /^[45]/.test(status);
}
