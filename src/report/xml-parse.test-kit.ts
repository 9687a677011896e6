/** A tiny strict XML parser for tests: elements, attributes, text; throws on anything malformed. */

/** A parsed element. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/[<]/.test(text)) throw new Error(`raw < in text: ${text.slice(0, 40)}`);
  return text.replace(/&([^;]*);?/g, (all, name: string) => {
    if (!all.endsWith(';') || !(name in ENTITIES)) throw new Error(`bad entity ${all}`);
    return ENTITIES[name]!;
  });
}

/** Parses a whole document (with an optional XML declaration) into its root element. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const rest = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: XmlElement[] = [{ name: '#doc', attrs: {}, children: [], text: '' }];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  while (i < rest.length) {
    const lt = rest.indexOf('<', i);
    const text = rest.slice(i, lt === -1 ? rest.length : lt);
    stack.at(-1)!.text += decode(text);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(rest);
    if (!m) throw new Error(`malformed tag at ${lt}: ${rest.slice(lt, lt + 60)}`);
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        attrs[a[1]!] = decode(a[2]!);
      }
      const el: XmlElement = { name: name!, attrs, children: [], text: '' };
      stack.at(-1)!.children.push(el);
      if (!selfClose) stack.push(el);
    }
    i = tag.lastIndex;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  const roots = stack[0]!.children;
  if (roots.length !== 1 || stack[0]!.text.trim() !== '') throw new Error('expected exactly one root element');
  return roots[0]!;
}
