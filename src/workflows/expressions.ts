/**
 * Runtime expressions of Arazzo 1.0 and OpenAPI (Links, Callbacks): `$statusCode`, `$response.body#/id`,
 * `$request.header.x-request-id`, `$steps.create.outputs.id`, `$inputs.name`, ... — parsed once, evaluated
 * against the state of a running workflow. Values embedded in strings use `{$...}` and are interpolated.
 * @see https://spec.openapis.org/arazzo/v1.0.1#runtime-expressions
 * @see https://spec.openapis.org/oas/v3.1.0#runtime-expressions
 */
import { HTTP_TOKEN } from '../headers.ts';
import { unescapeSegment } from '../json/pointer.ts';

/** What an expression names. `pointer` is a JSON pointer (RFC 6901) into the named value, without the `#`. */
export type Expression =
  | { kind: 'url' | 'method' | 'statusCode' }
  | { kind: 'request' | 'response'; source: 'header' | 'query' | 'path'; name: string }
  | { kind: 'request' | 'response'; source: 'body'; pointer?: string }
  | { kind: 'inputs' | 'outputs'; name: string; pointer?: string }
  | { kind: 'steps' | 'workflows'; id: string; field: 'outputs' | 'inputs'; name: string; pointer?: string }
  | { kind: 'sourceDescriptions' | 'components'; name: string };

/** One HTTP message as expressions see it: headers lower-cased, body parsed when it is JSON. */
export interface MessageView {
  headers: Record<string, string | string[] | undefined>;
  query?: Record<string, string>;
  path?: Record<string, string>;
  body?: unknown;
}

/** The state an expression is evaluated in; missing parts make the expression resolve to `undefined`. */
export interface ExpressionContext {
  url?: string;
  method?: string;
  statusCode?: number;
  request?: MessageView;
  response?: MessageView;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  steps?: Record<string, { outputs: Record<string, unknown> }>;
  workflows?: Record<string, { inputs?: Record<string, unknown>; outputs: Record<string, unknown> }>;
}

/** A malformed runtime expression; `offset` is where in the text it goes wrong. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

const ID = /^[A-Za-z0-9_-]+/;

/** Parses one runtime expression (the whole text, starting with `$`); throws ExpressionError. */
export function parseExpression(text: string): Expression {
  if (text === '$url' || text === '$method' || text === '$statusCode') return { kind: text.slice(1) as 'url' };
  const m = /^\$(request|response|inputs|outputs|steps|workflows|sourceDescriptions|components)\./.exec(text);
  if (!m)
    throw new ExpressionError(
      `"${text}" is not a runtime expression (expected $url, $method, $statusCode, $request., $response., $inputs., $outputs., $steps., $workflows., $sourceDescriptions. or $components.)`,
      0,
    );
  const kind = m[1]!;
  const rest = text.slice(m[0].length);
  const at = m[0].length;
  if (kind === 'request' || kind === 'response') return parseSource(kind, rest, at);
  const [name, pointer] = splitPointer(rest, at);
  if (kind === 'steps' || kind === 'workflows') {
    const id = ID.exec(name)?.[0];
    const field = id ? /^\.(outputs|inputs)\./.exec(name.slice(id.length)) : null;
    if (!id || !field || (kind === 'steps' && field[1] === 'inputs')) {
      throw new ExpressionError(
        `"${text}": expected $${kind}.<id>.outputs.<name>${kind === 'workflows' ? ' or .inputs.<name>' : ''}`,
        at,
      );
    }
    const outName = name.slice(id.length + field[0].length);
    if (!outName) throw new ExpressionError(`"${text}": missing the ${field[1]} name`, text.length);
    return withPointer({ kind, id, field: field[1] as 'outputs', name: outName }, pointer);
  }
  if (!name) throw new ExpressionError(`"${text}": missing a name after $${kind}.`, at);
  if (kind === 'sourceDescriptions' || kind === 'components') return { kind, name };
  return withPointer({ kind: kind as 'inputs', name }, pointer);
}

function parseSource(kind: 'request' | 'response', rest: string, at: number): Expression {
  if (rest === 'body' || rest.startsWith('body#')) {
    const pointer = rest.length > 4 ? rest.slice(5) : undefined;
    if (pointer !== undefined) checkPointer(pointer, at + 5);
    return withPointer({ kind, source: 'body' }, pointer);
  }
  const m = /^(header|query|path)\.(.+)$/.exec(rest);
  if (!m)
    throw new ExpressionError(
      `"$${kind}.${rest}": expected header.<name>, query.<name>, path.<name>, body or body#/<pointer>`,
      at,
    );
  if (m[1] === 'header' && !HTTP_TOKEN.test(m[2]!)) throw new ExpressionError(`"${m[2]}" is not a header name`, at + 7);
  return { kind, source: m[1] as 'header', name: m[1] === 'header' ? m[2]!.toLowerCase() : m[2]! };
}

function splitPointer(rest: string, at: number): [string, string | undefined] {
  const hash = rest.indexOf('#');
  if (hash < 0) return [rest, undefined];
  const pointer = rest.slice(hash + 1);
  checkPointer(pointer, at + hash + 1);
  return [rest.slice(0, hash), pointer];
}

function checkPointer(pointer: string, offset: number): void {
  if (pointer !== '' && !pointer.startsWith('/'))
    throw new ExpressionError(`JSON pointer "${pointer}" must start with "/"`, offset);
  const bad = /~[^01]|~$/.exec(pointer);
  if (bad)
    throw new ExpressionError(`JSON pointer "${pointer}" has an invalid escape at "${bad[0]}"`, offset + bad.index);
}

function withPointer<T extends object>(e: T, pointer: string | undefined): T & { pointer?: string } {
  return pointer === undefined || pointer === '' ? e : { ...e, pointer };
}

/** Value at an RFC 6901 pointer of `value`, or undefined; JSON text is parsed first. */
export function resolvePointer(value: unknown, pointer: string | undefined): unknown {
  if (pointer === undefined || pointer === '') return value;
  let node = typeof value === 'string' ? parseJson(value) : value;
  for (const seg of pointer.slice(1).split('/').map(unescapeSegment)) {
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(seg) ? node[Number(seg)] : undefined;
    else if (node !== null && typeof node === 'object')
      node = Object.hasOwn(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
    else return undefined;
  }
  return node;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `$inputs.customer.name` works when `customer` is an object: exact key first, then a dotted walk. */
function byName(record: Record<string, unknown> | undefined, name: string): unknown {
  if (!record) return undefined;
  if (Object.hasOwn(record, name)) return record[name];
  let node: unknown = record;
  for (const part of name.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function header(view: MessageView | undefined, name: string): string | undefined {
  const v = view?.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Evaluates a parsed expression; anything not (yet) known resolves to `undefined`. */
export function evaluate(e: Expression, ctx: ExpressionContext): unknown {
  switch (e.kind) {
    case 'url':
      return ctx.url;
    case 'method':
      return ctx.method;
    case 'statusCode':
      return ctx.statusCode;
    case 'request':
    case 'response': {
      const view = e.kind === 'request' ? ctx.request : ctx.response;
      if (e.source === 'body') return resolvePointer(view?.body, e.pointer);
      if (e.source === 'header') return header(view, e.name);
      return view?.[e.source]?.[e.name];
    }
    case 'inputs':
      return resolvePointer(byName(ctx.inputs, e.name), e.pointer);
    case 'outputs':
      return resolvePointer(byName(ctx.outputs, e.name), e.pointer);
    case 'steps':
      return resolvePointer(byName(ctx.steps?.[e.id]?.outputs, e.name), e.pointer);
    case 'workflows':
      return resolvePointer(byName(ctx.workflows?.[e.id]?.[e.field], e.name), e.pointer);
    default:
      return undefined;
  }
}
