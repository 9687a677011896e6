/**
 * `statefulPlan(spec)`: the create → read → delete chains a run can test without a suite. From OpenAPI
 * `links` of a create's 2xx responses first, else inferred: a POST on a collection path whose response has an
 * `id`, plus GET/PATCH/PUT/DELETE on `<collection>/{param}`. Pure function of the spec.
 * @see https://spec.openapis.org/oas/v3.1.0#link-object
 */
import type { JsonObject, Operation, Spec } from '../types.ts';
import { escapeSegment } from '../json/pointer.ts';

/** One chain of operations on one kind of resource. */
export interface Chain {
  collection: string;
  create: Operation;
  read?: Operation;
  update?: Operation;
  delete?: Operation;
  /** Path parameter of the item operations that takes the created id. */
  idParam: string;
  /** Runtime expression giving the id from the create's response, e.g. `$response.body#/id`. */
  idFrom: string;
  /** Name of the create's Idempotency-Key header parameter, when it declares one. */
  idempotencyHeader?: string;
  source: 'links' | 'inferred';
}

const ITEM = (collection: string) => new RegExp(`^${collection.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}/\\{([^}/]+)\\}$`);

/** Links of the 2xx responses of `op`, resolved, with the operation each one targets. */
function linksOf(spec: Spec, op: Operation): Array<{ target: Operation; parameters: Record<string, string> }> {
  const out: Array<{ target: Operation; parameters: Record<string, string> }> = [];
  const responses = (op.object.responses ?? {}) as JsonObject;
  for (const [status, r] of Object.entries(responses)) {
    if (!/^2/.test(status)) continue;
    const response = spec.deref<JsonObject>(r).value;
    for (const l of Object.values((response?.links ?? {}) as JsonObject)) {
      const link = spec.deref<JsonObject>(l).value;
      if (!link) continue;
      const ref =
        typeof link.operationRef === 'string'
          ? decodeURIComponent(link.operationRef.replace(/^[^#]*#/, ''))
          : undefined;
      const target = spec.operations.find(
        (o) => !o.webhook && (o.operationId === link.operationId || (ref !== undefined && o.pointer === ref)),
      );
      const parameters = Object.fromEntries(
        Object.entries((link.parameters ?? {}) as JsonObject).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>;
      if (target) out.push({ target, parameters });
    }
  }
  return out;
}

/** The property of the create's 2xx JSON response schema that carries the id (`id`, else the item parameter name). */
function idProperty(spec: Spec, op: Operation, idParam: string): string | undefined {
  const responses = (op.object.responses ?? {}) as JsonObject;
  for (const [status, r] of Object.entries(responses)) {
    if (!/^2/.test(status)) continue;
    const content = (spec.deref<JsonObject>(r).value?.content ?? {}) as JsonObject;
    for (const [type, media] of Object.entries(content)) {
      if (!/json/i.test(type)) continue;
      const schema = spec.deref<JsonObject>((media as JsonObject).schema).value;
      const props = (schema?.properties ?? {}) as JsonObject;
      for (const name of ['id', idParam]) if (name in props) return name;
    }
  }
  return undefined;
}

/** Every chain of `spec`, in path order. */
export function statefulPlan(spec: Spec): Chain[] {
  const ops = spec.operations.filter((o) => !o.webhook);
  const chains: Chain[] = [];
  for (const create of ops.filter((o) => o.method === 'post' && !o.path.includes('{'))) {
    const item = ITEM(create.path);
    const items = ops.filter((o) => item.test(o.path));
    if (items.length === 0) continue;
    const idParam = item.exec(items[0]!.path)![1]!;
    const find = (...methods: string[]) => methods.map((m) => items.find((o) => o.method === m)).find(Boolean);
    const link = linksOf(spec, create).find((l) => items.includes(l.target) && l.parameters[idParam] !== undefined);
    const prop = link ? undefined : idProperty(spec, create, idParam);
    const idFrom = link?.parameters[idParam] ?? (prop ? `$response.body#/${escapeSegment(prop)}` : undefined);
    if (!idFrom) continue;
    const chain: Chain = { collection: create.path, create, idParam, idFrom, source: link ? 'links' : 'inferred' };
    const [read, update, del] = [find('get'), find('patch', 'put'), find('delete')];
    if (read) chain.read = read;
    if (update) chain.update = update;
    if (del) chain.delete = del;
    const idem = create.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
    if (idem) chain.idempotencyHeader = idem.name;
    if (chain.read || chain.delete) chains.push(chain);
  }
  return chains.sort((a, b) => a.collection.localeCompare(b.collection));
}
