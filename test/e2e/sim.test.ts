// `kubets sim` as users run it: a child process that registers hollow nodes against a
// real server, plays kubelet for pods bound to them, stops a node's heartbeats on
// SIGUSR1 and exits on SIGTERM; checked with the real kubectl.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gitVersion } from '../../src/version.ts';
import { e2eBackends, startTestServer, type TestServer } from '../support/test-server.ts';
import { until } from '../support/until.ts';

const kubets = fileURLToPath(new URL('../../bin/kubets.js', import.meta.url));

interface SimProcess {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

function startSim(kubeconfig: string, args: string[]): SimProcess {
  const child = spawn(process.execPath, [kubets, 'sim', '--kubeconfig', kubeconfig, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const podYaml = (name: string, node: string, restartPolicy: string) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeName: ${node}
  restartPolicy: ${restartPolicy}
  terminationGracePeriodSeconds: 30
  containers: [{name: main, image: nginx:1.27}]
`;

/** The first three octets of a /24, as a prefix of its addresses. */
const prefixOf = (cidr: string) => `${cidr.split('/')[0]!.split('.').slice(0, 3).join('.')}.`;

for (const backend of e2eBackends) {
  describe(`kubets sim on ${backend}`, { timeout: 60_000 }, () => {
    let server: TestServer;
    let sim: SimProcess;

    before(async () => {
      server = await startTestServer({ backend });
      sim = startSim(server.kubeconfig, ['--nodes', '3', '--cpu', '4', '--memory', '16Gi', '--max-pods', '50', '--labels', 'tier=sim', '--heartbeat-interval', '500ms']);
      await until(() => sim.output().includes('all 3 nodes registered') || sim.child.exitCode !== null, 'kubets sim to register its nodes', 20_000);
      assert.match(sim.output(), /registered 3\/3 nodes/, sim.output());
    });

    after(async () => {
      if (sim.child.exitCode === null) sim.child.kill('SIGKILL');
      await server.close();
    });

    it('registers Ready nodes with their capacity, version and labels', async () => {
      const table = await server.kubectl.ok(['get', 'nodes', '-l', 'tier=sim']);
      const rows = table.trim().split('\n').slice(1).map((line) => line.split(/\s+/));
      assert.deepEqual(
        rows.map((r) => [r[0], r[1], r[4]]),
        [0, 1, 2].map((i) => [`hollow-node-${i}`, 'Ready', gitVersion]),
        table,
      );
      const capacity = JSON.parse(await server.kubectl.ok(['get', 'node', 'hollow-node-1', '-o', 'jsonpath={.status.capacity}'])) as Record<string, string>;
      assert.deepEqual([capacity.cpu, capacity.memory, capacity.pods], ['4', '16Gi', '50']);
      const conditions = await server.kubectl.ok(['get', 'node', 'hollow-node-1', '-o', 'jsonpath={range .status.conditions[*]}{.type}={.reason};{end}']);
      assert.equal(conditions, 'MemoryPressure=KubeletHasSufficientMemory;DiskPressure=KubeletHasNoDiskPressure;PIDPressure=KubeletHasSufficientPID;Ready=KubeletReady;');
    });

    it('runs a bound pod with an IP from the node podCIDR, completes a Never pod, and deletes promptly', async () => {
      await server.kubectl.ok(['apply', '-f', '-'], { input: podYaml('web', 'hollow-node-1', 'Always') + '---' + podYaml('job', 'hollow-node-2', 'Never') });
      await until(async () => (await server.kubectl.ok(['get', 'pod', 'web', '-o', 'jsonpath={.status.phase}/{.status.containerStatuses[0].ready}'])) === 'Running/true', 'web Running and ready', 20_000);
      const podCIDR = await server.kubectl.ok(['get', 'node', 'hollow-node-1', '-o', 'jsonpath={.spec.podCIDR}']);
      // Without a node IPAM controller the simulator falls back to a /24 by node index.
      const cidr = podCIDR || '10.42.1.0/24';
      const wide = await server.kubectl.ok(['get', 'pod', 'web', '-o', 'wide']);
      const [header, row] = wide.trim().split('\n');
      const columns = header!.split(/\s{2,}/);
      const cells = row!.split(/\s{2,}/);
      assert.equal(cells[columns.indexOf('NODE')], 'hollow-node-1', wide);
      assert.ok(cells[columns.indexOf('IP')]!.startsWith(prefixOf(cidr)), `${wide}\npodCIDR ${cidr}`);
      assert.equal(cells[columns.indexOf('READY')], '1/1', wide);

      await until(async () => (await server.kubectl.ok(['get', 'pod', 'job', '--no-headers'])).includes('Completed'), 'the Never pod to complete', 20_000);

      const started = Date.now();
      await server.kubectl.ok(['delete', 'pod', 'web', 'job', '--timeout=20s']);
      assert.ok(Date.now() - started < 10_000, `kubectl delete took ${Date.now() - started} ms`);
      assert.equal(await server.kubectl.ok(['get', 'pods', '--no-headers', '--ignore-not-found']), '');
    });

    it('stops the lease renewals of one node on SIGUSR1, and exits 0 on SIGTERM', async () => {
      const renewTimes = async () => {
        const text = await server.kubectl.ok(['get', 'leases', '-n', 'kube-node-lease', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.spec.renewTime}{"\\n"}{end}']);
        return Object.fromEntries(text.trim().split('\n').map((line) => line.split('=')));
      };
      const owner = await server.kubectl.ok(['get', 'lease', '-n', 'kube-node-lease', 'hollow-node-0', '-o', 'jsonpath={.spec.holderIdentity}/{.spec.leaseDurationSeconds}/{.metadata.ownerReferences[0].kind}']);
      assert.equal(owner, 'hollow-node-0/40/Node');
      sim.child.kill('SIGUSR1');
      await until(() => sim.output().includes('stopped the heartbeats of hollow-node-0'), 'the sim to stop hollow-node-0');
      // A renewal already in flight may still land: read after it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const first = await renewTimes();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const second = await renewTimes();
      assert.equal(second['hollow-node-0'], first['hollow-node-0'], 'the stopped node renews no more');
      assert.notEqual(second['hollow-node-1'], first['hollow-node-1'], 'the others keep renewing');

      sim.child.kill('SIGTERM');
      assert.equal(await sim.exited, 0, sim.output());
      assert.match(await server.kubectl.ok(['get', 'nodes', '--no-headers']), /hollow-node-2/, 'nodes stay registered');
    });
  });
}
