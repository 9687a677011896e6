/**
 * Server URLs parse once their variables are substituted, and every `{variable}` is defined.
 * @see https://spec.openapis.org/oas/v3.1.0#server-object
 */
import type { Json } from '../../types.ts';
import type { Report, Rule } from '../types.ts';
import { isObject } from '../../json/is-object.ts';
import { joinPointer } from '../../json/pointer.ts';

function checkServer(server: Json | undefined, pointer: string, reports: Report[]): void {
  if (!isObject(server) || typeof server.url !== 'string') return;
  const url = server.url;
  const variables = isObject(server.variables) ? server.variables : {};
  for (const [, name] of url.matchAll(/\{([^{}]*)\}/g)) {
    if (!(name! in variables))
      reports.push({
        pointer: joinPointer(pointer, 'url'),
        message: `Server URL "${url}" uses {${name}} but the server defines no variable "${name}".`,
      });
  }
  for (const [name, variable] of Object.entries(variables)) {
    if (
      isObject(variable) &&
      Array.isArray(variable.enum) &&
      typeof variable.default === 'string' &&
      !variable.enum.includes(variable.default)
    ) {
      reports.push({
        pointer: joinPointer(pointer, 'variables', name, 'default'),
        message: `Default "${variable.default}" of server variable "${name}" is not one of its enum values.`,
      });
    }
  }
  const filled = url.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const v = variables[name];
    return isObject(v) && typeof v.default === 'string' ? v.default : 'x';
  });
  try {
    new URL(filled, 'http://relative.invalid');
  } catch {
    reports.push({ pointer: joinPointer(pointer, 'url'), message: `Server URL "${url}" is not a valid URL.` });
  }
}

const rule: Rule = {
  id: 'server-url-invalid',
  description: 'Every server URL is a valid URL and defines the variables it uses.',
  defaultSeverity: 'error',
  run({ spec }) {
    const reports: Report[] = [];
    const list = (servers: Json | undefined, pointer: string): void => {
      if (Array.isArray(servers)) servers.forEach((s, i) => checkServer(s, joinPointer(pointer, i), reports));
    };
    list(spec.document.servers, '/servers');
    const items = new Set<string>();
    for (const op of spec.operations) {
      list(op.object.servers, joinPointer(op.pointer, 'servers'));
      const item = op.pointer.slice(0, op.pointer.lastIndexOf('/'));
      if (items.has(item)) continue;
      items.add(item);
      const node = spec.get(item);
      if (isObject(node)) list(node.servers, joinPointer(item, 'servers'));
    }
    return reports;
  },
};
export default rule;
