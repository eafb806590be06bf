/**
 * The REST operations kube-apiserver's endpoint installer declares for each resource,
 * in a neutral form that `render.ts` writes as OpenAPI v2 or v3: paths, operation ids
 * (`createCoreV1NamespacedPod`), `x-kubernetes-action`, `x-kubernetes-group-version-kind`,
 * query parameters, request bodies and responses. Parameter descriptions are our own words.
 */
import type { ResourceDef, SubresourceDef } from '../resources.ts';
import type { GroupVersionKind } from './schemas.ts';

export type ParamType = 'string' | 'boolean' | 'integer';

export interface Param {
  readonly name: string;
  readonly in: 'query' | 'path';
  readonly type: ParamType;
  readonly description: string;
  readonly required?: boolean;
}

export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

/** What a response body is: a named schema, a plain string, or nothing. */
export type Body = { readonly type: string } | { readonly string: true };

export interface Response {
  readonly code: string;
  readonly description: string;
  readonly body?: Body;
}

export interface Operation {
  readonly method: Method;
  readonly operationId: string;
  readonly description: string;
  readonly tag: string;
  readonly action?: string;
  readonly gvk?: GroupVersionKind;
  readonly params: readonly Param[];
  /** The request body's schema name; `patch` bodies are `meta/v1.Patch` in the patch media types. */
  readonly requestBody?: { readonly type: string; readonly required: boolean; readonly patch?: boolean };
  readonly responses: readonly Response[];
  /** Media types the responses come in. */
  readonly produces: readonly string[];
}

export interface PathItem {
  readonly path: string;
  readonly operations: Operation[];
}

export const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const metaTypes = {
  status: `${meta}.Status`,
  deleteOptions: `${meta}.DeleteOptions`,
  watchEvent: `${meta}.WatchEvent`,
  patch: `${meta}.Patch`,
  apiResourceList: `${meta}.APIResourceList`,
  apiGroup: `${meta}.APIGroup`,
  apiGroupList: `${meta}.APIGroupList`,
  apiVersions: `${meta}.APIVersions`,
  versionInfo: 'io.k8s.apimachinery.pkg.version.Info',
} as const;

export const patchMediaTypes = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
] as const;

const objectMedia = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const streamMedia = [...objectMedia, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];

// Query parameters, as kube-apiserver declares them (names and types); descriptions ours.
const q = (name: string, type: ParamType, description: string): Param => ({ name, in: 'query', type, description });
const params = {
  pretty: q('pretty', 'string', "If 'true', the response is indented for people to read."),
  dryRun: q('dryRun', 'string', 'When present (the only value is All), the request is processed in full but nothing is persisted.'),
  fieldManager: q('fieldManager', 'string', 'The name of the actor making the change, recorded in managedFields. At most 128 printable characters.'),
  fieldManagerPatch: q(
    'fieldManager',
    'string',
    'The name of the actor making the change, recorded in managedFields. At most 128 printable characters; required for apply patches.',
  ),
  fieldValidation: q(
    'fieldValidation',
    'string',
    'How the server treats unknown or duplicate fields in the request body: Ignore drops them silently, Warn drops them with a warning header (the default), Strict rejects the request.',
  ),
  force: q('force', 'boolean', 'Apply requests only: take ownership of fields that other managers own instead of failing with a conflict.'),
  gracePeriodSeconds: q('gracePeriodSeconds', 'integer', 'Seconds to wait before the object is deleted; zero deletes at once. Defaults per object.'),
  ignoreStoreReadError: q(
    'ignoreStoreReadErrorWithClusterBreakingPotential',
    'boolean',
    'Delete an object that cannot be read from storage, skipping finalizers and preconditions. Unsafe.',
  ),
  orphanDependents: q('orphanDependents', 'boolean', 'Deprecated: use propagationPolicy. Whether dependents are orphaned.'),
  propagationPolicy: q('propagationPolicy', 'string', 'How dependents are garbage collected: Orphan, Background or Foreground.'),
  allowWatchBookmarks: q('allowWatchBookmarks', 'boolean', 'Ask for BOOKMARK events on a watch; the server may send them at its discretion.'),
  continue: q('continue', 'string', 'The continue token from a previous paginated list, to fetch the next page.'),
  fieldSelector: q('fieldSelector', 'string', 'Restricts the returned objects by their fields. Defaults to everything.'),
  labelSelector: q('labelSelector', 'string', 'Restricts the returned objects by their labels. Defaults to everything.'),
  limit: q('limit', 'integer', 'The largest number of items to return; the list metadata then carries a continue token when more remain.'),
  resourceVersion: q('resourceVersion', 'string', 'Constrains which resource version the request may be served from.'),
  resourceVersionMatch: q('resourceVersionMatch', 'string', 'How resourceVersion applies to a list: Exact or NotOlderThan.'),
  sendInitialEvents: q('sendInitialEvents', 'boolean', 'With watch=true, start the stream with synthetic events for the current state, then a bookmark.'),
  timeoutSeconds: q('timeoutSeconds', 'integer', 'A time limit for the list or watch call.'),
  watch: q('watch', 'boolean', 'Watch for changes and stream them as added, modified and deleted events.'),
};
const namespaceParam: Param = { name: 'namespace', in: 'path', type: 'string', description: 'The namespace of the objects.', required: true };
const nameParam = (kind: string): Param => ({ name: 'name', in: 'path', type: 'string', description: `The name of the ${kind}.`, required: true });
const pathParam: Param = { name: 'path', in: 'path', type: 'string', description: 'The path to proxy to.', required: true };

const listParams = [
  params.allowWatchBookmarks,
  params.continue,
  params.fieldSelector,
  params.labelSelector,
  params.limit,
  params.resourceVersion,
  params.resourceVersionMatch,
  params.sendInitialEvents,
  params.timeoutSeconds,
  params.watch,
];
const writeParams = [params.dryRun, params.fieldManager, params.fieldValidation];
const patchParams = [params.dryRun, params.fieldManagerPatch, params.fieldValidation, params.force];
const deleteParams = [params.dryRun, params.gracePeriodSeconds, params.ignoreStoreReadError, params.orphanDependents, params.propagationPolicy];
const deleteCollectionParams = [
  params.continue,
  params.dryRun,
  params.fieldSelector,
  params.gracePeriodSeconds,
  params.ignoreStoreReadError,
  params.labelSelector,
  params.limit,
  params.orphanDependents,
  params.propagationPolicy,
  params.resourceVersion,
  params.resourceVersionMatch,
  params.sendInitialEvents,
  params.timeoutSeconds,
];

const ok = (body?: Body): Response => ({ code: '200', description: 'OK', ...(body ? { body } : {}) });
const created = (body: Body): Response => ({ code: '201', description: 'Created', body });
const accepted = (body: Body): Response => ({ code: '202', description: 'Accepted', body });
const unauthorized: Response = { code: '401', description: 'Unauthorized' };

/** `rbac.authorization.k8s.io` -> `RbacAuthorization`; the core group is `Core`. */
export function groupCamel(group: string): string {
  if (group === '') return 'Core';
  return group
    .replace(/\.k8s\.io$/, '')
    .split('.')
    .map(upperFirst)
    .join('');
}

/** The tag of a group's operations: `core`, `apps`, `rbacAuthorization`. */
export function groupTag(group: string): string {
  const camel = groupCamel(group);
  return camel[0]!.toLowerCase() + camel.slice(1);
}

const upperFirst = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** `/api/v1` or `/apis/apps/v1`. */
export const versionPrefix = (group: string, version: string) => (group === '' ? `/api/${version}` : `/apis/${group}/${version}`);

/** Types of kinds whose DELETE answers with the object (graceful or finalized deletion), not a Status. */
const deleteReturnsObject = new Set(['/Pod', '/Service', '/PersistentVolume', '/PersistentVolumeClaim']);

export interface PathsContext {
  /** The schema name of a kind's type, if the registry has it. */
  readonly typeOf: (gvk: GroupVersionKind) => string | undefined;
  /** Query parameters of a connect options kind (PodExecOptions: command, container, stdin...). */
  readonly optionParams: (gvk: GroupVersionKind) => readonly Param[];
}

/** The operations for one resource at one version, grouped by path. */
export function resourcePaths(resource: ResourceDef, version: string, ctx: PathsContext): PathItem[] {
  const { group, kind, plural, namespaced } = resource;
  const gv = groupCamel(group) + upperFirst(version);
  const tag = `${groupTag(group)}_${version}`;
  const prefix = versionPrefix(group, version);
  const gvk: GroupVersionKind = { group, version, kind };
  const objectType = ctx.typeOf(gvk);
  const verbs = new Set(resource.verbs);
  const listType = verbs.has('list') || verbs.has('watch') ? ctx.typeOf({ group, version, kind: `${kind}List` }) : undefined;
  const scope = namespaced ? 'Namespaced' : '';
  const base = namespaced ? `${prefix}/namespaces/{namespace}/${plural}` : `${prefix}/${plural}`;
  const scopeParams = namespaced ? [namespaceParam] : [];
  const items: PathItem[] = [];
  const item = (path: string): PathItem => {
    let found = items.find((p) => p.path === path);
    if (!found) items.push((found = { path, operations: [] }));
    return found;
  };
  const object: Body | undefined = objectType ? { type: objectType } : undefined;
  const list: Body | undefined = listType ? { type: listType } : undefined;
  const status: Body = { type: metaTypes.status };
  const op = (o: Omit<Operation, 'tag'>): Operation => ({ tag, ...o });

  // The collection: list (and watch), create, deletecollection.
  if (verbs.has('list') && list) {
    item(base).operations.push(
      op({
        method: 'get',
        operationId: `list${gv}${scope}${kind}`,
        description: `list or watch objects of kind ${kind}`,
        action: 'list',
        gvk,
        params: [...scopeParams, params.pretty, ...listParams],
        responses: [ok(list), unauthorized],
        produces: streamMedia,
      }),
    );
    if (namespaced) {
      item(`${prefix}/${plural}`).operations.push(
        op({
          method: 'get',
          operationId: `list${gv}${kind}ForAllNamespaces`,
          description: `list or watch objects of kind ${kind}`,
          action: 'list',
          gvk,
          params: [params.pretty, ...listParams],
          responses: [ok(list), unauthorized],
          produces: streamMedia,
        }),
      );
    }
  }
  if (verbs.has('create') && object) {
    item(base).operations.push(
      op({
        method: 'post',
        operationId: `create${gv}${scope}${kind}`,
        description: `create ${article(kind)} ${kind}`,
        action: 'post',
        gvk,
        params: [...scopeParams, params.pretty, ...writeParams],
        requestBody: { type: objectType!, required: true },
        responses: [ok(object), created(object), accepted(object), unauthorized],
        produces: objectMedia,
      }),
    );
  }
  if (verbs.has('deletecollection')) {
    item(base).operations.push(
      op({
        method: 'delete',
        operationId: `delete${gv}Collection${scope}${kind}`,
        description: `delete collection of ${kind}`,
        action: 'deletecollection',
        gvk,
        params: [...scopeParams, params.pretty, ...deleteCollectionParams],
        requestBody: { type: metaTypes.deleteOptions, required: false },
        responses: [ok(status), unauthorized],
        produces: objectMedia,
      }),
    );
  }

  // One object: get, update, patch, delete.
  const named = `${base}/{name}`;
  const namedParams = [nameParam(kind), ...scopeParams];
  if (verbs.has('get') && object) {
    item(named).operations.push(
      op({
        method: 'get',
        operationId: `read${gv}${scope}${kind}`,
        description: `read the specified ${kind}`,
        action: 'get',
        gvk,
        params: [...namedParams, params.pretty],
        responses: [ok(object), unauthorized],
        produces: objectMedia,
      }),
    );
  }
  if (verbs.has('update') && object) {
    item(named).operations.push(
      op({
        method: 'put',
        operationId: `replace${gv}${scope}${kind}`,
        description: `replace the specified ${kind}`,
        action: 'put',
        gvk,
        params: [...namedParams, params.pretty, ...writeParams],
        requestBody: { type: objectType!, required: true },
        responses: [ok(object), created(object), unauthorized],
        produces: objectMedia,
      }),
    );
  }
  if (verbs.has('patch') && object) {
    item(named).operations.push(
      op({
        method: 'patch',
        operationId: `patch${gv}${scope}${kind}`,
        description: `partially update the specified ${kind}`,
        action: 'patch',
        gvk,
        params: [...namedParams, params.pretty, ...patchParams],
        requestBody: { type: metaTypes.patch, required: true, patch: true },
        responses: [ok(object), created(object), unauthorized],
        produces: objectMedia,
      }),
    );
  }
  if (verbs.has('delete')) {
    const deleted: Body = deleteReturnsObject.has(`${group}/${kind}`) && object ? object : status;
    item(named).operations.push(
      op({
        method: 'delete',
        operationId: `delete${gv}${scope}${kind}`,
        description: `delete ${article(kind)} ${kind}`,
        action: 'delete',
        gvk,
        params: [...namedParams, params.pretty, ...deleteParams],
        requestBody: { type: metaTypes.deleteOptions, required: false },
        responses: [ok(deleted), accepted(deleted), unauthorized],
        produces: objectMedia,
      }),
    );
  }

  // The deprecated /watch/ paths.
  if (verbs.has('watch')) {
    const watchPrefix = `${prefix}/watch`;
    const watchBase = namespaced ? `${watchPrefix}/namespaces/{namespace}/${plural}` : `${watchPrefix}/${plural}`;
    const event: Body = { type: metaTypes.watchEvent };
    const watchOp = (operationId: string, description: string, action: string, extra: readonly Param[]) =>
      op({ method: 'get', operationId, description, action, gvk, params: [...extra, params.pretty, ...listParams], responses: [ok(event), unauthorized], produces: streamMedia });
    item(watchBase).operations.push(
      watchOp(`watch${gv}${scope}${kind}List`, `watch individual changes to a list of ${kind}. deprecated: use the 'watch' parameter with a list operation instead.`, 'watchlist', scopeParams),
    );
    item(`${watchBase}/{name}`).operations.push(
      watchOp(
        `watch${gv}${scope}${kind}`,
        `watch changes to an object of kind ${kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`,
        'watch',
        namedParams,
      ),
    );
    if (namespaced) {
      item(`${watchPrefix}/${plural}`).operations.push(
        watchOp(`watch${gv}${kind}ListForAllNamespaces`, `watch individual changes to a list of ${kind}. deprecated: use the 'watch' parameter with a list operation instead.`, 'watchlist', []),
      );
    }
  }

  for (const sub of resource.subresources) subresourcePaths(item, op, sub, { resource, version, gv, scope, named, namedParams, ctx });
  return items;
}

interface SubContext {
  readonly resource: ResourceDef;
  readonly version: string;
  readonly gv: string;
  readonly scope: string;
  readonly named: string;
  readonly namedParams: readonly Param[];
  readonly ctx: PathsContext;
}

const connectMethods: Record<string, readonly Method[]> = {
  proxy: ['delete', 'get', 'head', 'options', 'patch', 'post', 'put'],
};

function subresourcePaths(item: (path: string) => PathItem, op: (o: Omit<Operation, 'tag'>) => Operation, sub: SubresourceDef, c: SubContext): void {
  const { resource, gv, scope, ctx } = c;
  const parentKind = resource.kind;
  const gvk: GroupVersionKind = { group: sub.group ?? resource.group, version: sub.version ?? c.version, kind: sub.kind };
  const Sub = upperFirst(sub.name);
  const path = `${c.named}/${sub.name}`;
  const verbs = new Set(sub.verbs);
  const subNameParams = [{ ...c.namedParams[0]!, description: `The name of the ${sub.kind}.` }, ...c.namedParams.slice(1)];

  if (sub.name === 'log') {
    const logGvk: GroupVersionKind = { group: resource.group, version: c.version, kind: parentKind };
    item(path).operations.push(
      op({
        method: 'get',
        operationId: `read${gv}${scope}${parentKind}Log`,
        description: `read log of the specified ${parentKind}`,
        action: 'get',
        gvk: logGvk,
        params: [...subNameParams, params.pretty, ...ctx.optionParams({ group: resource.group, version: c.version, kind: `${parentKind}LogOptions` })],
        responses: [ok({ string: true }), unauthorized],
        produces: ['text/plain', 'application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'],
      }),
    );
    return;
  }

  if (sub.kind.endsWith('Options')) {
    // A connect subresource (exec, attach, portforward, proxy): a stream, not an object.
    const methods = connectMethods[sub.name] ?? (['get', 'post'] as const).filter((m) => verbs.has(m === 'get' ? 'get' : 'create'));
    const optionParams = ctx.optionParams(gvk);
    const variants: Array<{ path: string; suffix: string; params: readonly Param[] }> = [{ path, suffix: '', params: [...subNameParams, ...optionParams] }];
    if (sub.name === 'proxy') {
      variants.push({ path: `${path}/{path}`, suffix: 'WithPath', params: [...subNameParams, pathParam, ...optionParams.filter((p) => p.name !== 'path')] });
    }
    for (const variant of variants) {
      for (const method of methods) {
        const Method = upperFirst(method);
        item(variant.path).operations.push(
          op({
            method,
            operationId: `connect${gv}${Method}${scope}${parentKind}${Sub}${variant.suffix}`,
            description: `connect ${method.toUpperCase()} requests to ${sub.name} of ${parentKind}`,
            action: 'connect',
            gvk,
            params: variant.params,
            responses: [ok({ string: true }), unauthorized],
            produces: ['*/*'],
          }),
        );
      }
    }
    return;
  }

  const subType = ctx.typeOf(gvk);
  if (!subType) return;
  const body: Body = { type: subType };
  if (verbs.has('create') && !verbs.has('get')) {
    // binding, eviction, token: a POST of another kind against the object.
    item(path).operations.push(
      op({
        method: 'post',
        operationId: `create${gv}${scope}${parentKind}${Sub}`,
        description: `create ${sub.name} of ${article(parentKind)} ${parentKind}`,
        action: 'post',
        gvk,
        params: [...subNameParams, params.pretty, ...writeParams],
        requestBody: { type: subType, required: true },
        responses: [ok(body), created(body), accepted(body), unauthorized],
        produces: objectMedia,
      }),
    );
    return;
  }
  if (verbs.has('get')) {
    item(path).operations.push(
      op({
        method: 'get',
        operationId: `read${gv}${scope}${parentKind}${Sub}`,
        description: `read ${sub.name} of the specified ${parentKind}`,
        action: 'get',
        gvk,
        params: [...subNameParams, params.pretty],
        responses: [ok(body), unauthorized],
        produces: objectMedia,
      }),
    );
  }
  if (verbs.has('update')) {
    item(path).operations.push(
      op({
        method: 'put',
        operationId: `replace${gv}${scope}${parentKind}${Sub}`,
        description: `replace ${sub.name} of the specified ${parentKind}`,
        action: 'put',
        gvk,
        params: [...subNameParams, params.pretty, ...writeParams],
        requestBody: { type: subType, required: true },
        responses: [ok(body), created(body), unauthorized],
        produces: objectMedia,
      }),
    );
  }
  if (verbs.has('patch')) {
    item(path).operations.push(
      op({
        method: 'patch',
        operationId: `patch${gv}${scope}${parentKind}${Sub}`,
        description: `partially update ${sub.name} of the specified ${parentKind}`,
        action: 'patch',
        gvk,
        params: [...subNameParams, params.pretty, ...patchParams],
        requestBody: { type: metaTypes.patch, required: true, patch: true },
        responses: [ok(body), created(body), unauthorized],
        produces: objectMedia,
      }),
    );
  }
}

const article = (kind: string) => (/^[AEIOU]/.test(kind) ? 'an' : 'a');

/** `GET /api/v1/` or `/apis/apps/v1/`: the version's APIResourceList. */
export function resourceListPath(group: string, version: string): PathItem {
  return {
    path: `${versionPrefix(group, version)}/`,
    operations: [
      {
        method: 'get',
        operationId: `get${groupCamel(group)}${upperFirst(version)}APIResources`,
        description: 'get available resources',
        tag: `${groupTag(group)}_${version}`,
        params: [],
        responses: [ok({ type: metaTypes.apiResourceList }), unauthorized],
        produces: objectMedia,
      },
    ],
  };
}

/** `GET /apis/apps/`: the group's APIGroup. */
export function groupPath(group: string): PathItem {
  return {
    path: `/apis/${group}/`,
    operations: [
      {
        method: 'get',
        operationId: `get${groupCamel(group)}APIGroup`,
        description: 'get information of a group',
        tag: groupTag(group),
        params: [],
        responses: [ok({ type: metaTypes.apiGroup }), unauthorized],
        produces: objectMedia,
      },
    ],
  };
}

/** `GET /api/`: APIVersions. */
export function coreVersionsPath(): PathItem {
  return {
    path: '/api/',
    operations: [
      {
        method: 'get',
        operationId: 'getCoreAPIVersions',
        description: 'get available API versions',
        tag: 'core',
        params: [],
        responses: [ok({ type: metaTypes.apiVersions }), unauthorized],
        produces: objectMedia,
      },
    ],
  };
}

/** `GET /apis/`: APIGroupList. */
export function groupListPath(): PathItem {
  return {
    path: '/apis/',
    operations: [
      {
        method: 'get',
        operationId: 'getAPIVersions',
        description: 'get available API versions',
        tag: 'apis',
        params: [],
        responses: [ok({ type: metaTypes.apiGroupList }), unauthorized],
        produces: objectMedia,
      },
    ],
  };
}

/** `GET /version/`: version.Info. */
export function versionPath(): PathItem {
  return {
    path: '/version/',
    operations: [
      {
        method: 'get',
        operationId: 'getCodeVersion',
        description: 'get the version information for this server',
        tag: 'version',
        params: [],
        responses: [ok({ type: metaTypes.versionInfo }), unauthorized],
        produces: ['application/json'],
      },
    ],
  };
}
