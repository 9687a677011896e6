/**
 * `Retry-After` parsing (delay-seconds or an HTTP-date), capped so a server cannot park the run for an hour.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */

/** Delay in ms a response asks for, clamped to `[0, capMs]`; `fallbackMs` when the header is absent or unreadable. */
export function retryAfterMs(
  value: string | string[] | undefined,
  options: { capMs: number; fallbackMs: number; now?: number },
): number {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  let ms = options.fallbackMs;
  if (raw && /^\d+$/.test(raw)) ms = Number(raw) * 1000;
  else if (raw) {
    const date = Date.parse(raw);
    if (!Number.isNaN(date)) ms = date - (options.now ?? Date.now());
  }
  return Math.min(Math.max(0, ms), options.capMs);
}

/** True for statuses that mean "come back later" rather than "this is the answer". */
export function isBackOffStatus(status: number | undefined): boolean {
  return status === 429 || status === 503;
}
