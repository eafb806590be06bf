// A whole cluster for end-to-end tests: a real server with its control plane (controllers
// and scheduler) and in-process hollow nodes playing kubelet, driven by real kubectl.
import { Clientset } from '../../src/client/clientset.ts';
import { loadKubeconfig } from '../../src/client/config.ts';
import { HollowNodes, type HollowNodesOptions } from '../../src/sim/hollow-nodes.ts';
import { gitVersion } from '../../src/version.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.ts';

export interface TestCluster extends TestServer {
  /** An admin client for the test's own checks. */
  readonly clients: Clientset;
  readonly sim: HollowNodes;
  /** Runs kubectl and returns stdout; throws with stderr when it fails. */
  kubectlOk(...args: string[]): Promise<string>;
}

export interface TestClusterOptions extends TestServerOptions {
  /** Hollow nodes to start (default 3), named hollow-node-0... unless sim.namePrefix says otherwise. */
  readonly nodes?: number;
  readonly sim?: Partial<Omit<HollowNodesOptions, 'clientset' | 'nodes' | 'kubeletVersion' | 'runtimeVersion'>>;
}

/** Fast timings for tests: scheduler backoff, node monitoring, sim heartbeats. */
const testControlPlane: NonNullable<TestServerOptions['controlPlane']> = {
  scheduler: { podInitialBackoffMs: 100, podMaxBackoffMs: 1000 },
};

export async function startTestCluster(options: TestClusterOptions = {}): Promise<TestCluster> {
  const server = await startTestServer({ backend: 'sqlite', ...options, controlPlane: { ...testControlPlane, ...options.controlPlane } });
  const clients = new Clientset(await loadKubeconfig(server.kubeconfig));
  const sim = new HollowNodes({
    clientset: clients,
    nodes: options.nodes ?? 3,
    kubeletVersion: gitVersion,
    runtimeVersion: 'sim://test',
    heartbeatIntervalMs: 1000,
    deletionDelayMs: 100,
    log: () => {},
    ...options.sim,
  });
  await sim.start();
  return {
    ...server,
    clients,
    sim,
    kubectlOk: (...args: string[]) => server.kubectl.ok(args),
    async close() {
      await sim.stop();
      clients.close();
      await server.close();
    },
  };
}
