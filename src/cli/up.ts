import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadTokenFile, type TokenFile } from '../apiserver/authn/token-file.ts';
import { writeAdminKubeconfig } from '../apiserver/certs/kubeconfig.ts';
import { certificatesDir, ensureCertificates } from '../apiserver/certs/pki.ts';
import { ApiServer } from '../apiserver/server.ts';
import type { ComponentName } from './control-plane.ts';
import { describeDatastore, openStore } from '../storage/open-store.ts';
import type { Store } from '../storage/store.ts';
import { gitVersion } from '../version.ts';

export interface ServerOptions {
  readonly dataDir?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly bindAddress?: string | undefined;
  readonly securePort?: number | undefined;
  readonly tokenAuthFile?: string | undefined;
  /** Extra names and addresses for the serving certificate. */
  readonly tlsSan?: readonly string[] | undefined;
  readonly nodeMonitorGracePeriodMs?: number | undefined;
  readonly nodeMonitorPeriodMs?: number | undefined;
  readonly defaultNotReadyTolerationSeconds?: number | undefined;
  readonly defaultUnreachableTolerationSeconds?: number | undefined;
  /** Leave the scheduler or the controllers to a separate process (`kubets scheduler`, `kubets controller-manager`). */
  readonly disableScheduler?: boolean | undefined;
  readonly disableControllerManager?: boolean | undefined;
}

/** Root keeps state where system services do; anyone else in their home. */
export function defaultDataDir(): string {
  return process.getuid?.() === 0 ? '/var/lib/kubets' : join(homedir(), '.kubets');
}

/** The server's URL as a local client reaches it (a wildcard bind address is not an address to dial). */
const loopbackUrl = (url: string) => url.replace('://0.0.0.0:', '://127.0.0.1:').replace('://[::]:', '://[::1]:');

/** Prints one start-up step with the time since start, so slow steps show. */
function progress(startedAt: number, message: string): void {
  console.log(`[${((performance.now() - startedAt) / 1000).toFixed(3)}s] ${message}`);
}

/**
 * Starts the control plane (datastore, certificates, API server) and runs until SIGINT
 * or SIGTERM. `kubets up` adds the node agent to this sequence as it is built.
 */
export async function runServer(options: ServerOptions): Promise<number> {
  const startedAt = performance.now();
  // Listen for signals first, so a stop during start-up still shuts down cleanly.
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const dataDir = options.dataDir ?? defaultDataDir();
  const config = { dataDir, endpoint: options.endpoint };
  progress(startedAt, `kubets ${gitVersion}, data dir ${dataDir}`);

  const certs = await ensureCertificates({ dir: certificatesDir(dataDir), hostnames: options.tlsSan ?? [] });
  progress(startedAt, certs.changes.length > 0 ? `certificates: ${certs.changes.map((c) => `${c.role} (${c.reason})`).join(', ')}` : 'certificates reused');

  let tokens: TokenFile | undefined;
  if (options.tokenAuthFile) {
    tokens = await loadTokenFile(options.tokenAuthFile);
    progress(startedAt, `${tokens.size} tokens from ${options.tokenAuthFile}`);
  }

  let store: Store;
  try {
    store = await openStore(config);
  } catch (error) {
    console.error(`kubets: cannot open the datastore ${describeDatastore(config)}: ${(error as Error).message}`);
    return 1;
  }
  progress(startedAt, `datastore ${describeDatastore(config)} at revision ${await store.currentRevision()}`);

  let server: ApiServer;
  try {
    server = await ApiServer.start({
      store,
      tls: { caPem: certs.ca.certPem, certPem: certs.serving.certPem, keyPem: certs.serving.keyPem },
      ...(tokens ? { tokens } : {}),
      ...(options.defaultNotReadyTolerationSeconds !== undefined ? { defaultNotReadyTolerationSeconds: options.defaultNotReadyTolerationSeconds } : {}),
      ...(options.defaultUnreachableTolerationSeconds !== undefined ? { defaultUnreachableTolerationSeconds: options.defaultUnreachableTolerationSeconds } : {}),
      bindAddress: options.bindAddress ?? '127.0.0.1',
      port: options.securePort ?? 6443,
    });
  } catch (error) {
    console.error(`kubets: cannot start the API server: ${(error as Error).message}`);
    await store.close();
    return 1;
  }
  const kubeconfig = await writeAdminKubeconfig(dataDir, certs, loopbackUrl(server.url));
  progress(startedAt, `API server ready at ${server.url}`);
  progress(startedAt, `kubeconfig: ${kubeconfig} (kubectl --kubeconfig ${kubeconfig} get ns, or kubets kubeconfig --merge)`);

  // Loaded after the API is ready: the control loops are clients like any other.
  const { ControlPlane } = await import('./control-plane.ts');
  const components: ComponentName[] = [];
  if (!options.disableControllerManager) components.push('kube-controller-manager');
  if (!options.disableScheduler) components.push('kube-scheduler');
  const loopback = server.loopback();
  const controlPlane = ControlPlane.start({
    components,
    // In memory, with the loopback token (no TLS, no socket), through the whole request pipeline.
    client: { server: loopbackUrl(server.url), token: loopback.token, transport: loopback.connect },
    controllers: {
      nodeLifecycle: {
        ...(options.nodeMonitorGracePeriodMs ? { gracePeriodMs: options.nodeMonitorGracePeriodMs } : {}),
        ...(options.nodeMonitorPeriodMs ? { monitorPeriodMs: options.nodeMonitorPeriodMs } : {}),
      },
    },
    log: (message) => progress(startedAt, message),
  });

  const signal = await stopSignal;
  progress(startedAt, `${signal}: shutting down`);
  await controlPlane.stop();
  await server.close();
  await store.close();
  progress(startedAt, 'stopped');
  return 0;
}
