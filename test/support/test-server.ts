// Starts a real kubets API server in this process on a free port, with its own data
// dir, certificates and kubeconfig, for tests that drive it with kubectl and clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControlPlane, type ControlPlaneOptions } from '../../src/cli/control-plane.ts';
import { writeAdminKubeconfig } from '../../src/apiserver/certs/kubeconfig.ts';
import { certificatesDir, ensureCertificates, type ClusterCertificates } from '../../src/apiserver/certs/pki.ts';
import { ApiServer, type ApiServerOptions } from '../../src/apiserver/server.ts';
import { openEtcdStore } from '../../src/storage/etcd/etcd-store.ts';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';
import type { Store } from '../../src/storage/store.ts';
import { startEtcd, type EtcdServer } from './etcd-server.ts';
import { Kubectl, type KubectlVersion } from './kubectl.ts';

export interface TestServer {
  readonly url: string;
  readonly dataDir: string;
  readonly kubeconfig: string;
  readonly certs: ClusterCertificates;
  readonly server: ApiServer;
  readonly kubectl: Kubectl;
  close(): Promise<void>;
}

/** The backends e2e suites run on: both unless KUBETS_E2E_BACKENDS names some (e.g. sqlite). */
export const e2eBackends = (process.env.KUBETS_E2E_BACKENDS ?? 'sqlite,etcd').split(',') as Array<'sqlite' | 'etcd'>;

export interface TestServerOptions
  extends Partial<Pick<ApiServerOptions, 'watchCacheCapacity' | 'bookmarkIntervalMs' | 'compactionIntervalMs' | 'tokens' | 'defaultNotReadyTolerationSeconds' | 'defaultUnreachableTolerationSeconds'>> {
  readonly backend?: 'sqlite' | 'etcd';
  readonly kubectlVersion?: KubectlVersion;
  /** Run the controllers and scheduler too, as `kubets server` does (with these options). */
  readonly controlPlane?: Omit<ControlPlaneOptions, 'client'>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kubets-test-server-'));
  const certs = await ensureCertificates({ dir: certificatesDir(dataDir) });
  let etcd: EtcdServer | undefined;
  let store: Store;
  if (options.backend === 'etcd') {
    etcd = await startEtcd({ dataDirParent: dataDir });
    store = await openEtcdStore({ endpoints: [etcd.endpoint] });
  } else {
    store = await openSqliteStore({ path: join(dataDir, 'db', 'state.db') });
  }
  const server = await ApiServer.start({
    store,
    tls: { caPem: certs.ca.certPem, certPem: certs.serving.certPem, keyPem: certs.serving.keyPem },
    port: 0,
    ...(options.watchCacheCapacity ? { watchCacheCapacity: options.watchCacheCapacity } : {}),
    ...(options.bookmarkIntervalMs ? { bookmarkIntervalMs: options.bookmarkIntervalMs } : {}),
    ...(options.compactionIntervalMs !== undefined ? { compactionIntervalMs: options.compactionIntervalMs } : {}),
    ...(options.tokens ? { tokens: options.tokens } : {}),
    ...(options.defaultNotReadyTolerationSeconds !== undefined ? { defaultNotReadyTolerationSeconds: options.defaultNotReadyTolerationSeconds } : {}),
    ...(options.defaultUnreachableTolerationSeconds !== undefined ? { defaultUnreachableTolerationSeconds: options.defaultUnreachableTolerationSeconds } : {}),
  });
  const kubeconfig = await writeAdminKubeconfig(dataDir, certs, server.url);
  const controlPlane = options.controlPlane
    ? ControlPlane.start({ ...options.controlPlane, client: { server: server.url, token: server.loopback().token, transport: server.loopback().connect } })
    : undefined;
  return {
    url: server.url,
    dataDir,
    kubeconfig,
    certs,
    server,
    kubectl: new Kubectl(kubeconfig, options.kubectlVersion),
    async close() {
      await controlPlane?.stop();
      await server.close();
      await store.close();
      await etcd?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
