// Cases follow upstream's pkg/printers/internalversion/printers_test.go; the objects are
// v1 JSON and the expected cells are the server's wide rows (kubectl hides the wide
// cells unless -o wide).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  componentStatuses,
  configMaps,
  endpoints,
  events,
  namespaces,
  nodes,
  persistentVolumeClaims,
  persistentVolumes,
  podRowConditions,
  podTemplates,
  pods,
  replicationControllers,
  resourceQuotas,
  secrets,
  serviceAccounts,
  services,
} from './core.ts';
import type { ApiObject, TableDef } from './types.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const s = 1000;
const m = 60 * s;
const d = 24 * 60 * m;
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
const SOON = ago(-1 * s); // upstream's time.Now().Add(1.9e9): prints "0s"

const cells = (def: TableDef, o: ApiObject) => def.cells(o, NOW);
/** The first `n` cells (the columns kubectl shows without -o wide). */
const narrow = (def: TableDef, o: ApiObject) => cells(def, o).slice(0, def.columns.filter((c) => c.priority === 0).length);

const running = { running: {} };
const terminatedAgo = (ms: number) => ({ terminated: { finishedAt: ago(ms), exitCode: 0 } });
const twoContainers = { containers: [{ name: 'a' }, { name: 'b' }] };
const oneContainer = { containers: [{ name: 'a' }] };
const pod = (name: string, spec: object, status: object, metadata: object = {}): ApiObject => ({
  metadata: { name, ...metadata },
  spec,
  status,
});

describe('pods', () => {
  const cases: [string, ApiObject, unknown[]][] = [
    [
      'name, containers, restarts, ready',
      pod('test1', twoContainers, {
        phase: 'podPhase',
        containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }],
      }),
      ['test1', '1/2', 'podPhase', '6', '<unknown>'],
    ],
    [
      'a waiting reason overrides the phase',
      pod('test2', twoContainers, {
        phase: 'podPhase',
        containerStatuses: [
          { ready: true, restartCount: 3, state: running },
          { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
        ],
      }),
      ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      'the first container wins over later ones',
      pod('test3', twoContainers, {
        phase: 'podPhase',
        containerStatuses: [
          { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
          { state: { terminated: { reason: 'ContainerTerminatedReason' } }, restartCount: 3 },
        ],
      }),
      ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      'ready alone is not running',
      pod('test4', twoContainers, {
        phase: 'podPhase',
        containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }],
      }),
      ['test4', '1/2', 'podPhase', '6', '<unknown>'],
    ],
    [
      'the pod reason overrides the phase',
      pod('test5', twoContainers, {
        reason: 'podReason',
        phase: 'podPhase',
        containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }],
      }),
      ['test5', '1/2', 'podReason', '6', '<unknown>'],
    ],
    [
      'one container completed, one running, not ready',
      pod('test6', twoContainers, {
        phase: 'Running',
        containerStatuses: [
          { ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          { ready: true, restartCount: 3, state: running },
        ],
      }),
      ['test6', '1/2', 'NotReady', '6', '<unknown>'],
    ],
    [
      'one container completed, one running, Ready condition',
      pod('test6', twoContainers, {
        phase: 'Running',
        containerStatuses: [
          { ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          { ready: true, restartCount: 3, state: running },
        ],
        conditions: [{ type: 'Ready', status: 'True' }],
      }),
      ['test6', '1/2', 'Running', '6', '<unknown>'],
    ],
    [
      'init container restarting',
      pod(
        'test7',
        { initContainers: [{ name: 'i' }], ...oneContainer },
        {
          phase: 'podPhase',
          initContainerStatuses: [{ name: 'i', restartCount: 3, state: running, lastState: terminatedAgo(10 * s) }],
          containerStatuses: [{ state: { waiting: {} } }],
        },
      ),
      ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
    ],
    [
      'two init containers, the first restarting',
      pod(
        'test8',
        { initContainers: [{ name: 'i1' }, { name: 'i2' }], ...oneContainer },
        {
          phase: 'podPhase',
          initContainerStatuses: [
            { name: 'i1', restartCount: 3, state: running, lastState: terminatedAgo(10 * s) },
            { name: 'i2', state: { waiting: {} } },
          ],
          containerStatuses: [{ state: { waiting: {} } }],
        },
      ),
      ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      'first init container done, second restarting',
      pod(
        'test9',
        { initContainers: [{ name: 'i1' }, { name: 'i2' }], ...oneContainer },
        {
          phase: 'podPhase',
          initContainerStatuses: [
            { name: 'i1', state: { terminated: {} } },
            { name: 'i2', restartCount: 3, state: running, lastState: terminatedAgo(10 * s) },
          ],
          containerStatuses: [{ state: { waiting: {} } }],
        },
      ),
      ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      'restarts of all init containers add up while initializing',
      pod(
        'test10',
        { initContainers: [{ name: 'i1' }, { name: 'i2' }], ...oneContainer },
        {
          phase: 'podPhase',
          initContainerStatuses: [
            { name: 'i1', restartCount: 2, state: { terminated: {} }, lastState: terminatedAgo(2 * m) },
            { name: 'i2', restartCount: 3, state: running, lastState: terminatedAgo(10 * s) },
          ],
          containerStatuses: [{ state: { waiting: {} } }],
        },
      ),
      ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
    ],
    [
      'after initialization only app container restarts count',
      pod(
        'test11',
        { initContainers: [{ name: 'i' }], ...oneContainer },
        {
          phase: 'Running',
          initContainerStatuses: [
            { name: 'i', restartCount: 2, state: { terminated: {} }, lastState: terminatedAgo(2 * m) },
          ],
          containerStatuses: [{ restartCount: 4, state: running, lastState: terminatedAgo(20 * s) }],
        },
      ),
      ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
    ],
    [
      'restarted five days ago',
      pod('test12', oneContainer, {
        phase: 'Running',
        containerStatuses: [{ ready: true, restartCount: 3, state: running, lastState: terminatedAgo(5 * d) }],
      }),
      ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
    ],
    [
      'one never restarted, the other ten days ago',
      pod('test13', twoContainers, {
        phase: 'Running',
        containerStatuses: [
          { ready: true, restartCount: 0, state: running },
          { ready: true, restartCount: 3, state: running, lastState: terminatedAgo(10 * d) },
        ],
      }),
      ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>'],
    ],
    [
      'the latest restart is shown',
      pod('test14', twoContainers, {
        phase: 'Running',
        containerStatuses: [
          { ready: true, restartCount: 6, state: running, lastState: terminatedAgo(5 * d) },
          { ready: true, restartCount: 3, state: running, lastState: terminatedAgo(20 * d) },
        ],
      }),
      ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
    ],
    [
      'scheduling gated',
      pod('test15', twoContainers, {
        phase: 'podPhase',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      }),
      ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
    ],
    [
      'succeeded',
      pod('test16', oneContainer, {
        phase: 'Succeeded',
        containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
      }),
      ['test16', '0/1', 'Completed', '0', '<unknown>'],
    ],
    [
      'failed',
      pod('test17', oneContainer, {
        phase: 'Failed',
        containerStatuses: [{ state: { terminated: { reason: 'Error', exitCode: 1 } } }],
      }),
      ['test17', '0/1', 'Error', '0', '<unknown>'],
    ],
    [
      'succeeded and being deleted stays Completed',
      pod(
        'test18',
        oneContainer,
        { phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }] },
        { deletionTimestamp: ago(10 * s) },
      ),
      ['test18', '0/1', 'Completed', '0', '<unknown>'],
    ],
    [
      'running and being deleted is Terminating',
      pod('test19', oneContainer, { phase: 'Running', containerStatuses: [{ state: running }] }, { deletionTimestamp: ago(10 * s) }),
      ['test19', '0/1', 'Terminating', '0', '<unknown>'],
    ],
    [
      'pending and being deleted is Terminating',
      pod('test20', oneContainer, { phase: 'Pending' }, { deletionTimestamp: ago(10 * s) }),
      ['test20', '0/1', 'Terminating', '0', '<unknown>'],
    ],
    [
      'lost node and being deleted is Unknown',
      pod('lost', oneContainer, { phase: 'Running', reason: 'NodeLost', containerStatuses: [{ ready: true, state: running }] }, { deletionTimestamp: ago(10 * s) }),
      ['lost', '1/1', 'Unknown', '0', '<unknown>'],
    ],
    [
      'lost node, not deleted, shows the reason',
      pod('lost2', oneContainer, { phase: 'Running', reason: 'NodeLost', containerStatuses: [{ ready: true, state: running }] }),
      ['lost2', '1/1', 'NodeLost', '0', '<unknown>'],
    ],
    [
      'crash loop with the last restart',
      pod('crash', oneContainer, {
        phase: 'Running',
        containerStatuses: [
          {
            restartCount: 5,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(5 * m + 30 * s) } },
          },
        ],
      }, { creationTimestamp: ago(2 * d + 3 * 3600 * s) }),
      ['crash', '0/1', 'CrashLoopBackOff', '5 (5m30s ago)', '2d3h'],
    ],
    [
      'init container crash loop',
      pod(
        'initcrash',
        { initContainers: [{ name: 'i' }], ...oneContainer },
        {
          phase: 'Pending',
          initContainerStatuses: [{ name: 'i', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: terminatedAgo(40 * s) }],
          containerStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }],
        },
      ),
      ['initcrash', '0/1', 'Init:CrashLoopBackOff', '2 (40s ago)', '<unknown>'],
    ],
    [
      'init container waiting for PodInitializing counts as i/n',
      pod(
        'initwait',
        { initContainers: [{ name: 'i' }], ...oneContainer },
        { phase: 'Pending', initContainerStatuses: [{ name: 'i', state: { waiting: { reason: 'PodInitializing' } } }] },
      ),
      ['initwait', '0/1', 'Init:0/1', '0', '<unknown>'],
    ],
    [
      'init container failed with a reason, an exit code, a signal',
      pod(
        'initfail',
        { initContainers: [{ name: 'i' }], ...oneContainer },
        { phase: 'Failed', initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 2, reason: 'Error' } } }] },
      ),
      ['initfail', '0/1', 'Init:Error', '0', '<unknown>'],
    ],
    [
      'init container exit code',
      pod(
        'initexit',
        { initContainers: [{ name: 'i' }], ...oneContainer },
        { phase: 'Pending', initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 3 } } }] },
      ),
      ['initexit', '0/1', 'Init:ExitCode:3', '0', '<unknown>'],
    ],
    [
      'init container signal',
      pod(
        'initsig',
        { initContainers: [{ name: 'i' }], ...oneContainer },
        { phase: 'Pending', initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 137, signal: 9 } } }] },
      ),
      ['initsig', '0/1', 'Init:Signal:9', '0', '<unknown>'],
    ],
    [
      'app container terminated without a reason',
      pod('exit', oneContainer, { phase: 'Running', containerStatuses: [{ state: { terminated: { exitCode: 2 } } }] }),
      ['exit', '0/1', 'ExitCode:2', '0', '<unknown>'],
    ],
    [
      'app container killed by a signal',
      pod('sig', oneContainer, { phase: 'Running', containerStatuses: [{ state: { terminated: { exitCode: 143, signal: 15 } } }] }),
      ['sig', '0/1', 'Signal:15', '0', '<unknown>'],
    ],
    [
      'restarts without a finish time print the count only',
      pod('nofinish', oneContainer, {
        phase: 'Running',
        containerStatuses: [{ ready: true, restartCount: 2, state: running, lastState: { terminated: { exitCode: 1 } } }],
      }),
      ['nofinish', '1/1', 'Running', '2', '<unknown>'],
    ],
  ];
  for (const [name, p, want] of cases) {
    it(name, () => assert.deepEqual(narrow(pods, p), want));
  }

  describe('restartable init containers (sidecars)', () => {
    const sidecars = {
      initContainers: [
        { name: 'restartable-init-1', restartPolicy: 'Always' },
        { name: 'restartable-init-2', restartPolicy: 'Always' },
      ],
      ...oneContainer,
    };
    const sidecarCases: [string, ApiObject, unknown[]][] = [
      [
        'first running but not started',
        pod('test1', sidecars, {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'restartable-init-1', restartCount: 3, state: running, started: false, lastState: terminatedAgo(10 * s) },
            { name: 'restartable-init-2', state: { waiting: {} }, started: false },
          ],
          containerStatuses: [{ state: { waiting: {} } }],
          conditions: [{ type: 'Initialized', status: 'False' }],
        }),
        ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
      ],
      [
        'first started, second running but not started',
        pod('test1', sidecars, {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: terminatedAgo(10 * s) },
            { name: 'restartable-init-2', state: running, started: false },
          ],
          containerStatuses: [{ state: { waiting: {} } }],
          conditions: [{ type: 'Initialized', status: 'False' }],
        }),
        ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>'],
      ],
      [
        'both started and the app container running',
        pod('test2', sidecars, {
          phase: 'Running',
          initContainerStatuses: [
            { name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: terminatedAgo(10 * s) },
            { name: 'restartable-init-2', state: running, started: true },
          ],
          containerStatuses: [{ ready: true, restartCount: 4, state: running, lastState: terminatedAgo(20 * s) }],
          conditions: [{ type: 'Initialized', status: 'True' }],
        }),
        ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
      ],
      [
        'sidecars failed, the app container completed',
        pod('test3', sidecars, {
          phase: 'Succeeded',
          initContainerStatuses: [
            {
              name: 'restartable-init-1',
              restartCount: 3,
              state: { terminated: { reason: 'Error', exitCode: 137 } },
              started: false,
              lastState: terminatedAgo(10 * s),
            },
            { name: 'restartable-init-2', state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false },
          ],
          containerStatuses: [
            { restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, lastState: terminatedAgo(20 * s) },
          ],
          conditions: [{ type: 'Initialized', status: 'True' }],
        }),
        ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>'],
      ],
      [
        'statuses of containers that are not in the spec',
        pod(
          'test4',
          {
            initContainers: [
              { name: 'init1', image: 'initimage' },
              { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' },
            ],
            containers: [{ name: 'container1', image: 'containerimage' }],
          },
          {
            phase: 'Running',
            initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }],
            containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }],
          },
        ),
        ['test4', '0/2', 'Init:0/2', '0', '<unknown>'],
      ],
    ];
    for (const [name, p, want] of sidecarCases) {
      it(name, () => assert.deepEqual(narrow(pods, p), want));
    }
  });

  it('wide cells: IP, node, nominated node, readiness gates', () => {
    const gates = { readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }] };
    const p = pod('test1', { ...twoContainers, nodeName: 'test1', ...gates }, {
      conditions: [
        { type: 'condition1', status: 'False' },
        { type: 'condition2', status: 'True' },
      ],
      phase: 'podPhase',
      podIP: '1.1.1.1',
      podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
      containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }],
      nominatedNodeName: 'node1',
    });
    assert.deepEqual(cells(pods, p), ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']);
    const bare = pod('test2', { ...twoContainers, nodeName: '' }, {
      phase: 'podPhase',
      containerStatuses: [
        { ready: true, restartCount: 3, state: running },
        { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
      ],
    });
    assert.deepEqual(cells(pods, bare), ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>', '<none>', '<none>', '<none>', '<none>']);
    // Only one of the two IP fields set: still shown.
    assert.equal(cells(pods, pod('x', oneContainer, { podIP: '10.0.0.9' }))[5], '10.0.0.9');
    assert.equal(cells(pods, pod('x', oneContainer, { podIPs: [{ ip: 'fd00::9' }] }))[5], 'fd00::9');
  });

  it('marks finished pods with a Completed row condition', () => {
    assert.equal(podRowConditions(pod('a', oneContainer, { phase: 'Running' })), undefined);
    assert.deepEqual(podRowConditions(pod('a', oneContainer, { phase: 'Succeeded' })), [
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
    assert.deepEqual(podRowConditions(pod('a', oneContainer, { phase: 'Failed' })), [
      { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
    ]);
  });

  it('survives an empty object', () => {
    assert.deepEqual(cells(pods, {}), ['', '0/0', '', '0', '<unknown>', '<none>', '<none>', '<none>', '<none>']);
  });
});

describe('pod templates', () => {
  it('lists containers, images and pod labels', () => {
    assert.deepEqual(cells(podTemplates, { metadata: { name: 'pod-template-1' }, template: { spec: { containers: [] } } }), [
      'pod-template-1',
      '',
      '',
      '<none>',
    ]);
    assert.deepEqual(
      cells(podTemplates, {
        metadata: { name: 'pod-template-2' },
        template: {
          metadata: { labels: { foo: 'bar' } },
          spec: { containers: [{ name: 'fake-container1', image: 'fake-image1' }, { name: 'fake-container2', image: 'fake-image2' }] },
        },
      }),
      ['pod-template-2', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar'],
    );
  });
});

describe('services', () => {
  const svc = (name: string, spec: object, status: object = {}): ApiObject => ({ metadata: { name }, spec, status });
  const cases: [string, ApiObject, unknown[]][] = [
    [
      'cluster IP, port with protocol, selector',
      svc('test1', { type: 'ClusterIP', ports: [{ protocol: 'tcp', port: 2233 }], clusterIPs: ['10.9.8.7'], selector: { foo: 'bar' } }),
      ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/tcp', '<unknown>', 'foo=bar'],
    ],
    [
      'node port',
      svc('test2', { type: 'NodePort', ports: [{ protocol: 'tcp', port: 8888, nodePort: 9999 }], clusterIPs: ['10.9.8.7'] }),
      ['test2', 'NodePort', '10.9.8.7', '<none>', '8888:9999/tcp', '<unknown>', '<none>'],
    ],
    [
      'load balancer pending',
      svc('test3', { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }], clusterIPs: ['10.9.8.7'] }),
      ['test3', 'LoadBalancer', '10.9.8.7', '<pending>', '8888/tcp', '<unknown>', '<none>'],
    ],
    [
      'load balancer with an external IP and no status',
      svc('test4', { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }),
      ['test4', 'LoadBalancer', '10.9.8.7', '80.11.12.10', '8888/tcp', '<unknown>', '<none>'],
    ],
    [
      'load balancer ingress before external IPs',
      svc(
        'test5',
        { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] },
        { loadBalancer: { ingress: [{ ip: '3.4.5.6', hostname: 'test.cluster.com' }] } },
      ),
      ['test5', 'LoadBalancer', '10.9.8.7', '3.4.5.6,80.11.12.10', '8888/tcp', '<unknown>', '<none>'],
    ],
    [
      'several of each',
      svc(
        'test6',
        { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10', '80.11.12.11'] },
        { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'test.cluster.local' }, { ip: '3.4.5.6', hostname: 'test.cluster.com' }] } },
      ),
      ['test6', 'LoadBalancer', '10.9.8.7', '2.3.4.5,3.4.5.6,80.11.12.10,80.11.12.11', '8888/tcp', '<unknown>', '<none>'],
    ],
    [
      'external name',
      svc('test7', { type: 'ExternalName', externalName: 'my.database.example.com' }),
      ['test7', 'ExternalName', '<none>', 'my.database.example.com', '<none>', '<unknown>', '<none>'],
    ],
    [
      'long load balancer lists are not clipped (the server prints wide)',
      svc(
        'service4',
        {
          type: 'LoadBalancer',
          ports: [{ port: 80, protocol: 'TCP' }, { port: 8090, protocol: 'UDP' }, { port: 8000, protocol: 'TCP' }],
          clusterIPs: ['1.5.6.7'],
          selector: { foo: 'bar' },
        },
        { loadBalancer: { ingress: [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }] } },
      ),
      ['service4', 'LoadBalancer', '1.5.6.7', '2.3.4.5,3.4.5.6,5.6.7.8', '80/TCP,8090/UDP,8000/TCP', '<unknown>', 'foo=bar'],
    ],
    [
      'headless, single clusterIP field, defaults',
      svc('headless', { clusterIP: 'None', ports: [{ port: 53 }] }),
      ['headless', 'ClusterIP', 'None', '<none>', '53/TCP', '<unknown>', '<none>'],
    ],
  ];
  for (const [name, o, want] of cases) {
    it(name, () => assert.deepEqual(cells(services, o), want));
  }
});

describe('endpoints', () => {
  const ep = (name: string, subsets: unknown, created = SOON): ApiObject => ({ metadata: { name, creationTimestamp: created }, subsets });
  it('follows upstream cases', () => {
    assert.deepEqual(cells(endpoints, ep('endpoint1', undefined)), ['endpoint1', '<none>', '0s']);
    assert.deepEqual(cells(endpoints, ep('endpoint3', [{ addresses: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }] }], ago(5 * m))), [
      'endpoint3',
      '1.2.3.4,5.6.7.8',
      '5m',
    ]);
    assert.deepEqual(
      cells(endpoints, ep('endpoint2', [{ addresses: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }], ports: [{ port: 8001, protocol: 'tcp' }] }])),
      ['endpoint2', '1.2.3.4:8001,5.6.7.8:8001', '0s'],
    );
    assert.deepEqual(
      cells(
        endpoints,
        ep('endpoint2', [
          {
            addresses: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }, { ip: '9.8.7.6' }, { ip: '6.6.6.6' }],
            ports: [{ port: 8001, protocol: 'tcp' }],
          },
        ]),
      ),
      ['endpoint2', '1.2.3.4:8001,5.6.7.8:8001,9.8.7.6:8001 + 1 more...', '0s'],
    );
  });
  it('brackets IPv6 addresses and counts every port', () => {
    assert.deepEqual(
      cells(endpoints, ep('v6', [{ addresses: [{ ip: 'fd00::1' }, { ip: 'fd00::2' }], ports: [{ port: 80 }, { port: 443 }] }])),
      ['v6', '[fd00::1]:80,[fd00::2]:80,[fd00::1]:443 + 1 more...', '0s'],
    );
  });
});

describe('nodes', () => {
  const node = (name: string, extra: object = {}): ApiObject => ({ metadata: { name }, ...extra });
  const ready = (status: string) => ({ status: { conditions: [{ type: 'Ready', status }] } });
  it('status and SchedulingDisabled', () => {
    assert.deepEqual(narrow(nodes, node('foo1', ready('True'))), ['foo1', 'Ready', '<none>', '<unknown>', '']);
    assert.deepEqual(narrow(nodes, node('foo2', { spec: { unschedulable: true }, ...ready('True') })), [
      'foo2',
      'Ready,SchedulingDisabled',
      '<none>',
      '<unknown>',
      '',
    ]);
    assert.deepEqual(
      narrow(nodes, node('foo3', { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Ready', status: 'True' }] } })),
      ['foo3', 'Ready', '<none>', '<unknown>', ''],
    );
    assert.deepEqual(narrow(nodes, node('foo4', ready('False'))), ['foo4', 'NotReady', '<none>', '<unknown>', '']);
    assert.deepEqual(narrow(nodes, node('foo5', { spec: { unschedulable: true }, ...ready('False') })), [
      'foo5',
      'NotReady,SchedulingDisabled',
      '<none>',
      '<unknown>',
      '',
    ]);
    assert.deepEqual(narrow(nodes, node('foo6', { status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } })), [
      'foo6',
      'Unknown',
      '<none>',
      '<unknown>',
      '',
    ]);
    assert.deepEqual(narrow(nodes, node('foo7', { status: { conditions: [{}] } })), ['foo7', 'Unknown', '<none>', '<unknown>', '']);
    assert.deepEqual(narrow(nodes, node('foo9', { spec: { unschedulable: true }, status: { conditions: [{}] } })), [
      'foo9',
      'Unknown,SchedulingDisabled',
      '<none>',
      '<unknown>',
      '',
    ]);
  });
  it('roles from labels, sorted', () => {
    const labels = {
      'node-role.kubernetes.io/master': '',
      'node-role.kubernetes.io/control-plane': '',
      'node-role.kubernetes.io/proxy': '',
      'kubernetes.io/role': 'node',
    };
    assert.deepEqual(narrow(nodes, { metadata: { name: 'foo10', labels } }), [
      'foo10',
      'Unknown',
      'control-plane,master,node,proxy',
      '<unknown>',
      '',
    ]);
    assert.deepEqual(narrow(nodes, { metadata: { name: 'foo11', labels: { 'kubernetes.io/role': 'node' } } }), [
      'foo11',
      'Unknown',
      'node',
      '<unknown>',
      '',
    ]);
  });
  it('wide cells: addresses and node info', () => {
    assert.deepEqual(
      cells(nodes, node('foo1', { status: { nodeInfo: { osImage: 'fake-os-image' }, addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }] } })),
      ['foo1', 'Unknown', '<none>', '<unknown>', '', '<none>', '1.1.1.1', 'fake-os-image', '<unknown>', '<unknown>'],
    );
    assert.deepEqual(
      cells(
        nodes,
        node('foo3', {
          status: {
            addresses: [
              { type: 'ExternalIP', address: '2.2.2.2' },
              { type: 'InternalIP', address: '3.3.3.3' },
              { type: 'ExternalIP', address: '4.4.4.4' },
            ],
          },
        }),
      ),
      ['foo3', 'Unknown', '<none>', '<unknown>', '', '3.3.3.3', '2.2.2.2', '<unknown>', '<unknown>', '<unknown>'],
    );
    assert.deepEqual(
      cells(nodes, {
        metadata: { name: 'kind-control-plane', creationTimestamp: ago(3 * d), labels: { 'node-role.kubernetes.io/control-plane': '' } },
        status: {
          conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
          addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: 'kind-control-plane' }],
          nodeInfo: {
            kubeletVersion: 'v1.33.0',
            osImage: 'Debian GNU/Linux 12 (bookworm)',
            kernelVersion: '6.1.0-18-amd64',
            containerRuntimeVersion: 'containerd://1.7.15',
          },
        },
      }),
      [
        'kind-control-plane',
        'Ready',
        'control-plane',
        '3d',
        'v1.33.0',
        '172.18.0.2',
        '<none>',
        'Debian GNU/Linux 12 (bookworm)',
        '6.1.0-18-amd64',
        'containerd://1.7.15',
      ],
    );
  });
});

describe('namespaces, configmaps, secrets, service accounts', () => {
  it('namespaces', () => {
    assert.deepEqual(cells(namespaces, { metadata: { name: 'namespace1', creationTimestamp: SOON }, status: { phase: 'FooStatus' } }), [
      'namespace1',
      'FooStatus',
      '0s',
    ]);
    assert.deepEqual(cells(namespaces, { metadata: { name: 'namespace2' } }), ['namespace2', '', '<unknown>']);
  });
  it('configmaps count data and binaryData', () => {
    assert.deepEqual(cells(configMaps, { metadata: { name: 'configmap1', creationTimestamp: SOON } }), ['configmap1', 0, '0s']);
    assert.deepEqual(cells(configMaps, { metadata: { name: 'configmap2', creationTimestamp: SOON }, data: { foo: 'bar' } }), [
      'configmap2',
      1,
      '0s',
    ]);
    assert.deepEqual(
      cells(configMaps, { metadata: { name: 'configmap3', creationTimestamp: SOON }, data: { foo: 'bar' }, binaryData: { bin: 'YmluYXJ5' } }),
      ['configmap3', 2, '0s'],
    );
  });
  it('secrets', () => {
    const meta = { name: 'secret1', creationTimestamp: SOON };
    assert.deepEqual(cells(secrets, { metadata: meta, type: 'kubernetes.io/service-account-token', data: { token: 'c2VjcmV0' } }), [
      'secret1',
      'kubernetes.io/service-account-token',
      1,
      '0s',
    ]);
    assert.deepEqual(cells(secrets, { metadata: meta, type: 'kubernetes.io/service-account-token' }), [
      'secret1',
      'kubernetes.io/service-account-token',
      0,
      '0s',
    ]);
  });
  it('service accounts count secrets', () => {
    const meta = { name: 'sa1', creationTimestamp: SOON };
    assert.deepEqual(cells(serviceAccounts, { metadata: meta, secrets: [] }), ['sa1', 0, '0s']);
    assert.deepEqual(cells(serviceAccounts, { metadata: meta, secrets: [{ name: 'Secret1' }, { name: 'Secret2' }] }), ['sa1', 2, '0s']);
  });
});

describe('replication controllers', () => {
  const template = {
    metadata: { labels: { a: 'b' } },
    spec: { containers: [{ name: 'test', image: 'test_image' }] },
  };
  it('follows upstream cases', () => {
    assert.deepEqual(
      cells(replicationControllers, { metadata: { name: 'rc1' }, spec: { replicas: 0, selector: { a: 'b' }, template } }),
      ['rc1', 0, 0, 0, '<unknown>', 'test', 'test_image', 'a=b'],
    );
    assert.deepEqual(
      cells(replicationControllers, {
        metadata: { name: 'rc1' },
        spec: { replicas: 5, selector: { a: 'b' }, template },
        status: { replicas: 3, readyReplicas: 1 },
      }),
      ['rc1', 5, 3, 1, '<unknown>', 'test', 'test_image', 'a=b'],
    );
  });
});

describe('resource quotas', () => {
  it('splits requests and limits, sorted by name', () => {
    assert.deepEqual(
      cells(resourceQuotas, {
        metadata: { name: 'test-resourcequota', creationTimestamp: ago(5 * m) },
        status: {
          used: {
            cpu: '1',
            memory: '1Gi',
            pods: '1',
            services: '1',
            replicationcontrollers: '1',
            resourcequotas: '1',
            'limits.cpu': '2',
            'limits.memory': '2Gi',
          },
          hard: {
            cpu: '100',
            memory: '4Gi',
            pods: '10',
            services: '10',
            replicationcontrollers: '10',
            resourcequotas: '1',
            'limits.cpu': '200',
            'limits.memory': '8Gi',
          },
        },
      }),
      [
        'test-resourcequota',
        '5m',
        'cpu: 1/100, memory: 1Gi/4Gi, pods: 1/10, replicationcontrollers: 1/10, resourcequotas: 1/1, services: 1/10',
        'limits.cpu: 2/200, limits.memory: 2Gi/8Gi',
      ],
    );
  });
  it('prints quantities in canonical form, as Quantity.String() does', () => {
    assert.deepEqual(
      cells(resourceQuotas, { metadata: { name: 'q' }, status: { hard: { cpu: '2000m', memory: '1024Mi' }, used: { cpu: '500m', memory: '0.5Gi' } } }),
      ['q', '<unknown>', 'cpu: 500m/2, memory: 512Mi/1Gi', ''],
    );
  });
  it('prints 0 for unused resources and empty columns without hard limits', () => {
    assert.deepEqual(cells(resourceQuotas, { metadata: { name: 'q' }, status: { hard: { 'requests.storage': '10Gi' } } }), [
      'q',
      '<unknown>',
      'requests.storage: 0/10Gi',
      '',
    ]);
  });
});

describe('persistent volumes', () => {
  const claimRef = { name: 'test', namespace: 'default' };
  const pv = (name: string, spec: object, phase: string, metadata: object = {}): ApiObject => ({
    metadata: { name, ...metadata },
    spec: { claimRef, ...spec },
    status: { phase },
  });
  it('follows upstream cases', () => {
    assert.deepEqual(cells(persistentVolumes, pv('test1', { accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }, 'Bound')), [
      'test1',
      '4Gi',
      'ROX',
      '',
      'Bound',
      'default/test',
      '',
      '<unset>',
      '',
      '<unknown>',
      '<unset>',
    ]);
    assert.deepEqual(
      cells(
        persistentVolumes,
        pv(
          'test4',
          { storageClassName: 'my-scn', volumeAttributesClassName: 'my-vacn', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
          'Pending',
        ),
      ),
      ['test4', '10Gi', 'RWO', '', 'Pending', 'default/test', 'my-scn', 'my-vacn', '', '<unknown>', '<unset>'],
    );
  });
  it('deleting, reclaim policy, reason, mode, beta class annotation, access mode order', () => {
    assert.deepEqual(
      cells(
        persistentVolumes,
        {
          metadata: {
            name: 'pv9',
            deletionTimestamp: ago(s),
            creationTimestamp: ago(2 * d),
            annotations: { 'volume.beta.kubernetes.io/storage-class': 'beta' },
          },
          spec: {
            storageClassName: 'ignored',
            accessModes: ['ReadWriteMany', 'ReadWriteOncePod', 'ReadWriteOnce', 'ReadWriteOnce'],
            capacity: { storage: '1Ti' },
            persistentVolumeReclaimPolicy: 'Retain',
            volumeMode: 'Block',
          },
          status: { phase: 'Failed', reason: 'Recycler failed' },
        },
      ),
      ['pv9', '1Ti', 'RWO,RWX,RWOP', 'Retain', 'Terminating', '', 'beta', '<unset>', 'Recycler failed', '2d', 'Block'],
    );
  });
});

describe('persistent volume claims', () => {
  const pvc = (name: string, spec: object, status: object): ApiObject => ({ metadata: { name }, spec, status });
  const bound = { phase: 'Bound', accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } };
  it('follows upstream cases', () => {
    assert.deepEqual(cells(persistentVolumeClaims, pvc('test1', { volumeName: 'my-volume', volumeMode: 'Filesystem' }, bound)), [
      'test1',
      'Bound',
      'my-volume',
      '4Gi',
      'ROX',
      '',
      '<unset>',
      '<unknown>',
      'Filesystem',
    ]);
    assert.deepEqual(cells(persistentVolumeClaims, pvc('test2', { volumeMode: 'Filesystem' }, { ...bound, phase: 'Lost' })), [
      'test2',
      'Lost',
      '',
      '',
      '',
      '',
      '<unset>',
      '<unknown>',
      'Filesystem',
    ]);
    assert.deepEqual(
      cells(
        persistentVolumeClaims,
        pvc(
          'test5',
          { volumeName: 'my-volume', storageClassName: 'my-scn', volumeAttributesClassName: 'my-vacn' },
          { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
        ),
      ),
      ['test5', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', 'my-vacn', '<unknown>', '<unset>'],
    );
  });
});

describe('component statuses', () => {
  it('follows upstream cases', () => {
    assert.deepEqual(cells(componentStatuses, { metadata: { name: 'cs1' }, conditions: [] }), ['cs1', 'Unknown', '', '']);
    assert.deepEqual(
      cells(componentStatuses, {
        metadata: { name: 'cs2' },
        conditions: [{ type: 'Healthy', status: 'True', message: 'test message', error: 'test error' }],
      }),
      ['cs2', 'Healthy', 'test message', 'test error'],
    );
    assert.deepEqual(
      cells(componentStatuses, {
        metadata: { name: 'cs3' },
        conditions: [{ type: 'Healthy', status: 'False', message: 'test message', error: 'test error' }],
      }),
      ['cs3', 'Unhealthy', 'test message', 'test error'],
    );
  });
});

describe('events', () => {
  const base = {
    involvedObject: { kind: 'Deployment', name: 'Deployment Name', fieldPath: 'spec.containers{foo}' },
    reason: 'Event Reason',
    message: 'Message Data',
    type: 'Warning',
  };
  it('basic event (what kubectl shows without -o wide)', () => {
    const e = {
      metadata: { name: 'event1' },
      source: { component: 'kubelet' },
      involvedObject: { kind: 'Pod', name: 'Pod Name', fieldPath: 'spec.containers{foo}' },
      reason: 'Event Reason',
      message: 'Message Data',
      firstTimestamp: ago(3 * d),
      lastTimestamp: ago(2 * d),
      count: 6,
      type: 'Normal',
    };
    assert.deepEqual(narrow(events, e).slice(0, 4), ['2d', 'Normal', 'Event Reason', 'pod/Pod Name']);
    // Columns: Last Seen, Type, Reason, Object, Subobject, Source, Message, First Seen, Count, Name.
    assert.deepEqual(cells(events, e), [
      '2d',
      'Normal',
      'Event Reason',
      'pod/Pod Name',
      'spec.containers{foo}',
      'kubelet',
      'Message Data',
      '3d',
      6,
      'event1',
    ]);
  });
  const wide: [string, ApiObject, unknown[]][] = [
    [
      'wide with host',
      { ...base, metadata: { name: 'event2' }, source: { component: 'kubelet', host: 'Node1' }, firstTimestamp: ago(3 * d), lastTimestamp: ago(2 * d), count: 6 },
      ['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 6, 'event2'],
    ],
    [
      'without firstTimestamp: eventTime',
      { ...base, metadata: { name: 'event3' }, source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(3 * d) + '', lastTimestamp: ago(3 * d), count: 1 },
      ['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event3'],
    ],
    [
      'without lastTimestamp: the first seen',
      { ...base, metadata: { name: 'event4' }, source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(3 * d), firstTimestamp: ago(3 * d), count: 1 },
      ['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event4'],
    ],
    [
      'series: last observed time and count',
      {
        ...base,
        metadata: { name: 'event6' },
        source: { component: 'kubelet', host: 'Node1' },
        series: { count: 2, lastObservedTime: '2025-05-30T12:00:00.000000Z' },
        eventTime: '2025-05-29T12:00:00.000000Z',
      },
      ['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 2, 'event6'],
    ],
    [
      'singleton of the new API: count 1',
      { ...base, metadata: { name: 'event7' }, source: { component: 'kubelet', host: 'Node1' }, eventTime: '2025-05-29T12:00:00.000000Z' },
      ['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event7'],
    ],
    [
      'empty source: reporting controller and instance',
      { ...base, metadata: { name: 'event2' }, reportingComponent: 'kubelet', reportingInstance: 'test', firstTimestamp: ago(3 * d), lastTimestamp: ago(2 * d), count: 6 },
      ['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, test', 'Message Data', '3d', 6, 'event2'],
    ],
  ];
  for (const [name, e, want] of wide) {
    it(name, () => assert.deepEqual(cells(events, e), want));
  }
  it('reads events.k8s.io/v1 objects too', () => {
    assert.deepEqual(
      cells(events, {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name: 'web.17f0' },
        eventTime: '2025-06-01T11:55:00.000000Z',
        reportingController: 'default-scheduler',
        reportingInstance: 'default-scheduler-node1',
        action: 'Binding',
        reason: 'Scheduled',
        regarding: { kind: 'Pod', namespace: 'default', name: 'web' },
        note: 'Successfully assigned default/web to node1 ',
        type: 'Normal',
      }),
      ['5m', 'Normal', 'Scheduled', 'pod/web', '', 'default-scheduler, default-scheduler-node1', 'Successfully assigned default/web to node1', '5m', 1, 'web.17f0'],
    );
  });
  it('an object without a name prints just the kind', () => {
    assert.equal(cells(events, { involvedObject: { kind: 'Node' } })[3], 'node');
  });
});
