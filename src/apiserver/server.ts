// The API server: HTTPS (HTTP/2 and HTTP/1.1 on one port), authentication, routing to
// discovery, OpenAPI, health, metrics and the resource handlers.
import { createSecureServer, type Http2SecureServer, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { realClock, type Clock } from '../apimachinery/clock.ts';
import { resources } from '../api/resources.ts';
import { openapiV2ProtobufContentType, openapiV2ProtobufMediaType, servedOpenAPIV2, servedOpenAPIV2Protobuf, servedOpenAPIV3, type ServedDocument } from '../api/openapi.ts';
import type { Store } from '../storage/store.ts';
import { gitVersion, kubernetesVersion } from '../version.ts';
import { createAuthenticator, isPublicPath, type UserInfo } from './authn/authenticate.ts';
import { createLoopbackAuthenticator } from './authn/loopback.ts';
import type { TokenFile } from './authn/token-file.ts';
import { aggregatedDiscovery, aggregatedDiscoveryType, apiGroupDocument, apiGroupList, apiResourceList, apiVersions, wantsAggregated } from './discovery.ts';
import { installProtobufDecoding } from './codec.ts';
import { LoopbackTransport, type LoopbackExchange, type LoopbackListener, type LoopbackRequest } from './loopback-transport.ts';
import { handleResource, registryKey, type HandlerContext } from './handlers/resource-handler.ts';
import { handleVirtual, isVirtualResource } from './handlers/virtual-resources.ts';
import { asResponse, sendError, sendJson, sendText, type Request, type Response } from './http.ts';
import { ApiMetrics } from './metrics.ts';
import { GenericRegistry } from './registry/generic-registry.ts';
import { ServiceAllocator } from './registry/service-allocator.ts';
import { strategyFor, type StrategyDeps } from './registry/strategies.ts';
import { systemPriorityClasses, type PodAdmissionOptions } from './admission/pod-admission.ts';
import { parseRequestInfo } from './request-info.ts';
import { errors } from './status.ts';
import { WatchCache } from './watch-cache.ts';

export interface ApiServerOptions {
  readonly store: Store;
  readonly tls: { readonly caPem: string; readonly certPem: string; readonly keyPem: string };
  readonly tokens?: TokenFile;
  readonly bindAddress?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly clock?: Clock;
  /** Events kept per resource for watches that resume (default 2000). */
  readonly watchCacheCapacity?: number;
  /** Bookmark period for watches that allow them (default 60 s, as upstream). */
  readonly bookmarkIntervalMs?: number;
  /** History older than this is compacted away (default 5 minutes, as upstream); 0 keeps it all. */
  readonly compactionIntervalMs?: number;
  /** Seconds every new pod tolerates the not-ready / unreachable NoExecute taints (upstream's --default-*-toleration-seconds, 300). */
  readonly defaultNotReadyTolerationSeconds?: number;
  readonly defaultUnreachableTolerationSeconds?: number;
}

/** The namespaces every cluster starts with. */
const initialNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class ApiServer {
  private readonly server: Http2SecureServer;
  private readonly watchCache: WatchCache;
  private readonly context: HandlerContext;
  private readonly metrics = new ApiMetrics();
  private readonly authenticator;
  private readonly tokens: TokenFile | undefined;
  private readonly serviceAllocator: ServiceAllocator;
  private stopping = false;
  private signalStop: () => void = () => {};
  private inFlight = 0;
  private drained: (() => void) | undefined;
  private address = '';

  private constructor(options: ApiServerOptions, watchCache: WatchCache, registries: Map<string, GenericRegistry>, clock: Clock, serviceAllocator: ServiceAllocator) {
    this.watchCache = watchCache;
    this.serviceAllocator = serviceAllocator;
    const stopping = new Promise<void>((resolve) => (this.signalStop = resolve));
    this.context = { registries, clock, stopping, bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000 };
    this.authenticator = createAuthenticator(options.tokens);
    this.tokens = options.tokens;
    this.server = createSecureServer({
      allowHTTP1: true,
      cert: options.tls.certPem,
      key: options.tls.keyPem,
      ca: options.tls.caPem,
      requestCert: true,
      rejectUnauthorized: false,
    });
    this.server.on('request', (req, res) => void this.handle(req, asResponse(res)));
  }

  // --- Loopback: the server's own control loops, in memory (authn/loopback.ts) ---
  private readonly loopbackAuthenticator = createLoopbackAuthenticator();
  private readonly loopbackTransport = new LoopbackTransport((req, res) => void this.handle(req, res, true));

  /**
   * How this process's own clients reach the API without a socket: `connect` (a client's
   * `transport`) hands each request to handle() in memory, authenticated by a per-process
   * token accepted only there. Requests still take the whole path (authentication,
   * admission, validation, registry). `openExchanges` counts those not yet answered in full.
   */
  loopback(): { readonly token: string; readonly connect: (request: LoopbackRequest, listener: LoopbackListener) => LoopbackExchange; readonly openExchanges: number } {
    const transport = this.loopbackTransport;
    return {
      token: this.loopbackAuthenticator.token,
      connect: transport.connect,
      get openExchanges() {
        return transport.openExchanges;
      },
    };
  }

  static async start(options: ApiServerOptions): Promise<ApiServer> {
    const clock = options.clock ?? realClock;
    installProtobufDecoding();
    const prefixes = [...new Set(resources.map((r) => GenericRegistry.prefixOf(r)))];
    const watchCache = new WatchCache(options.store, prefixes, { capacity: options.watchCacheCapacity ?? 2000 });
    await watchCache.start();
    const registries = new Map<string, GenericRegistry>();
    const serviceAllocator = new ServiceAllocator(options.store);
    const priorityClasses = () => registries.get(registryKey('scheduling.k8s.io', 'priorityclasses'))!;
    const podAdmission: PodAdmissionOptions = {
      notReadyTolerationSeconds: options.defaultNotReadyTolerationSeconds ?? 300,
      unreachableTolerationSeconds: options.defaultUnreachableTolerationSeconds ?? 300,
      // From the watch cache as it stands, like upstream's informer-backed lister.
      getPriorityClass: (name) => priorityClasses().get('', name, '0').catch(() => undefined),
      listPriorityClasses: async () => (await priorityClasses().list('', { resourceVersion: '0' })).items,
    };
    const coreRegistry = (plural: string) => registries.get(registryKey('', plural))!;
    const quotaAdmission: StrategyDeps['quotaAdmission'] = {
      listQuotas: async (namespace) => (await coreRegistry('resourcequotas').list(namespace, { resourceVersion: '0' })).items,
      updateQuotaStatus: async (namespace, name, update) => void (await coreRegistry('resourcequotas').update(namespace, name, (current) => update(current!), { subresource: 'status' })),
      listLimitRanges: async (namespace) => (await coreRegistry('limitranges').list(namespace, { resourceVersion: '0' })).items,
      now: () => clock.now(),
    };
    for (const def of resources) {
      if (isVirtualResource({ group: def.group, resource: def.plural }) || def.plural === 'bindings') continue;
      registries.set(registryKey(def.group, def.plural), new GenericRegistry(def, strategyFor(def, { serviceAllocator, podAdmission, quotaAdmission }), options.store, watchCache, clock));
    }
    const server = new ApiServer(options, watchCache, registries, clock, serviceAllocator);
    await server.bootstrap();
    server.startCompaction(options.store, options.compactionIntervalMs ?? 5 * 60_000);
    await server.listen(options.bindAddress ?? '127.0.0.1', options.port ?? 6443);
    return server;
  }

  /** `https://host:port` the server listens on. */
  get url(): string {
    return this.address;
  }

  private async listen(host: string, port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    this.address = `https://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  }

  /** Creates what every cluster has from the start, if missing. */
  private async bootstrap(): Promise<void> {
    const ignoreExisting = (error: { code?: number }) => {
      if (error.code !== 409) throw error;
    };
    const namespaces = this.context.registries.get(registryKey('', 'namespaces'))!;
    for (const name of initialNamespaces) {
      await namespaces.create('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }).catch(ignoreExisting);
    }
    // The `kubernetes` Service, at the first address of the service range, as upstream.
    const services = this.context.registries.get(registryKey('', 'services'))!;
    await services
      .create('default', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
        spec: {
          type: 'ClusterIP',
          clusterIP: this.serviceAllocator.kubernetesServiceIP,
          sessionAffinity: 'None',
          ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        },
      })
      .catch(ignoreExisting);
    const priorityClasses = this.context.registries.get(registryKey('scheduling.k8s.io', 'priorityclasses'))!;
    for (const pc of systemPriorityClasses) {
      await priorityClasses
        .create('', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: pc.name }, value: pc.value, description: pc.description, preemptionPolicy: 'PreemptLowerPriority' })
        .catch(ignoreExisting);
    }
  }

  /**
   * Every interval, compacts the store up to the revision seen one interval earlier, so
   * history (and continue tokens) stay valid for at least that long, as upstream.
   */
  private startCompaction(store: Store, intervalMs: number): void {
    if (intervalMs <= 0) return;
    let previous = 0;
    this.compactionTimer = setInterval(() => {
      void (async () => {
        const current = await store.currentRevision();
        if (previous > 0) await store.compact(previous).catch(() => undefined);
        previous = current;
      })();
    }, intervalMs);
    this.compactionTimer.unref();
  }

  private compactionTimer: NodeJS.Timeout | undefined;

  /** Ends every watch on a resource with 410 Expired, as a watch cache re-initialization does. */
  expireWatches(group: string, resource: string): void {
    const registry = this.context.registries.get(registryKey(group, resource));
    if (!registry) throw new Error(`no resource ${resource} in group "${group}"`);
    this.watchCache.expire(GenericRegistry.prefixOf(registry.def));
  }

  /** Stops taking requests, ends watches, waits for in-flight requests, then closes. */
  async close(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.signalStop();
    clearInterval(this.compactionTimer);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    this.watchCache.close();
    // HTTP/2 sessions stay open after their streams end; close them so close() completes.
    // The loopback likewise takes requests until now.
    for (const session of this.sessions) session.close();
    this.loopbackTransport.close();
    await closed;
  }

  private readonly sessions = new Set<ServerHttp2Session>();

  private async handle(req: Request, res: Response, loopback = false): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'https://localhost');
    const info = parseRequestInfo(req.method ?? 'GET', url.pathname, url.searchParams);
    const isWatch = info.kind === 'resource' && info.verb === 'watch';
    if ('stream' in req) this.sessions.add(req.stream.session as ServerHttp2Session);
    if (!isWatch) this.inFlight++;
    try {
      const user = loopback ? this.loopbackAuthenticator.authenticate(req) : this.authenticator.authenticate(req);
      if (!user || (user.groups.includes('system:unauthenticated') && !isPublicPath(url.pathname))) throw errors.unauthorized();
      await this.route(req, res, url, info, user);
    } catch (error) {
      sendError(res, error);
    } finally {
      if (!isWatch && --this.inFlight === 0) this.drained?.();
      const labels =
        info.kind === 'resource'
          ? { verb: info.verb.toUpperCase(), group: info.group, version: info.version, resource: info.resource, subresource: info.subresource }
          : { verb: req.method ?? '', group: '', version: '', resource: '', subresource: '' };
      this.metrics.observe(labels, res.statusCode, (performance.now() - started) / 1000);
    }
  }

  private async route(req: Request, res: Response, url: URL, info: ReturnType<typeof parseRequestInfo>, user: UserInfo): Promise<void> {
    const path = url.pathname;
    if (info.kind === 'resource') {
      if (isVirtualResource(info)) {
        return handleVirtual({ user, lookupToken: (token) => this.lookupToken(token), now: () => this.context.clock.now() }, info, req, res);
      }
      return handleResource(this.context, info, req, res, url.searchParams);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw errors.methodNotSupported({ group: '', resource: path }, req.method ?? '');
    if (info.kind === 'discovery') return this.discovery(req, res, info);
    switch (path) {
      case '/':
        return sendJson(res, 200, { paths: rootPaths() });
      case '/version':
        return sendJson(res, 200, versionInfo());
      case '/healthz':
      case '/livez':
      case '/readyz':
        return this.health(res, path, url.searchParams.has('verbose'));
      case '/metrics': {
        const { text, contentType } = await this.metrics.render();
        return sendText(res, 200, text, contentType);
      }
      case '/openapi/v2': {
        // kubectl 1.27 and 1.28 ask for the protobuf form only.
        const protobuf = String(req.headers.accept ?? '').includes(openapiV2ProtobufMediaType);
        return sendDocument(req, res, protobuf ? servedOpenAPIV2Protobuf() : servedOpenAPIV2(), protobuf ? openapiV2ProtobufContentType : 'application/json');
      }
      case '/openapi/v3':
        return sendDocument(req, res, servedOpenAPIV3('')!, 'application/json');
    }
    if (path.startsWith('/openapi/v3/')) {
      const document = servedOpenAPIV3(path.slice('/openapi/v3/'.length));
      if (document) return sendDocument(req, res, document, 'application/json');
    }
    if (/^\/(healthz|livez|readyz)\/./.test(path)) return this.health(res, path, false);
    throw errors.pathNotFound();
  }

  private lookupToken(token: string): UserInfo | undefined {
    const user = this.tokens?.lookup(token);
    return user && { name: user.name, uid: user.uid, groups: [...user.groups, 'system:authenticated'] };
  }

  private discovery(req: Request, res: Response, info: { prefix: 'api' | 'apis'; group: string; version: string }): void {
    const { prefix, group, version } = info;
    if (prefix === 'api' && !version) {
      if (wantsAggregated(req.headers.accept)) return sendJson(res, 200, aggregatedDiscovery('api'), aggregatedDiscoveryType);
      return sendJson(res, 200, apiVersions(this.address.replace(/^https:\/\//, '')));
    }
    if (prefix === 'apis' && !group) {
      if (wantsAggregated(req.headers.accept)) return sendJson(res, 200, aggregatedDiscovery('apis'), aggregatedDiscoveryType);
      return sendJson(res, 200, apiGroupList());
    }
    const document = version ? apiResourceList(prefix === 'api' ? '' : group, version) : apiGroupDocument(group);
    if (!document || (prefix === 'api' && group)) throw errors.pathNotFound();
    sendJson(res, 200, document);
  }

  private health(res: Response, path: string, verbose: boolean): void {
    const name = path.split('/')[1]!;
    const checks: Array<[string, boolean]> = [
      ['ping', true],
      ['log', true],
      ['etcd', true],
    ];
    if (name === 'readyz') {
      checks.push(['informer-sync', true], ['shutdown', !this.stopping]);
    }
    const only = path.split('/')[2];
    const selected = only ? checks.filter(([check]) => check === only) : checks;
    if (only && selected.length === 0) throw errors.pathNotFound();
    const healthy = selected.every(([, ok]) => ok);
    if (!verbose && !only) return sendText(res, healthy ? 200 : 500, healthy ? 'ok' : `[-]shutdown failed: reason withheld\n${name} check failed\n`);
    const lines = selected.map(([check, ok]) => (ok ? `[+]${check} ok` : `[-]${check} failed: reason withheld`));
    if (!only) lines.push(healthy ? `${name} check passed` : `${name} check failed`);
    sendText(res, healthy ? 200 : 500, only ? (healthy ? 'ok' : lines.join('\n')) : `${lines.join('\n')}\n`);
  }
}

/** An OpenAPI document, with its ETag so clients can revalidate their caches. */
function sendDocument(req: Request, res: Response, document: ServedDocument, contentType: string): void {
  if (req.headers['if-none-match'] === document.etag) {
    res.writeHead(304, { etag: document.etag });
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': contentType, etag: document.etag, 'cache-control': 'no-cache, private' });
  res.end(document.body);
}

function versionInfo(): object {
  return {
    major: kubernetesVersion.major,
    minor: kubernetesVersion.minor,
    emulationMajor: kubernetesVersion.major,
    emulationMinor: kubernetesVersion.minor,
    minCompatibilityMajor: kubernetesVersion.major,
    minCompatibilityMinor: String(Number(kubernetesVersion.minor) - 1),
    gitVersion,
    gitCommit: '',
    gitTreeState: 'clean',
    buildDate: '1970-01-01T00:00:00Z',
    goVersion: `node${process.versions.node}`,
    compiler: 'node',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}

/** `GET /`: every path the server serves, sorted, as upstream lists them. */
function rootPaths(): string[] {
  const paths = new Set(['/api', '/api/v1', '/apis', '/healthz', '/livez', '/metrics', '/openapi/v2', '/openapi/v3', '/openapi/v3/', '/readyz', '/version']);
  for (const def of resources) {
    if (!def.group) continue;
    paths.add(`/apis/${def.group}`);
    for (const version of def.versions) paths.add(`/apis/${def.group}/${version}`);
  }
  for (const check of ['ping', 'log', 'etcd']) {
    paths.add(`/healthz/${check}`);
    paths.add(`/livez/${check}`);
    paths.add(`/readyz/${check}`);
  }
  return [...paths].sort();
}
