// Resources that are computed, not stored: access reviews (`kubectl auth can-i`), the
// caller's identity (`kubectl auth whoami`), token reviews and component statuses.
import type { UserInfo } from '../authn/authenticate.ts';
import { decodeBody, expectObject } from '../decode.ts';
import { buildTable, tableFor } from '../../api/tables/index.ts';
import { mediaType, readBody, sendJson, tableContentType, wantsTable, type Request, type Response } from '../http.ts';
import type { ResourceRequest } from '../request-info.ts';
import { errors } from '../status.ts';

export interface VirtualContext {
  readonly user: UserInfo;
  /** Looks a bearer token up, for TokenReview. */
  readonly lookupToken: (token: string) => UserInfo | undefined;
  readonly now: () => number;
}

const reviewKinds: Record<string, { group: string; kind: string }> = {
  selfsubjectaccessreviews: { group: 'authorization.k8s.io', kind: 'SelfSubjectAccessReview' },
  subjectaccessreviews: { group: 'authorization.k8s.io', kind: 'SubjectAccessReview' },
  localsubjectaccessreviews: { group: 'authorization.k8s.io', kind: 'LocalSubjectAccessReview' },
  selfsubjectrulesreviews: { group: 'authorization.k8s.io', kind: 'SelfSubjectRulesReview' },
  selfsubjectreviews: { group: 'authentication.k8s.io', kind: 'SelfSubjectReview' },
  tokenreviews: { group: 'authentication.k8s.io', kind: 'TokenReview' },
};

export function isVirtualResource(info: Pick<ResourceRequest, 'group' | 'resource'>): boolean {
  return (info.group === '' && info.resource === 'componentstatuses') || reviewKinds[info.resource]?.group === info.group;
}

export async function handleVirtual(ctx: VirtualContext, info: ResourceRequest, req: Request, res: Response): Promise<void> {
  if (info.resource === 'componentstatuses') return componentStatuses(ctx, info, req, res);
  const review = reviewKinds[info.resource]!;
  if (info.verb !== 'create') throw errors.methodNotSupported({ group: review.group, resource: info.resource }, info.verb);
  const apiVersion = `${review.group}/${info.version}`;
  const object = expectObject(decodeBody(await readBody(req), mediaType(req)), { apiVersion, kind: review.kind });
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  let status: object;
  switch (info.resource) {
    case 'selfsubjectreviews':
      status = { userInfo: { username: ctx.user.name, ...(ctx.user.uid ? { uid: ctx.user.uid } : {}), groups: ctx.user.groups } };
      break;
    case 'tokenreviews': {
      const user = ctx.lookupToken(String(spec.token ?? ''));
      status = user ? { authenticated: true, user: { username: user.name, uid: user.uid ?? '', groups: user.groups } } : { authenticated: false, user: {} };
      break;
    }
    case 'selfsubjectrulesreviews':
      // Until RBAC lands every authenticated user may do everything.
      status = {
        resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
        nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
        incomplete: false,
      };
      break;
    default:
      status = { allowed: true, reason: 'kubets allows every authenticated user until RBAC is enabled' };
  }
  const metadata = { ...object.metadata, creationTimestamp: null };
  sendJson(res, 201, { kind: review.kind, apiVersion, metadata, spec: object.spec ?? {}, status });
}

/** The control plane's components, healthy while this process serves. */
function componentStatuses(ctx: VirtualContext, info: ResourceRequest, req: Request, res: Response): void {
  const item = (name: string) => ({
    kind: 'ComponentStatus',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: null },
    conditions: [{ type: 'Healthy', status: 'True', message: 'ok', error: '' }],
  });
  const names = ['scheduler', 'controller-manager', 'etcd-0'];
  if (info.verb !== 'get' && info.verb !== 'list') throw errors.methodNotSupported({ group: '', resource: 'componentstatuses' }, info.verb);
  if (info.verb === 'get' && !names.includes(info.name)) throw errors.notFound({ group: '', resource: 'componentstatuses' }, info.name);
  const items = (info.verb === 'get' ? [info.name] : names).map(item);
  if (wantsTable(req)) {
    return sendJson(res, 200, buildTable(tableFor('', 'componentstatuses'), items, { now: ctx.now(), includeObject: 'Metadata' }), tableContentType);
  }
  if (info.verb === 'get') return sendJson(res, 200, items[0]);
  sendJson(res, 200, { kind: 'ComponentStatusList', apiVersion: 'v1', metadata: {}, items });
}
