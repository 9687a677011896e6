/**
 * The credentials a user gives: `-H "Name: value"` headers (curl style), `SPECGATE_*` environment variables
 * (config `auth:` maps onto the same variables) and `--secret NAME` / config `secrets:` marking more names.
 */
import { HarnessError } from '../errors.ts';
import { HTTP_TOKEN } from '../headers.ts';

/** Everything the user gave us to authenticate with. */
export interface Credentials {
  /** `-H` headers, in order, names lower-cased. */
  headers: Array<[string, string]>;
  token?: string;
  apiKey?: string;
  username?: string;
  password?: string;
  /** `SPECGATE_AUTH_<SCHEME>` values keyed by their variable name. */
  perScheme: Record<string, string>;
  /** Names (header, query, cookie or body field, lower-cased) the user marked as secret. */
  marked: string[];
}

/** Parses one `-H "Name: value"` argument; a missing colon or empty name is bad usage. */
export function parseHeaderArg(arg: string): [string, string] {
  const colon = arg.indexOf(':');
  const name = colon > 0 ? arg.slice(0, colon).trim() : '';
  if (!name || !HTTP_TOKEN.test(name)) {
    throw new HarnessError('USAGE', `-H expects "Name: value", got "${arg.split(':')[0]}..."`);
  }
  return [name.toLowerCase(), arg.slice(colon + 1).trim()];
}

/** Normalises a scheme name for its environment variable: upper case, every non-alphanumeric → `_`. */
export function schemeEnvName(scheme: string): string {
  return `SPECGATE_AUTH_${envWord(scheme)}`;
}

/** A name as an environment-variable word: upper case, runs of non-alphanumerics → `_`. */
export function envWord(name: string): string {
  return name
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}

/** Reads credentials from `-H` arguments, `SPECGATE_*` environment variables and the names marked secret. */
export function readCredentials(
  headerArgs: string[],
  env: Record<string, string | undefined>,
  marked: readonly string[] = [],
): Credentials {
  const creds: Credentials = {
    headers: headerArgs.map(parseHeaderArg),
    perScheme: {},
    marked: marked.map((m) => m.toLowerCase()),
  };
  if (env.SPECGATE_TOKEN) creds.token = env.SPECGATE_TOKEN;
  if (env.SPECGATE_API_KEY) creds.apiKey = env.SPECGATE_API_KEY;
  if (env.SPECGATE_USERNAME) creds.username = env.SPECGATE_USERNAME;
  if (env.SPECGATE_PASSWORD !== undefined) creds.password = env.SPECGATE_PASSWORD;
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('SPECGATE_AUTH_') && value) creds.perScheme[key] = value;
  }
  return creds;
}
