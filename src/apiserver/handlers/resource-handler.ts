// The REST verbs on /api and /apis resources: get, list, watch, create, update, patch,
// delete, deletecollection, on the main resource and its status subresource.
import type { Clock } from '../../apimachinery/clock.ts';
import { convert, parseApiVersion, storageVersionOf } from '../../api/conversion/index.ts';
import { ApplyError, serverSideApply, updateManagedFields, withManagedFields } from '../../api/apply/index.ts';
import { applyPatch, isPatchError, patchTypeOf, type PatchType } from '../../api/patch/index.ts';
import { deprecationWarning, groupVersion, type ResourceDef } from '../../api/resources.ts';
import { buildTable, tableFor } from '../../api/tables/index.ts';
import { admitSchema, fieldValidationOf, type FieldValidation } from '../codec.ts';
import { decodeBody, expectObject } from '../decode.ts';
import { jsonBytes, listPieces } from '../json-bytes.ts';
import { addWarnings, mediaType, readBody, sendJson, sendJsonPieces, successStatus, tableContentType, wantsTable, type Request, type Response } from '../http.ts';
import { markDefaulted, type GenericRegistry, type ObjectFilter } from '../registry/generic-registry.ts';
import type { ResourceRequest } from '../request-info.ts';
import { objectFilter } from '../selectors.ts';
import { ApiError, errors, type StatusDetails } from '../status.ts';
import type { ApiObject } from '../watch-cache.ts';
import { handleBinding, handleEviction, handleScale } from './subresources.ts';
import { serveWatch } from './watch-handler.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

export interface HandlerContext {
  readonly registries: ReadonlyMap<string, GenericRegistry>;
  readonly clock: Clock;
  /** Resolves when shutdown begins, so watches end cleanly. */
  readonly stopping: Promise<void>;
  /** How often watches that allow bookmarks get one. */
  readonly bookmarkIntervalMs: number;
}

export const registryKey = (group: string, plural: string) => `${group}/${plural}`;

export async function handleResource(ctx: HandlerContext, info: ResourceRequest, req: Request, res: Response, query: URLSearchParams): Promise<void> {
  if (info.group === '' && info.resource === 'bindings' && info.verb === 'create') {
    // The older form of a pod's binding subresource: POST namespaces/{ns}/bindings.
    return handleBinding(ctx.registries.get(registryKey('', 'pods'))!, { ...info, name: '' }, info.namespace, req, res, () => rfc3339(ctx.clock.now()));
  }
  const registry = ctx.registries.get(registryKey(info.group, info.resource));
  const def = registry?.def;
  if (!registry || !def || !def.versions.includes(info.version)) throw errors.pathNotFound();
  const apiVersion = groupVersion(def.group, info.version);
  const subresource = info.subresource;
  if (subresource && !def.subresources.some((s) => s.name === subresource)) throw errors.pathNotFound();
  if (subresource && !['status', 'finalize', 'scale', 'binding', 'eviction', 'ephemeralcontainers'].includes(subresource)) {
    throw errors.methodNotSupported(registry.groupResource, `${info.verb} on ${subresource}`);
  }
  const allowed = subresource ? def.subresources.find((s) => s.name === subresource)!.verbs : def.verbs;
  if (!allowed.includes(info.verb)) throw errors.methodNotSupported(registry.groupResource, info.verb);
  const dryRunQuery = query.getAll('dryRun').includes('All');
  if (subresource === 'scale') return handleScale(registry, info, info.namespace, req, res, dryRunQuery);
  if (subresource === 'eviction') {
    const budgets = ctx.registries.get(registryKey('policy', 'poddisruptionbudgets'))!;
    return handleEviction(registry, budgets, info, info.namespace, req, res, () => rfc3339(ctx.clock.now()));
  }
  if (subresource === 'binding') return handleBinding(registry, info, info.namespace, req, res, () => rfc3339(ctx.clock.now()));
  if (def.namespaced && !info.namespace && ['create', 'get', 'update', 'patch', 'delete', 'deletecollection'].includes(info.verb)) {
    throw errors.pathNotFound();
  }
  const namespace = def.namespaced ? info.namespace : '';
  const deprecation = deprecationWarning(def.group, info.version, def.kind);
  if (deprecation) addWarnings(res, [deprecation]);
  const dryRun = query.getAll('dryRun').includes('All');
  const view = (object: ApiObject) => forVersion(object, apiVersion);
  const manager = fieldManagerOf(req, query);
  const now = rfc3339(ctx.clock.now());
  // Fields the endpoint ignores belong to nobody who writes through it.
  const resetFields = !registry.strategy.hasStatus ? [] : subresource === 'status' ? [['spec']] : [['status']];
  /** Records the writer's fields in metadata.managedFields, as upstream's field manager. */
  const track = (object: ApiObject, old: ApiObject | undefined): ApiObject => {
    const tracked = withManagedFields(object, updateManagedFields(old, object, { manager, apiVersion, time: now, resetFields, ...(subresource ? { subresource } : {}) })) as ApiObject;
    // Every tracked object was admitted, so defaulted: the copy need not be defaulted again.
    markDefaulted(tracked);
    return tracked;
  };
  /** Schema checks and Go-style normalization of an incoming object, with warnings sent along. */
  const admit = (object: ApiObject, jsonText?: string) => {
    const admitted = admitSchema(object, fieldValidationOf(query), jsonText);
    addWarnings(res, admitted.warnings);
    return admitted.object;
  };

  switch (info.verb) {
    case 'get': {
      const object = view(await registry.get(namespace, info.name, query.get('resourceVersion') ?? undefined));
      // A cached object: its JSON is made once for every reader.
      if (!wantsTable(req)) return sendJson(res, 200, jsonBytes(object));
      return respondObject(ctx, req, res, def, object, query, 200);
    }
    case 'list': {
      const result = await registry.list(namespace, {
        filter: objectFilter(registry, query),
        limit: Number(query.get('limit') ?? 0) || 0,
        continue: query.get('continue') ?? undefined,
        resourceVersion: query.get('resourceVersion') ?? undefined,
        resourceVersionMatch: query.get('resourceVersionMatch') ?? undefined,
      });
      const items = result.items.map(view);
      const listMeta = { resourceVersion: result.resourceVersion, ...(result.continue ? { continue: result.continue } : {}) };
      if (wantsTable(req)) {
        const table = buildTable(tableFor(def.group, def.plural), items, {
          now: ctx.clock.now(),
          includeObject: includeObject(query),
          resourceVersion: result.resourceVersion,
          ...(result.continue ? { continue: result.continue } : {}),
        });
        return sendJson(res, 200, table, tableContentType);
      }
      // Items are sent as their cached JSON bytes: a big list is encoded once, not per request.
      return sendJsonPieces(res, 200, listPieces(JSON.stringify({ kind: `${def.kind}List`, apiVersion, metadata: listMeta }), items));
    }
    case 'watch': {
      const filter: ObjectFilter = objectFilter(registry, query);
      return serveWatch(ctx, registry, { namespace, filter, query, req, res, view, def, apiVersion });
    }
    case 'create': {
      const body = await readObjectBody(req);
      const object = admit(expectObject(body.value, { apiVersion, kind: def.kind }), body.jsonText);
      checkNamespace(object, namespace, def);
      await admitNamespaceLifecycle(ctx, registry, namespace, String(object.metadata.name ?? ''));
      if (!object.metadata.name && !object.metadata.generateName) {
        throw errors.invalid(def.group, def.kind, '', [
          { reason: 'FieldValueRequired', message: 'metadata.name: Required value: name or generateName is required', field: 'metadata.name' },
        ]);
      }
      const created = await registry.create(namespace, toStorage(track(object, undefined), def), { dryRun });
      return respondObject(ctx, req, res, def, view(created), query, 201);
    }
    case 'update': {
      const body = await readObjectBody(req);
      const object = admit(expectObject(body.value, { apiVersion, kind: def.kind }), body.jsonText);
      checkNamespace(object, namespace, def);
      const { object: updated, created } = await registry.update(
        namespace,
        info.name,
        (current) => toStorage(track(object, current && view(current)), def),
        { dryRun, subresource },
      );
      return respondObject(ctx, req, res, def, view(updated), query, created ? 201 : 200);
    }
    case 'patch': {
      const type = mediaType(req);
      if (type === 'application/apply-patch+yaml') {
        const applied = expectObject(decodeBody(await readBody(req), type), { apiVersion, kind: def.kind });
        return applyServerSide(ctx, registry, { namespace, name: info.name, applied, manager: query.get('fieldManager') ?? '', force: query.get('force') === 'true', apiVersion, now, dryRun, subresource, admit, view, req, res, query });
      }
      const patchType = patchTypeOf(type);
      if (!patchType) throw errors.unsupportedMediaType(type);
      const patch = decodeBody(await readBody(req), type);
      const { group, version } = parseApiVersion(apiVersion);
      const { object: patched } = await registry.update(
        namespace,
        info.name,
        (current) => {
          if (!current) throw errors.notFound(registry.groupResource, info.name);
          const before = view(current);
          const result = patchObject(patchType, before, patch, { group, version, kind: def.kind }, fieldValidationOf(query));
          return toStorage(track(admit(expectObject(result, { apiVersion, kind: def.kind })), before), def);
        },
        { dryRun, subresource },
      );
      return respondObject(ctx, req, res, def, view(patched), query, 200);
    }
    case 'delete': {
      const options = await deleteOptions(req, query);
      const { object, deleted } = await registry.delete(namespace, info.name, { ...options, dryRun: dryRun || options.dryRun });
      if (!deleted || registry.strategy.returnDeletedObject) return respondObject(ctx, req, res, def, view(object), query, 200);
      return sendJson(res, 200, successStatus({ name: info.name, group: def.group || undefined, kind: def.plural, uid: String(object.metadata.uid ?? '') } as never));
    }
    case 'deletecollection': {
      const options = await deleteOptions(req, query);
      const { items, resourceVersion } = await registry.list(namespace, { filter: objectFilter(registry, query) });
      const deleted: ApiObject[] = [];
      for (const item of items) {
        try {
          const result = await registry.delete(String(item.metadata.namespace ?? ''), String(item.metadata.name), { ...options, dryRun: dryRun || options.dryRun });
          deleted.push(view(result.object));
        } catch (error) {
          if ((error as { code?: number }).code !== 404) throw error;
        }
      }
      return sendJson(res, 200, { kind: `${def.kind}List`, apiVersion, metadata: { resourceVersion }, items: deleted });
    }
    default:
      throw errors.methodNotSupported(registry.groupResource, info.verb);
  }
}

/** Upstream's NamespaceLifecycle admission: nothing new goes into a namespace being deleted. */
async function admitNamespaceLifecycle(ctx: HandlerContext, registry: GenericRegistry, namespace: string, name: string): Promise<void> {
  if (!registry.def.namespaced) return;
  const namespaces = ctx.registries.get(registryKey('', 'namespaces'))!;
  const ns = await namespaces.get('', namespace).catch(() => undefined);
  if ((ns?.status as { phase?: string } | undefined)?.phase !== 'Terminating') return;
  const error = errors.forbidden(registry.groupResource, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
  error.details!.causes = [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }];
  throw error;
}

/** The decoded body, and its text when it is JSON (for the duplicate-field check). */
async function readObjectBody(req: Request): Promise<{ value: unknown; jsonText?: string }> {
  const raw = await readBody(req);
  const type = mediaType(req);
  const value = decodeBody(raw, type);
  return type === '' || type === 'application/json' ? { value, jsonText: raw.toString('utf8') } : { value };
}

/** The writer's name for managedFields: ?fieldManager, else the user agent's program, as upstream. */
function fieldManagerOf(req: Request, query: URLSearchParams): string {
  const given = query.get('fieldManager');
  if (given) return given;
  const agent = String(req.headers['user-agent'] ?? 'unknown');
  return agent.split('/')[0]!.slice(0, 128) || 'unknown';
}

interface ApplyRequest {
  namespace: string;
  name: string;
  applied: ApiObject;
  manager: string;
  force: boolean;
  apiVersion: string;
  now: string;
  dryRun: boolean;
  subresource: string;
  admit: (object: ApiObject) => ApiObject;
  view: (object: ApiObject) => ApiObject;
  req: Request;
  res: Response;
  query: URLSearchParams;
}

/** Server-side apply: merges the applied configuration, owning its fields; creates when absent. */
async function applyServerSide(ctx: HandlerContext, registry: GenericRegistry, a: ApplyRequest): Promise<void> {
  const def = registry.def;
  if (!a.manager) throw errors.badRequest('PATCH request with apply-patch+yaml content type is not supported without a field manager');
  const apply = (live: ApiObject | undefined): ApiObject => {
    try {
      const result = serverSideApply(live, a.applied, { manager: a.manager, force: a.force, apiVersion: a.apiVersion, kind: def.kind, time: a.now, ...(a.subresource ? { subresource: a.subresource } : {}) });
      return a.admit(withManagedFields(result.object, result.managedFields) as ApiObject);
    } catch (error) {
      if (error instanceof ApplyError) throw new ApiError(error.code, error.reason, error.message, (error.toStatus() as { details?: StatusDetails }).details);
      throw error;
    }
  };
  const existing = await registry.get(a.namespace, a.name).catch((error: { code?: number }) => {
    if (error.code === 404) return undefined;
    throw error;
  });
  if (!existing) {
    await admitNamespaceLifecycle(ctx, registry, a.namespace, a.name);
    const object = apply(undefined);
    object.metadata.name ??= a.name;
    const created = await registry.create(a.namespace, toStorage(object, def), { dryRun: a.dryRun });
    return respondObject(ctx, a.req, a.res, def, a.view(created), a.query, 201);
  }
  const { object } = await registry.update(
    a.namespace,
    a.name,
    (current) => {
      if (!current) throw errors.notFound(registry.groupResource, a.name);
      return toStorage(apply(a.view(current)), def);
    },
    { dryRun: a.dryRun, subresource: a.subresource },
  );
  respondObject(ctx, a.req, a.res, def, a.view(object), a.query, 200);
}

/** Applies a JSON, merge or strategic merge patch; patch errors keep upstream's status. */
function patchObject(type: PatchType, current: ApiObject, patch: unknown, kind: { group: string; version: string; kind: string }, fieldValidation: FieldValidation): ApiObject {
  try {
    return applyPatch(type, current, patch, kind, { fieldValidation }) as ApiObject;
  } catch (error) {
    if (isPatchError(error)) throw new ApiError(error.code, error.reason, error.message, error.details as StatusDetails | undefined);
    throw error;
  }
}

/** The object as the requested version shows it. */
function forVersion(object: ApiObject, apiVersion: string): ApiObject {
  return object.apiVersion === apiVersion ? object : (convert(object, apiVersion) as ApiObject);
}

/** The object in its storage version (core v1 for events.k8s.io Events, v2 for every HPA). */
function toStorage(object: ApiObject, def: ResourceDef): ApiObject {
  const storage = storageVersionOf(def.group, def.kind).apiVersion;
  return object.apiVersion === storage ? object : (convert(object, storage) as ApiObject);
}

function checkNamespace(object: ApiObject, namespace: string, def: ResourceDef): void {
  const given = object.metadata.namespace;
  if (def.namespaced && given && given !== namespace) {
    throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}

function includeObject(query: URLSearchParams): 'None' | 'Metadata' | 'Object' {
  const value = query.get('includeObject');
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

function respondObject(ctx: HandlerContext, req: Request, res: Response, def: ResourceDef, object: ApiObject, query: URLSearchParams, code: number): void {
  if (wantsTable(req)) {
    const table = buildTable(tableFor(def.group, def.plural), [object], {
      now: ctx.clock.now(),
      includeObject: includeObject(query),
      resourceVersion: String(object.metadata.resourceVersion ?? ''),
    });
    return sendJson(res, code, table, tableContentType);
  }
  // Objects are read-only here: a cached one's JSON is made once for this answer and every watcher.
  sendJson(res, code, jsonBytes(object));
}

interface DeleteRequestOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** DeleteOptions from the body (kubectl) or the query (curl, older clients). */
async function deleteOptions(req: Request, query: URLSearchParams): Promise<DeleteRequestOptions> {
  const body = await readBody(req);
  const fromBody = body.length > 0 ? (decodeBody(body, mediaType(req)) as Record<string, unknown>) : {};
  const options: DeleteRequestOptions = {};
  const grace = fromBody.gracePeriodSeconds ?? query.get('gracePeriodSeconds') ?? undefined;
  if (grace !== undefined && grace !== null) options.gracePeriodSeconds = Number(grace);
  let policy = (fromBody.propagationPolicy ?? query.get('propagationPolicy') ?? undefined) as string | undefined;
  const orphan = fromBody.orphanDependents ?? query.get('orphanDependents');
  if (!policy && orphan !== undefined && orphan !== null) policy = String(orphan) === 'true' ? 'Orphan' : 'Background';
  if (policy) {
    if (policy !== 'Orphan' && policy !== 'Background' && policy !== 'Foreground') {
      throw errors.invalid('', 'DeleteOptions', '', [
        {
          reason: 'FieldValueNotSupported',
          message: `propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`,
          field: 'propagationPolicy',
        },
      ]);
    }
    options.propagationPolicy = policy;
  }
  if (fromBody.preconditions && typeof fromBody.preconditions === 'object') options.preconditions = fromBody.preconditions as DeleteRequestOptions['preconditions'];
  if (Array.isArray(fromBody.dryRun) && fromBody.dryRun.includes('All')) options.dryRun = true;
  return options;
}

