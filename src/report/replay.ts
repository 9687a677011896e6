/** The start of the command that replays a run (the reporters append `--seed N --include <operation>`). */
import type { RunOptions } from '../run-options.ts';

/** Quotes a shell argument only when it needs it. */
function arg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `specgate run …` with what decides the cases and the target: the spec and base URL as given (credentials in
 * the URL dropped), or, for the embedded reference server, its drifts, since its URL changes every run.
 */
export function replayBase(options: Pick<RunOptions, 'spec' | 'baseUrl' | 'drift'>): string {
  const parts = ['specgate run'];
  if (options.spec) parts.push('--spec', arg(options.spec));
  if (options.baseUrl) {
    let url = options.baseUrl;
    try {
      const parsed = new URL(url);
      parsed.username = '';
      parsed.password = '';
      url = parsed.href.replace(/\/$/, options.baseUrl.endsWith('/') ? '/' : '');
    } catch {
      // not a URL: leave as given; the run would have refused it anyway
    }
    parts.push('--base-url', arg(url));
  } else if (options.drift.length > 0) parts.push('--drift', arg(options.drift.join(',')));
  return parts.join(' ');
}
