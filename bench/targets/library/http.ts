/**
 * HTTP plumbing of the library target: errors as `{error: {code, message}}`, replies, body reading and parsing
 * (JSON, form-urlencoded, multipart), and a fixed-window rate limiter. node:http only, no framework.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { coerce, deref } from './contract.ts';

/** An answer a handler wants sent. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An error answer: status, stable code, one sentence, extra headers. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** A body other than the contract's Error object (only drifts use it). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** Largest body read; the contract's bodies are small, so more is refused as a bad request. */
const MAX_BODY = 4 * 1024 * 1024;

/** The raw body, or null when it is larger than MAX_BODY. */
export async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Writes a reply: JSON bodies as application/json, none for 204/304. */
export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let text: string | undefined;
  if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304) {
    text = JSON.stringify(reply.body);
    headers['content-type'] = 'application/json';
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}

/** The reply of an ApiError. */
export function errorReply(err: ApiError): Reply {
  return {
    status: err.status,
    headers: err.headers,
    body: err.body ?? { error: { code: err.code, message: err.message } },
  };
}

/**
 * Parses a body of media type `media` (already matched against the contract) into the value its schema
 * describes: JSON as is, form fields read as their property types, multipart files as `{name, size, type}`
 * (validated as a placeholder string, since the schema says `format: binary`).
 */
export async function parseBody(
  raw: Buffer,
  media: string,
  contentType: string,
  schema: any,
  doc: any,
): Promise<{ value: unknown; files: Record<string, { size: number; type: string }> }> {
  if (media === 'application/json') return { value: JSON.parse(raw.toString('utf8')), files: {} };
  const props = schema?.properties ?? {};
  const typeOf = (name: string) => deref(doc, props[name])?.type as string | undefined;
  if (media === 'application/x-www-form-urlencoded') {
    const value: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) value[k] = coerce(v, typeOf(k));
    return { value, files: {} };
  }
  // multipart/form-data: the platform's own parser (undici's Response), no hand-written boundary splitting.
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  const value: Record<string, unknown> = {};
  const files: Record<string, { size: number; type: string }> = {};
  for (const [k, v] of form) {
    if (typeof v === 'string') value[k] = coerce(v, typeOf(k));
    else {
      files[k] = { size: v.size, type: v.type };
      value[k] = `<file ${v.size} bytes>`;
    }
  }
  return { value, files };
}

/** Fixed windows per (key, operation): `limit` requests per `windowMs`. */
export class RateWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** Counts one request; returns the seconds to wait when it is over the limit, else the requests left. */
  hit(
    id: string,
    limit: number,
    windowMs: number,
    now = Date.now(),
  ): { allowed: boolean; left: number; retry: number } {
    let w = this.windows.get(id);
    if (!w || now - w.start >= windowMs) this.windows.set(id, (w = { start: now, count: 0 }));
    w.count++;
    const retry = Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
    return { allowed: w.count <= limit, left: Math.max(0, limit - w.count), retry };
  }
}
