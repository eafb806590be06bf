/**
 * Writes neutral `PathItem`s (paths.ts) as OpenAPI v3 or Swagger 2.0 path objects.
 * Parameters that every operation of a path shares move to the path level, and every
 * parameter list is sorted by name, as kube-apiserver's builders do.
 */
import { patchMediaTypes, type Body, type Operation, type Param, type PathItem } from './paths.ts';
import { sortKeys, type JsonObject, type SchemaCollector } from './schemas.ts';

const paramKey = (p: Param) => `${p.in}:${p.name}`;
const byName = (a: Param, b: Param) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.in < b.in ? -1 : a.in > b.in ? 1 : 0);

/** Splits parameters into those shared by every operation (path level) and the rest. */
function hoist(item: PathItem): { shared: Param[]; own: Map<Operation, Param[]> } {
  const ops = item.operations;
  const counts = new Map<string, number>();
  for (const op of ops) for (const key of new Set(op.params.map(paramKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const sharedKeys = new Set([...counts].filter(([, n]) => n === ops.length).map(([key]) => key));
  const shared = new Map<string, Param>();
  const own = new Map<Operation, Param[]>();
  for (const op of ops) {
    const mine: Param[] = [];
    for (const p of op.params) {
      if (sharedKeys.has(paramKey(p))) {
        if (!shared.has(paramKey(p))) shared.set(paramKey(p), p);
      } else if (!mine.some((m) => paramKey(m) === paramKey(p))) {
        mine.push(p);
      }
    }
    own.set(op, mine.sort(byName));
  }
  return { shared: [...shared.values()].sort(byName), own };
}

function paramV3(p: Param): JsonObject {
  return sortKeys({ description: p.description, in: p.in, name: p.name, ...(p.required ? { required: true } : {}), schema: { type: p.type, uniqueItems: true } });
}

function paramV2(p: Param): JsonObject {
  return sortKeys({ description: p.description, in: p.in, name: p.name, ...(p.required ? { required: true } : {}), type: p.type, uniqueItems: true });
}

function gvkExtension(op: Operation): JsonObject {
  const out: JsonObject = {};
  if (op.action) out['x-kubernetes-action'] = op.action;
  if (op.gvk) out['x-kubernetes-group-version-kind'] = { group: op.gvk.group, kind: op.gvk.kind, version: op.gvk.version };
  return out;
}

function bodySchema(body: Body, schemas: SchemaCollector): JsonObject {
  return 'type' in body ? schemas.ref(body.type) : { type: 'string' };
}

/** The `paths` object of a v3 document; schemas the operations use are recorded in `schemas`. */
export function pathsV3(items: readonly PathItem[], schemas: SchemaCollector): JsonObject {
  const out: JsonObject = {};
  for (const item of [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const { shared, own } = hoist(item);
    const pathObject: JsonObject = {};
    for (const op of item.operations) {
      const operation: JsonObject = { description: op.description, operationId: op.operationId };
      const mine = own.get(op)!;
      if (mine.length > 0) operation.parameters = mine.map(paramV3);
      if (op.requestBody) {
        const schema = schemas.ref(op.requestBody.type);
        const content: JsonObject = {};
        for (const media of op.requestBody.patch ? patchMediaTypes : ['*/*']) content[media] = { schema };
        operation.requestBody = op.requestBody.required ? { content, required: true } : { content };
      }
      const responses: JsonObject = {};
      for (const response of op.responses) {
        if (!response.body) {
          responses[response.code] = { description: response.description };
          continue;
        }
        const schema = bodySchema(response.body, schemas);
        const content: JsonObject = {};
        for (const media of [...op.produces].sort()) content[media] = { schema };
        responses[response.code] = { content, description: response.description };
      }
      operation.responses = responses;
      operation.tags = [op.tag];
      Object.assign(operation, gvkExtension(op));
      pathObject[op.method] = operation;
    }
    if (shared.length > 0) pathObject.parameters = shared.map(paramV3);
    out[item.path] = sortKeys(pathObject);
  }
  return out;
}

/** The `paths` object of a Swagger 2.0 document. */
export function pathsV2(items: readonly PathItem[], schemas: SchemaCollector): JsonObject {
  const out: JsonObject = {};
  for (const item of [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const { shared, own } = hoist(item);
    const pathObject: JsonObject = {};
    for (const op of item.operations) {
      const operation: JsonObject = {};
      operation.consumes = op.requestBody?.patch ? [...patchMediaTypes] : ['*/*'];
      operation.description = op.description;
      operation.operationId = op.operationId;
      const parameters: JsonObject[] = [];
      if (op.requestBody) {
        parameters.push({ in: 'body', name: 'body', ...(op.requestBody.required ? { required: true } : {}), schema: schemas.ref(op.requestBody.type) });
      }
      parameters.push(...own.get(op)!.map(paramV2));
      if (parameters.length > 0) operation.parameters = parameters;
      operation.produces = [...op.produces];
      const responses: JsonObject = {};
      for (const response of op.responses) {
        responses[response.code] = response.body ? { description: response.description, schema: bodySchema(response.body, schemas) } : { description: response.description };
      }
      operation.responses = responses;
      operation.schemes = ['https'];
      operation.tags = [op.tag];
      Object.assign(operation, gvkExtension(op));
      pathObject[op.method] = operation;
    }
    if (shared.length > 0) pathObject.parameters = shared.map(paramV2);
    out[item.path] = sortKeys(pathObject);
  }
  return out;
}
