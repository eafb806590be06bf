// The controller manager: builds every control loop on one shared informer factory,
// starts and syncs the informers, then runs the loops until the signal aborts.
import type { Controller, ControllerContext } from './controller.ts';
import { CronJobController, type CronJobControllerOptions } from './cronjob/cronjob-controller.ts';
import { JobController, type JobControllerOptions } from './job/job-controller.ts';
import { TtlAfterFinishedController } from './job/ttl-after-finished-controller.ts';
import { NodeIpamController, type NodeIpamOptions } from './node-ipam/node-ipam-controller.ts';
import { NodeLifecycleController, type NodeLifecycleOptions } from './node-lifecycle/node-lifecycle-controller.ts';
import { TaintEvictionController } from './node-lifecycle/taint-eviction-controller.ts';
import { GarbageCollector } from './garbage-collector/garbage-collector.ts';
import { NamespaceController } from './namespace/namespace-controller.ts';
import { ServiceAccountsController } from './serviceaccount/serviceaccounts-controller.ts';
import { DaemonSetController } from './daemonset/daemonset-controller.ts';
import { EndpointsController } from './endpoints/endpoints-controller.ts';
import { EndpointSliceController } from './endpointslice/endpointslice-controller.ts';
import { EndpointSliceMirroringController } from './endpointslice/endpointslice-mirroring-controller.ts';
import { ResourceQuotaController } from './resourcequota/resource-quota-controller.ts';
import { HorizontalController } from './podautoscaler/horizontal-controller.ts';
import { StatefulSetController } from './statefulset/statefulset-controller.ts';
import { ReplicaSetController, ReplicationControllerController } from './replicaset/replica-set-controller.ts';
import { DeploymentController } from './deployment/deployment-controller.ts';

export interface ControllerManagerOptions {
  readonly nodeIpam?: NodeIpamOptions;
  readonly nodeLifecycle?: NodeLifecycleOptions;
  readonly job?: JobControllerOptions;
  readonly cronJob?: CronJobControllerOptions;
}

export function buildControllers(ctx: ControllerContext, options: ControllerManagerOptions = {}): Controller[] {
  return [new NodeIpamController(ctx, options.nodeIpam), new NodeLifecycleController(ctx, options.nodeLifecycle), new TaintEvictionController(ctx), new JobController(ctx, options.job), new TtlAfterFinishedController(ctx), new CronJobController(ctx, options.cronJob), new ReplicaSetController(ctx), new ReplicationControllerController(ctx), new DeploymentController(ctx), new NamespaceController(ctx), new GarbageCollector(ctx), new ServiceAccountsController(ctx), new DaemonSetController(ctx), new StatefulSetController(ctx), new EndpointsController(ctx), new EndpointSliceController(ctx), new EndpointSliceMirroringController(ctx), new ResourceQuotaController(ctx), new HorizontalController(ctx)];
}

/** Runs the controllers until the signal aborts; informers are the context's, started here. */
export async function runControllers(ctx: ControllerContext, controllers: readonly Controller[], signal: AbortSignal): Promise<void> {
  ctx.informers.start();
  await Promise.race([ctx.informers.waitForSync(), new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))]);
  if (signal.aborted) return;
  ctx.log(`controllers started: ${controllers.map((c) => c.name).join(', ')}`);
  await Promise.all(controllers.map((c) => c.run(signal).catch((error: unknown) => ctx.log(`${c.name} stopped: ${(error as Error).message}`))));
}
