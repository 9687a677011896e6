/**
 * Test-only helpers: an HTTP client for the reference gateway and a small, independent conformance
 * judge that checks one response against openapi.json (status documented, content type documented,
 * body valid against its schema with Ajv 2020 — each SSE event for streams — and required headers present).
 */
import { SpecSchemas, loadSpec, pointer } from './spec.ts';

/** What came back from one call. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: any;
}

/** Options of one call. */
export interface CallOptions {
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  raw?: string | Uint8Array;
  key?: string | null;
  headers?: Record<string, string>;
}

/** Calls the gateway at `base`; the root test key unless `key` says otherwise (null = no auth). */
export async function call(base: string, method: string, path: string, o: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...o.headers };
  const key = o.key === undefined ? 'sk-aig-test' : o.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  // Raw bytes go out as a Blob so that invalid UTF-8 reaches the server untouched.
  const body: string | Blob | undefined =
    o.raw instanceof Uint8Array
      ? new Blob([o.raw as Uint8Array<ArrayBuffer>])
      : (o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)));
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The data of each `data:` event of an SSE body, in order. */
export function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .filter((e) => e.trim() !== '')
    .map((e) =>
      e
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n'),
    );
}

/** Judges answers against the contract. */
export class Conformance {
  readonly schemas: SpecSchemas;

  constructor(specPath?: string) {
    this.schemas = new SpecSchemas(loadSpec(specPath));
  }

  /** Problems of `answer` to `method` `path` (a path template of the spec); empty when it conforms. */
  problems(method: string, path: string, answer: Answer): string[] {
    const opPtr = pointer('paths', path, method.toLowerCase());
    const responses = this.schemas.at(`${opPtr}/responses`);
    if (!responses) return [`${method} ${path} is not in the spec`];
    const code = String(answer.status);
    const key = [code, `${code[0]}XX`, 'default'].find((k) => responses[k]);
    if (!key) return [`status ${code} is not documented (documented: ${Object.keys(responses).join(', ')})`];
    const ref = responses[key].$ref as string | undefined;
    const resPtr = ref ? ref.slice(1) : `${opPtr}/responses/${key}`;
    const response = this.schemas.at(resPtr);
    return [...this.headerProblems(response, answer), ...this.bodyProblems(response, resPtr, answer)];
  }

  private headerProblems(response: any, answer: Answer): string[] {
    const out: string[] = [];
    for (const [name, raw] of Object.entries<any>(response.headers ?? {})) {
      const h = this.schemas.resolve(raw);
      const value = answer.headers.get(name);
      if (value === null) {
        if (h.required) out.push(`required header ${name} is missing`);
        continue;
      }
      const schema = this.schemas.resolve(h.schema);
      const typed = schema?.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
      const ok = this.schemas.ajv.validate(schema, typed);
      if (!ok) out.push(`header ${name}=${JSON.stringify(value)} does not match its schema`);
    }
    return out;
  }

  private bodyProblems(response: any, resPtr: string, answer: Answer): string[] {
    const content = response.content as Record<string, unknown> | undefined;
    if (!content) return answer.text === '' ? [] : ['a body was sent but none is documented'];
    const media = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(media in content))
      return [
        `content type ${JSON.stringify(media)} is not documented (documented: ${Object.keys(content).join(', ')})`,
      ];
    const validate = this.schemas.validator(`${resPtr}/content/${media.replace(/\//g, '~1')}/schema`);
    const check = (data: string, where: string): string[] => {
      let value: unknown;
      try {
        value = JSON.parse(data);
      } catch {
        return [`${where} is not valid JSON`];
      }
      return validate(value)
        ? []
        : [`${where} does not match the schema: ${this.schemas.ajv.errorsText(validate.errors)}`];
    };
    if (media !== 'text/event-stream') return check(answer.text, 'body');
    const events = sseData(answer.text);
    const out: string[] = events.at(-1) === '[DONE]' ? [] : ['the stream does not end with [DONE]'];
    events.forEach((data, i) => {
      if (data !== '[DONE]') out.push(...check(data, `event ${i}`));
    });
    return out;
  }
}

/** One webhook delivery as received. */
export interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A webhook receiver on 127.0.0.1:0 that answers the given statuses in turn (then 200). */
export async function startReceiver(statuses: number[] = []): Promise<{
  url: string;
  received: Received[];
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}> {
  const { createServer } = await import('node:http');
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    async waitFor(n, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
