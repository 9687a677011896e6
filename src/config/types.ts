/** The shape of `specgate.config.yaml`; `specgate.config.schema.json` is the authority and documents each key. */
import type { Severity } from '../types.ts';

/** A validated configuration file. Every key is optional. */
export interface Config {
  spec?: string;
  baseUrl?: string;
  seed?: number;
  lint?: { rules?: Record<string, Severity>; maxWarnings?: number };
  checks?: Record<string, Severity>;
  run?: {
    checks?: string | string[];
    workers?: number;
    maxRequests?: number;
    maxDuration?: number | string;
    rateLimit?: number | string;
    timeoutMs?: number;
    readOnly?: boolean;
    include?: string[];
    exclude?: string[];
    headers?: Record<string, string>;
    reportDir?: string;
    baseline?: string;
    suites?: string[];
    fuzz?: boolean;
    budget?: Partial<Record<'example' | 'boundary' | 'positive' | 'negative', number>>;
    policies?: Record<string, { accepted?: number[]; rejected?: number[] }>;
    shard?: string;
    changedSince?: string;
  };
  auth?: {
    bearer?: string;
    basic?: { username: string; password: string };
    apiKey?: { name: string; in: 'header' | 'query' | 'cookie'; value: string };
    /** Client credentials; without `tokenUrl`, the spec's `clientCredentials` flow names it. */
    oauth2?: { tokenUrl?: string; clientId: string; clientSecret: string; scopes?: string[] };
    schemes?: Record<string, string>;
    /** More names whose values are credentials (`--secret`). */
    secrets?: string[];
  };
  certify?: { profile?: string; out?: string; vendor?: string };
}
