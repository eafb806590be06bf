// The control loops `kubets server` runs beside the API: the controller manager and the
// scheduler, each leader-elected on its own Lease in kube-system as upstream, so that
// several servers on one etcd run one of each. They reach the API only through the
// client (in `kubets server`, over an in-memory connection to the server's own request
// pipeline), and share one set of informers: one watch and one cache per resource.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { realClock, type Clock } from '../apimachinery/clock.ts';
import { Clientset } from '../client/clientset.ts';
import type { ClientConfig } from '../client/config.ts';
import { EventRecorder } from '../client/events.ts';
import { InformerFactory } from '../client/informer-factory.ts';
import { stripManagedFields } from '../client/informer.ts';
import { LeaderElector } from '../client/leader-election.ts';
import { aborted, type ControllerContext } from '../controllers/controller.ts';
import { buildControllers, runControllers, type ControllerManagerOptions } from '../controllers/manager.ts';
import { Scheduler, type SchedulerOptions } from '../scheduler/scheduler.ts';

export interface ControlPlaneOptions {
  /** How to reach the API server (the admin identity for now; RBAC gives each loop its own later). */
  readonly client: ClientConfig;
  readonly clock?: Clock;
  readonly controllers?: ControllerManagerOptions;
  readonly scheduler?: SchedulerOptions;
  /** Which loops to run (default both): `kubets scheduler` runs only the scheduler. */
  readonly components?: ReadonlyArray<ComponentName>;
  /** Leader election timings (upstream: 15 s lease, 10 s renew deadline, 2 s retry). */
  readonly leaseDurationMs?: number;
  readonly renewDeadlineMs?: number;
  readonly retryPeriodMs?: number;
  readonly log?: (message: string) => void;
}

export type ComponentName = 'kube-controller-manager' | 'kube-scheduler';

interface Component {
  readonly lease: ComponentName;
  readonly userAgent: string;
  run(ctx: ControllerContext, signal: AbortSignal): Promise<void>;
}

export class ControlPlane {
  private readonly electors: LeaderElector[] = [];
  private readonly clientsets: Clientset[] = [];
  /** The informers every leading component shares (each term takes a scope of them). */
  private readonly informers: InformerFactory;

  private constructor(options: ControlPlaneOptions) {
    const clientset = new Clientset({ ...options.client, userAgent: 'kubets-control-plane' });
    this.clientsets.push(clientset);
    // As upstream's controller manager and scheduler: cached objects without managedFields.
    this.informers = new InformerFactory(clientset, { clock: options.clock ?? realClock, transform: stripManagedFields });
  }

  static start(options: ControlPlaneOptions): ControlPlane {
    const plane = new ControlPlane(options);
    const components: Component[] = [
      {
        lease: 'kube-controller-manager',
        userAgent: 'kube-controller-manager',
        run: (ctx, signal) => runControllers(ctx, buildControllers(ctx, options.controllers), signal),
      },
      {
        lease: 'kube-scheduler',
        userAgent: 'kube-scheduler',
        run: async (ctx, signal) => {
          const scheduler = new Scheduler(ctx, options.scheduler);
          ctx.informers.start();
          await Promise.race([ctx.informers.waitForSync(), aborted(signal)]);
          if (signal.aborted) return;
          ctx.log('scheduler started');
          await scheduler.run(signal);
        },
      },
    ];
    const wanted = new Set(options.components ?? components.map((c) => c.lease));
    for (const component of components) if (wanted.has(component.lease)) plane.campaign(component, options);
    return plane;
  }

  private campaign(component: Component, options: ControlPlaneOptions): void {
    const clock = options.clock ?? realClock;
    const log = options.log ?? (() => {});
    const clientset = new Clientset({ ...options.client, userAgent: component.userAgent });
    this.clientsets.push(clientset);
    const identity = `${hostname()}_${randomBytes(8).toString('hex')}`;
    const elector = new LeaderElector(clientset, {
      name: component.lease,
      identity,
      clock,
      ...(options.leaseDurationMs ? { leaseDurationMs: options.leaseDurationMs } : {}),
      ...(options.renewDeadlineMs ? { renewDeadlineMs: options.renewDeadlineMs } : {}),
      ...(options.retryPeriodMs ? { retryPeriodMs: options.retryPeriodMs } : {}),
      onStartedLeading: async (signal) => {
        log(`${component.lease}: leading as ${identity}`);
        // This term's view of the shared informers: its handlers leave with it, and the
        // informers stop once no component leads, so a lost lease leaves nothing behind.
        const informers = this.informers.scope();
        const recorders = new Map<string, EventRecorder>();
        const ctx: ControllerContext = {
          clientset,
          informers,
          clock,
          log,
          recorder: (name) => {
            let recorder = recorders.get(name);
            if (!recorder) recorders.set(name, (recorder = new EventRecorder(clientset, { component: name, clock })));
            return recorder;
          },
        };
        try {
          await component.run(ctx, signal);
        } finally {
          await informers.stop();
          await Promise.all([...recorders.values()].map((r) => r.flush()));
        }
      },
      onStoppedLeading: () => log(this.stopping ? `${component.lease}: stopped` : `${component.lease}: lost the lease`),
    });
    this.electors.push(elector.start());
  }

  private stopping = false;

  /** Stops every loop and gives the leases up. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.electors.map((e) => e.stop()));
    for (const clientset of this.clientsets) clientset.close();
  }
}

/**
 * `kubets scheduler` and `kubets controller-manager`: one loop as its own process against
 * any cluster (as upstream's separate binaries), until SIGINT or SIGTERM.
 */
export async function runComponent(component: ComponentName, kubeconfigPath: string | undefined): Promise<number> {
  const startedAt = performance.now();
  const log = (message: string) => console.log(`[${((performance.now() - startedAt) / 1000).toFixed(3)}s] ${message}`);
  const { defaultKubeconfigPath, loadKubeconfig } = await import('../client/config.ts');
  const path = kubeconfigPath ?? defaultKubeconfigPath();
  let client: ClientConfig;
  try {
    client = await loadKubeconfig(path);
  } catch (error) {
    console.error(`kubets: cannot load the kubeconfig ${path}: ${(error as Error).message}`);
    return 1;
  }
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log(`${component} against ${client.server}`);
  const plane = ControlPlane.start({ client, components: [component], log });
  const signal = await stopSignal;
  log(`${signal}: stopping`);
  await plane.stop();
  return 0;
}
