// The HorizontalPodAutoscaler controller (upstream pkg/controller/podautoscaler): every
// sync period it reads the target's scale subresource, brings a replica count outside
// [minReplicas, maxReplicas] back inside at once, and otherwise asks the metrics for a
// count. No resource metrics API is served yet, so metric-driven scaling reports
// ScalingActive False (FailedGetResourceMetric) as a cluster without metrics-server
// does. Status carries currentReplicas, desiredReplicas, lastScaleTime and the
// AbleToScale/ScalingActive conditions; events are upstream's.
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition, HorizontalPodAutoscalerStatus, MetricSpec } from 'kubernetes-types/autoscaling/v2.d.ts';
import { isDeepStrictEqual } from 'node:util';
import { resources } from '../../api/resources.ts';
import { isNotFound } from '../../client/errors.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, splitKey } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { rfc3339 as timestamp } from '../../apimachinery/time.ts';

export interface HorizontalPodAutoscalerOptions {
  /** How often each autoscaler is reconciled (upstream --horizontal-pod-autoscaler-sync-period, 15 s). */
  readonly syncPeriodMs?: number;
}

interface Scale {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
  spec?: { replicas?: number };
  status?: { replicas?: number; selector?: string };
}

/** Why a metric could not be read: the resource metrics API (metrics.k8s.io) is not served. */
const noMetricsApi = 'unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';


/** Sets a condition, keeping its transition time when its status did not change (upstream setCondition). */
export function setCondition(status: HorizontalPodAutoscalerStatus, type: string, value: 'True' | 'False', reason: string, message: string, now: number): void {
  const conditions = [...(status.conditions ?? [])];
  const index = conditions.findIndex((c) => c.type === type);
  const old = index >= 0 ? conditions[index] : undefined;
  const next: HorizontalPodAutoscalerCondition = {
    type,
    status: value,
    lastTransitionTime: old && old.status === value ? old.lastTransitionTime : timestamp(now),
    reason,
    message,
  };
  if (index >= 0) conditions[index] = next;
  else conditions.push(next);
  status.conditions = conditions;
}

/** The error a metric fails with when no metrics API answers (upstream's wording, layer by layer). */
function metricError(metric: MetricSpec): { reason: string; error: string; wrapped: string } {
  switch (metric.type) {
    case 'Resource': {
      const name = metric.resource?.name ?? '';
      const inner = metric.resource?.target?.type === 'Utilization' ? `failed to get ${name} utilization: unable to get metrics for resource ${name}: ${noMetricsApi}` : `failed to get ${name} usage: unable to get metrics for resource ${name}: ${noMetricsApi}`;
      return { reason: 'FailedGetResourceMetric', error: inner, wrapped: `failed to get ${name} resource metric value: ${inner}` };
    }
    case 'ContainerResource': {
      const name = metric.containerResource?.name ?? '';
      const inner = `failed to get ${name} utilization: unable to get metrics for resource ${name}: ${noMetricsApi}`;
      return { reason: 'FailedGetContainerResourceMetric', error: inner, wrapped: `failed to get ${name} container metric value: ${inner}` };
    }
    case 'Pods': {
      const inner = `unable to get metric ${metric.pods?.metric?.name ?? ''}: no custom metrics API (custom.metrics.k8s.io) registered`;
      return { reason: 'FailedGetPodsMetric', error: inner, wrapped: `failed to get pods metric value: ${inner}` };
    }
    case 'Object': {
      const inner = `unable to get metric ${metric.object?.metric?.name ?? ''}: no custom metrics API (custom.metrics.k8s.io) registered`;
      return { reason: 'FailedGetObjectMetric', error: inner, wrapped: `failed to get object metric value: ${inner}` };
    }
    default: {
      const inner = `unable to get external metric ${metric.external?.metric?.name ?? ''}: no external metrics API (external.metrics.k8s.io) registered`;
      return { reason: 'FailedGetExternalMetric', error: inner, wrapped: `failed to get external metric value: ${inner}` };
    }
  }
}

export class HorizontalController implements Controller {
  readonly name = 'horizontal-pod-autoscaler-controller';
  private readonly ctx: ControllerContext;
  private readonly hpas: Informer<HorizontalPodAutoscaler>;
  private readonly client: ResourceClient<HorizontalPodAutoscaler>;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  private readonly syncPeriodMs: number;

  constructor(ctx: ControllerContext, options: HorizontalPodAutoscalerOptions = {}) {
    this.ctx = ctx;
    this.syncPeriodMs = options.syncPeriodMs ?? 15_000;
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.recorder = ctx.recorder('horizontal-pod-autoscaler');
    this.client = ctx.clientset.resource<HorizontalPodAutoscaler>('horizontalpodautoscalers', 'autoscaling');
    this.hpas = ctx.informers.informer<HorizontalPodAutoscaler>('horizontalpodautoscalers', 'autoscaling');
    // New autoscalers act at once; changes wait for the next period, as each sync schedules the next.
    this.hpas.addEventHandlers({
      onAdd: (hpa) => this.queue.add(keyOf(hpa)),
      onUpdate: (old, hpa) => {
        if (!isDeepStrictEqual(old.spec, hpa.spec)) this.queue.add(keyOf(hpa));
      },
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'horizontal-pod-autoscaler', this.queue, 5, (key) => this.sync(key), signal);
  }

  /** The scale subresource's client for a target reference, if the kind is served and scalable. */
  private scaleClient(apiVersion: string, kind: string): ResourceClient<HorizontalPodAutoscaler> | undefined {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    const def = resources.find((r) => r.group === group && r.kind === kind && r.versions.includes(version) && r.subresources.some((s) => s.name === 'scale'));
    return def ? this.ctx.clientset.resource(def.plural, def.group, version) : undefined;
  }

  private async sync(key: string): Promise<void> {
    const hpa = this.hpas.store.get(key);
    if (!hpa) return;
    try {
      await this.reconcile(hpa);
    } finally {
      // Every autoscaler is looked at again one period later, whatever happened.
      this.queue.addAfter(key, this.syncPeriodMs);
    }
  }

  private async reconcile(hpa: HorizontalPodAutoscaler): Promise<void> {
    const { namespace } = splitKey(keyOf(hpa));
    const now = this.ctx.clock.now();
    const ref = hpa.spec?.scaleTargetRef;
    const event = (type: 'Normal' | 'Warning', reason: string, message: string) =>
      this.recorder.event({ ...hpa, apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' }, type, reason, message);
    const status: HorizontalPodAutoscalerStatus = structuredClone(hpa.status ?? { desiredReplicas: 0 });
    status.desiredReplicas ??= 0;
    const reference = `${ref?.kind ?? ''}/${ref?.name ?? ''}`;

    const targetClient = ref ? this.scaleClient(ref.apiVersion ?? '', ref.kind) : undefined;
    let scale: Scale | undefined;
    let scaleError = targetClient ? '' : `no matches for kind "${ref?.kind ?? ''}" in group "${(ref?.apiVersion ?? '').split('/')[0] ?? ''}"`;
    if (targetClient && ref) {
      try {
        scale = await targetClient.getSubresource<Scale>(namespace, ref.name, 'scale');
      } catch (error) {
        scaleError = (error as Error).message;
      }
    }
    if (!scale || !targetClient || !ref) {
      event('Warning', 'FailedGetScale', scaleError);
      setCondition(status, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${scaleError}`, now);
      await this.writeStatus(hpa, status);
      throw new Error(`failed to query scale subresource for ${reference}: ${scaleError}`);
    }
    setCondition(status, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);

    const currentReplicas = scale.spec?.replicas ?? 0;
    const minReplicas = hpa.spec?.minReplicas ?? 1;
    const maxReplicas = hpa.spec?.maxReplicas ?? minReplicas;
    let desiredReplicas = 0;
    let rescaleReason = '';
    let metricsFailed = '';
    if (currentReplicas === 0 && minReplicas !== 0) {
      // Scaled to zero by hand: autoscaling is off until someone scales it up.
      setCondition(status, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
    } else if (currentReplicas > maxReplicas) {
      rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
      desiredReplicas = maxReplicas;
    } else if (currentReplicas < minReplicas) {
      rescaleReason = 'Current number of replicas below Spec.MinReplicas';
      desiredReplicas = minReplicas;
    } else {
      const metrics = hpa.spec?.metrics ?? [];
      if (metrics.length > 0) {
        // Every metric fails without a metrics API: the first failure is reported.
        const first = metricError(metrics[0]!);
        for (const metric of metrics) {
          const failure = metricError(metric);
          event('Warning', failure.reason, failure.error);
        }
        setCondition(status, 'ScalingActive', 'False', first.reason, `the HPA was unable to compute the replica count: ${first.error}`, now);
        metricsFailed = `invalid metrics (${metrics.length} invalid out of ${metrics.length}), first error is: ${first.wrapped}`;
      }
      desiredReplicas = currentReplicas;
    }

    if (metricsFailed) {
      status.currentReplicas = currentReplicas;
      await this.writeStatus(hpa, status);
      event('Warning', 'FailedComputeMetricsReplicas', metricsFailed);
      return;
    }

    if (rescaleReason && desiredReplicas !== currentReplicas) {
      try {
        await targetClient.replaceSubresource(namespace, ref.name, 'scale', { ...scale, spec: { ...scale.spec, replicas: desiredReplicas } });
      } catch (error) {
        const message = (error as Error).message;
        event('Warning', 'FailedRescale', `New size: ${desiredReplicas}; reason: ${rescaleReason}; error: ${message}`);
        setCondition(status, 'AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${message}`, now);
        await this.writeStatus(hpa, status);
        if (isNotFound(error)) return;
        throw error;
      }
      setCondition(status, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desiredReplicas}`, now);
      event('Normal', 'SuccessfulRescale', `New size: ${desiredReplicas}; reason: ${rescaleReason}`);
      status.lastScaleTime = timestamp(now);
    }
    // Upstream reports the target's spec replicas as they were when this sync began.
    status.currentReplicas = currentReplicas;
    status.desiredReplicas = desiredReplicas;
    await this.writeStatus(hpa, status);
  }

  private async writeStatus(hpa: HorizontalPodAutoscaler, status: HorizontalPodAutoscalerStatus): Promise<void> {
    if (isDeepStrictEqual(hpa.status, status)) return;
    try {
      await this.client.updateStatus({ ...hpa, status });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
