/**
 * Test-only helpers for the library target: a fetch client (API key in the query or the cookie, JSON, form or
 * multipart bodies) and a small conformance judge of one answer against openapi.yaml (status documented, required
 * headers present and of their type, body valid against its schema, no body where none is documented).
 */
import { at, deref, loadContract } from './contract.ts';
import { LIBRARY_KEY } from './server.ts';

const contract = loadContract();

/** What came back from one call: status, headers, the body text and, when it is JSON, its value. */
export type Answer = Awaited<ReturnType<typeof call>>;

/** One call: `key` says where the API key goes (default the query), null sends none. */
export interface CallOptions {
  json?: unknown;
  form?: Record<string, string>;
  multipart?: FormData;
  headers?: Record<string, string>;
  key?: 'query' | 'cookie' | null;
}

export async function call(base: string, method: string, path: string, o: CallOptions = {}) {
  const headers: Record<string, string> = { ...o.headers };
  const url = new URL(base + path);
  const key = o.key === undefined ? 'query' : o.key;
  if (key === 'query') url.searchParams.set('api_key', LIBRARY_KEY);
  if (key === 'cookie') headers.cookie = `lib_session=${LIBRARY_KEY}`;
  let body: string | FormData | undefined;
  if (o.json !== undefined) [body, headers['content-type']] = [JSON.stringify(o.json), 'application/json'];
  if (o.form)
    [body, headers['content-type']] = [new URLSearchParams(o.form).toString(), 'application/x-www-form-urlencoded'];
  if (o.multipart) body = o.multipart;
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: jsonOf(text) as any };
}

/** The JSON value of `text`, or undefined when it is not JSON (an empty 204, a 304). */
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every way `answer` breaks the contract of operation `key` ("METHOD /path"); empty when it conforms. */
export function problems(key: string, answer: Answer): string[] {
  const [method, template] = key.split(' ') as [string, string];
  const op = contract.doc.paths[template]?.[method.toLowerCase()];
  if (!op) return [`no operation ${key}`];
  let ptr = `/paths/${esc(template)}/${method.toLowerCase()}/responses/${answer.status}`;
  let response = op.responses[String(answer.status)];
  if (!response) return [`${key}: status ${answer.status} is not documented`];
  if (response.$ref) [ptr, response] = [response.$ref.slice(1), at(contract.doc, response.$ref.slice(1))];
  const out: string[] = [];
  for (const [name, raw] of Object.entries<any>(response.headers ?? {})) {
    const header = deref(contract.doc, raw);
    const value = answer.headers.get(name);
    if (value === null) {
      if (header.required) out.push(`${key} ${answer.status}: header ${name} missing`);
    } else if (deref(contract.doc, header.schema)?.type === 'integer' && !/^\d+$/.test(value))
      out.push(`${key} ${answer.status}: header ${name} is not an integer: ${value}`);
  }
  if (!response.content) return answer.text === '' ? out : [...out, `${key} ${answer.status}: undocumented body`];
  if (!answer.headers.get('content-type')?.startsWith('application/json'))
    return [...out, `${key} ${answer.status}: content type ${answer.headers.get('content-type')}`];
  const validate = contract.compile(`${ptr}/content/application~1json/schema`);
  if (!validate(answer.json))
    out.push(`${key} ${answer.status}: ${validate.errors?.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
  return out;
}

/** Every operation of the contract as "METHOD /path". */
export const OPERATIONS = contract.operations.map((o) => `${o.method} ${o.template}`);
