/**
 * Reads the bytes of one description file, local or remote, within limits, and decodes them as UTF-8.
 * This is the only place the load stage touches the file system or the network.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HarnessError } from '../errors.ts';

export interface ReadOptions {
  /** Largest document accepted, in bytes (default 100 MiB). */
  maxBytes: number;
  /** Time allowed to fetch a remote document, in ms. */
  timeoutMs: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { maxBytes: 100 * 1024 * 1024, timeoutMs: 30_000 };

/** Turns a CLI argument (relative path, absolute path or URL) into an absolute URL string. */
export function toUri(source: string, cwd: string): string {
  if (/^https?:\/\//i.test(source) || source.startsWith('file:')) return source;
  return pathToFileURL(source.startsWith('/') ? source : `${cwd.replace(/\/$/, '')}/${source}`).href;
}

/** Human name of a URI for messages: a path relative to cwd for local files, the URL otherwise. */
export function displayName(uri: string, cwd: string): string {
  if (!uri.startsWith('file:')) return uri;
  const path = fileURLToPath(uri);
  const base = cwd.replace(/\/$/, '') + '/';
  return path.startsWith(base) ? path.slice(base.length) : path;
}

/** Reads and decodes one document. `name` is used in error messages. */
export async function readSource(
  uri: string,
  name: string,
  options: ReadOptions,
): Promise<{ text: string; bytes: Uint8Array }> {
  const bytes = uri.startsWith('file:') ? await readLocal(uri, name, options) : await readRemote(uri, name, options);
  if (bytes.length === 0) throw new HarnessError('SPEC_PARSE', 'the document is empty', name);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new HarnessError('SPEC_UNREADABLE', `not a text file (NUL byte at offset ${nul})`, name);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), bytes };
  } catch {
    throw new HarnessError(
      'SPEC_UNREADABLE',
      `not valid UTF-8 (first bad byte near offset ${firstBadUtf8(bytes)})`,
      name,
    );
  }
}

async function readLocal(uri: string, name: string, options: ReadOptions): Promise<Uint8Array> {
  const path = fileURLToPath(uri);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new HarnessError('SPEC_UNREADABLE', 'is a directory, not a document', name);
    size = info.size;
  } catch (error) {
    if (error instanceof HarnessError) throw error;
    throw new HarnessError(
      'SPEC_UNREADABLE',
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      name,
    );
  }
  if (size > options.maxBytes) throw tooLarge(size, name, options);
  return new Uint8Array(await readFile(path));
}

async function readRemote(uri: string, name: string, options: ReadOptions): Promise<Uint8Array> {
  try {
    // Loaded on demand: undici is large, and most runs read local files.
    const { request } = await import('undici');
    const res = await request(uri, {
      maxRedirections: 0,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    } as never);
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new HarnessError('SPEC_UNREADABLE', `fetching the document answered HTTP ${res.statusCode}`, name);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > options.maxBytes) {
        res.body.destroy();
        throw tooLarge(total, name, options);
      }
      chunks.push(chunk as Buffer);
    }
    return new Uint8Array(Buffer.concat(chunks));
  } catch (error) {
    if (error instanceof HarnessError) throw error;
    throw new HarnessError('SPEC_UNREADABLE', `cannot fetch the document (${(error as Error).message})`, name);
  }
}

function tooLarge(size: number, name: string, options: ReadOptions): HarnessError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return new HarnessError(
    'SPEC_TOO_LARGE',
    `the document is ${mb(size)}, over the ${mb(options.maxBytes)} limit`,
    name,
  );
}

function firstBadUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
