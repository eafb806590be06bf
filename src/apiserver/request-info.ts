/**
 * What a request addresses, parsed from its method and path as upstream's RequestInfo:
 * `/api/v1/namespaces/default/pods/web/log` -> group '', version v1, namespace default,
 * resource pods, name web, subresource log, verb get.
 */
export interface ResourceRequest {
  readonly kind: 'resource';
  readonly verb: string;
  readonly group: string;
  readonly version: string;
  readonly namespace: string;
  readonly resource: string;
  readonly name: string;
  readonly subresource: string;
}

export interface DiscoveryRequest {
  readonly kind: 'discovery';
  /** `api`, `apis`, or a group (`apps`); with `version` set it is a version's resource list. */
  readonly prefix: 'api' | 'apis';
  readonly group: string;
  readonly version: string;
}

export interface OtherRequest {
  readonly kind: 'other';
  readonly path: string;
}

export type RequestInfo = ResourceRequest | DiscoveryRequest | OtherRequest;

const verbs: Record<string, [single: string, collection: string]> = {
  GET: ['get', 'list'],
  HEAD: ['get', 'list'],
  POST: ['create', 'create'],
  PUT: ['update', 'update'],
  PATCH: ['patch', 'patch'],
  DELETE: ['delete', 'deletecollection'],
};

const namespaceSubresources = new Set(['status', 'finalize']);

export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const prefix = parts[0];
  if (prefix !== 'api' && prefix !== 'apis') return { kind: 'other', path };
  let rest: string[];
  let group = '';
  if (prefix === 'api') {
    if (parts.length <= 2) return { kind: 'discovery', prefix, group: '', version: parts[1] ?? '' };
    rest = parts.slice(1);
  } else {
    if (parts.length <= 3) return { kind: 'discovery', prefix, group: parts[1] ?? '', version: parts[2] ?? '' };
    group = parts[1]!;
    rest = parts.slice(2);
  }
  const version = rest[0]!;
  let segments = rest.slice(1);
  let watch = query.get('watch') === 'true' || query.get('watch') === '1';
  // The deprecated /watch/ path prefix means the same as ?watch=true.
  if (segments[0] === 'watch') {
    watch = true;
    segments = segments.slice(1);
  }
  let namespace = '';
  // namespaces/{ns}/{resource}...; but namespaces/{name}[/status|/finalize] is the namespace itself.
  if (segments[0] === 'namespaces' && segments.length >= 2) {
    namespace = segments[1]!;
    if (segments.length >= 3 && !namespaceSubresources.has(segments[2]!)) segments = segments.slice(2);
  }
  const [resource = '', name = '', subresource = '', ...extra] = segments;
  const pair = verbs[method] ?? [method.toLowerCase(), method.toLowerCase()];
  let verb = name ? pair[0] : pair[1];
  if (watch && (verb === 'get' || verb === 'list')) verb = 'watch';
  // Subresource paths like pods/x/proxy/some/path keep the remainder in the subresource.
  const sub = extra.length > 0 ? [subresource, ...extra].join('/') : subresource;
  return { kind: 'resource', verb, group, version, namespace, resource, name, subresource: sub };
}
