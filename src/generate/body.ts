/**
 * Request bodies per media type: JSON (and `+json`), `application/x-www-form-urlencoded` (with `encoding`),
 * `multipart/form-data` (fields and files, boundary fixed by the seed), `text/plain`, `application/octet-stream`,
 * XML (`application/xml`, `text/xml`, `+xml`; see xml.ts).
 * @see https://spec.openapis.org/oas/v3.1.0#encoding-object
 */
import { isDeepStrictEqual } from 'node:util';
import type { JsonObject, OpenApiLine } from '../types.ts';
import { isObject } from './context.ts';
import type { MediaModel } from './operation-model.ts';
import { primitiveText, serializeParameter } from './serialize.ts';
import { xmlToJson } from '../validate/xml.ts';
import { toXml } from './xml.ts';
import { jsonText } from './json-text.ts';

/** The exact text of a body and the Content-Type that goes with it. */
export interface SerializedBody {
  contentType: string;
  text: string;
}

/** Per-property facts a form or multipart body needs: is it a file, and its schema's own media type. */
export type FieldInfo = (name: string) => { file: boolean };

const encodingOf = (media: MediaModel, name: string): JsonObject => {
  const enc = isObject(media.object.encoding) ? media.object.encoding[name] : undefined;
  return isObject(enc) ? enc : {};
};

/** Form field pairs: `encoding` honoured; nested objects default to deepObject (`a[b]=c`), which form parsers read. */
function formBody(media: MediaModel, value: unknown, line: OpenApiLine): string | undefined {
  if (!isObject(value)) return undefined;
  const parts: string[] = [];
  for (const [name, v] of Object.entries(value)) {
    const enc = encodingOf(media, name);
    if (typeof enc.contentType === 'string' && /json/.test(enc.contentType)) {
      parts.push(
        serializeParameter(jsonText(v), {
          name,
          in: 'query',
          style: 'form',
          explode: true,
          allowReserved: false,
          line,
        })!,
      );
      continue;
    }
    const nested = isObject(v);
    const style = typeof enc.style === 'string' ? enc.style : nested ? 'deepObject' : 'form';
    const explode = typeof enc.explode === 'boolean' ? enc.explode : style === 'form' || style === 'deepObject';
    const text = serializeParameter(v, {
      name,
      in: 'query',
      style,
      explode,
      allowReserved: enc.allowReserved === true,
      line,
    });
    if (text === undefined) return undefined;
    if (text !== '') parts.push(text);
  }
  return parts.join('&');
}

/** multipart/form-data parts; files get a filename and application/octet-stream unless `encoding` says otherwise. */
function multipartBody(media: MediaModel, value: unknown, boundary: string, fields: FieldInfo): string | undefined {
  if (!isObject(value)) return undefined;
  const out: string[] = [];
  const part = (name: string, v: unknown): void => {
    const enc = encodingOf(media, name);
    const file = fields(name).file;
    const type =
      typeof enc.contentType === 'string'
        ? enc.contentType.split(',')[0]!.trim()
        : file
          ? 'application/octet-stream'
          : v !== null && typeof v === 'object'
            ? 'application/json'
            : undefined;
    const disposition = `form-data; name="${name.replace(/"/g, '%22')}"${file ? `; filename="${name.replace(/[^\w.-]/g, '_')}.bin"` : ''}`;
    const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' ? jsonText(v) : primitiveText(v);
    out.push(
      `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n${text}\r\n`,
    );
  };
  for (const [name, v] of Object.entries(value)) {
    // Arrays of scalars are repeated parts with the same name; anything deeper travels as JSON.
    if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) for (const x of v) part(name, x);
    else part(name, v);
  }
  return `${out.join('')}--${boundary}--\r\n`;
}

/**
 * An XML body, kept only when what a server reads back is, for the schema, the value meant: the same value, or
 * one with the same verdict (valid for a valid value; for an invalid one, still failing every keyword it failed).
 * XML text has no types, so `5` in a string element reads as `"5"`: such a "wrong type" is no violation on the
 * wire and its case is dropped, while `"abc"` in an integer element stays one.
 */
function xmlBody(media: MediaModel, value: unknown): string | undefined {
  const xml = media.xml;
  if (!xml) return undefined;
  const text = toXml(value, media.schema, { resolve: xml.resolve, line: xml.line, root: xml.root });
  if (text === undefined) return undefined;
  const read = xmlToJson(text, media.schema, xml.resolve, { line: xml.line });
  if ('error' in read) return undefined;
  if (isDeepStrictEqual(read.value, value)) return text;
  const meant = xml.errorKeywords(value);
  const got = new Set(xml.errorKeywords(read.value));
  if (meant.length === 0 ? got.size === 0 : meant.every((k) => got.has(k))) return text;
  return undefined;
}

/** Serializes a body value for its media type; undefined when the value cannot be written in it. */
export function serializeBody(
  media: MediaModel,
  value: unknown,
  options: { boundary: string; line: OpenApiLine; fields: FieldInfo },
): SerializedBody | undefined {
  switch (media.kind) {
    case 'json': {
      const text = jsonText(value);
      return text === undefined ? undefined : { contentType: media.send, text };
    }
    case 'form': {
      const text = formBody(media, value, options.line);
      return text === undefined ? undefined : { contentType: media.send, text };
    }
    case 'multipart': {
      const text = multipartBody(media, value, options.boundary, options.fields);
      return text === undefined
        ? undefined
        : { contentType: `multipart/form-data; boundary=${options.boundary}`, text };
    }
    case 'xml': {
      const text = xmlBody(media, value);
      return text === undefined ? undefined : { contentType: media.send, text };
    }
    default:
      return {
        contentType: media.send,
        text: typeof value === 'string' ? value : (jsonText(value) ?? ''),
      };
  }
}
