/**
 * Tables of the autoscaling group: horizontal pod autoscalers in either served shape
 * (autoscaling/v1 with `targetCPUUtilizationPercentage`, or v2 with `metrics`), and the
 * Scale subresource.
 *
 * Upstream prints from its internal (v2-like) type, so a v1 object is first converted
 * as upstream's conversion does: the CPU target becomes a Resource metric, and the
 * extra metrics kept in the `autoscaling.alpha.kubernetes.io/metrics` and
 * `.../current-metrics` annotations come before it.
 */
import {
  ageColumn,
  ageOf,
  col,
  def,
  has,
  nameColumn,
  nameOf,
  num,
  numOrUndef,
  obj,
  objOrUndef,
  objs,
  quantityPtr,
  str,
  type Json,
} from './util.ts';

/** An internal (v2-shaped) metric spec or status entry. */
type Metric = Json;

const metricSpecsAnnotation = 'autoscaling.alpha.kubernetes.io/metrics';
const metricStatusesAnnotation = 'autoscaling.alpha.kubernetes.io/current-metrics';

function parseAnnotationList(value: unknown): Json[] {
  if (typeof value !== 'string') return [];
  try {
    return objs(JSON.parse(value));
  } catch {
    return [];
  }
}

/** An autoscaling/v1 MetricSpec (the v2beta1 shape kept in annotations) in v2 form. */
function v1SpecToV2(m: Json): Metric {
  const type = str(m.type);
  const targetOf = (utilization: unknown, averageValue: unknown): Json => ({
    type: has(utilization) ? 'Utilization' : 'AverageValue',
    averageUtilization: utilization,
    averageValue,
  });
  switch (type) {
    case 'Resource': {
      const r = obj(m.resource);
      return { type, resource: { name: r.name, target: targetOf(r.targetAverageUtilization, r.targetAverageValue) } };
    }
    case 'ContainerResource': {
      const r = obj(m.containerResource);
      return {
        type,
        containerResource: {
          name: r.name,
          container: r.container,
          target: targetOf(r.targetAverageUtilization, r.targetAverageValue),
        },
      };
    }
    case 'Pods': {
      const p = obj(m.pods);
      return { type, pods: { target: { type: 'AverageValue', averageValue: p.targetAverageValue } } };
    }
    case 'Object': {
      const o = obj(m.object);
      return {
        type,
        object: {
          target: {
            type: has(o.averageValue) ? 'AverageValue' : 'Value',
            value: o.targetValue ?? '0',
            averageValue: o.averageValue,
          },
        },
      };
    }
    case 'External': {
      const e = obj(m.external);
      return {
        type,
        external: {
          target: {
            type: has(e.targetValue) ? 'Value' : 'AverageValue',
            value: e.targetValue,
            averageValue: e.targetAverageValue,
          },
        },
      };
    }
    default:
      return { type };
  }
}

/** An autoscaling/v1 MetricStatus (annotation shape) in v2 form. */
function v1StatusToV2(m: Json): Metric {
  const type = str(m.type);
  switch (type) {
    case 'Resource': {
      const r = obj(m.resource);
      return {
        type,
        resource: {
          name: r.name,
          current: { averageUtilization: r.currentAverageUtilization, averageValue: r.currentAverageValue },
        },
      };
    }
    case 'ContainerResource': {
      const r = obj(m.containerResource);
      return {
        type,
        containerResource: {
          name: r.name,
          container: r.container,
          current: { averageUtilization: r.currentAverageUtilization, averageValue: r.currentAverageValue },
        },
      };
    }
    case 'Pods':
      return { type, pods: { current: { averageValue: obj(m.pods).currentAverageValue } } };
    case 'Object': {
      const o = obj(m.object);
      return { type, object: { current: { value: o.currentValue, averageValue: o.averageValue } } };
    }
    case 'External': {
      const e = obj(m.external);
      return { type, external: { current: { value: e.currentValue, averageValue: e.currentAverageValue } } };
    }
    default:
      return { type };
  }
}

/** The metric specs and current statuses of an HPA of either version, in v2 form. */
export function hpaMetrics(hpa: Record<string, unknown>): { specs: Metric[]; statuses: Metric[] } {
  const spec = obj(hpa.spec);
  const status = obj(hpa.status);
  const apiVersion = str(hpa.apiVersion);
  const isV1 = apiVersion.startsWith('autoscaling/v1')
    ? true
    : apiVersion.startsWith('autoscaling/v2')
      ? false
      : 'targetCPUUtilizationPercentage' in spec || 'currentCPUUtilizationPercentage' in status;
  if (!isV1) return { specs: objs(spec.metrics), statuses: objs(status.currentMetrics) };
  const annotations = obj(obj(hpa.metadata).annotations);
  const specs: Metric[] = [];
  const statuses: Metric[] = [];
  const otherSpecs = metricSpecsAnnotation in annotations ? parseAnnotationList(annotations[metricSpecsAnnotation]) : [];
  specs.push(...otherSpecs.map(v1SpecToV2));
  const cpuTarget = numOrUndef(spec.targetCPUUtilizationPercentage);
  if (cpuTarget !== undefined) {
    specs.push({
      type: 'Resource',
      resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpuTarget } },
    });
  }
  const otherStatuses =
    metricStatusesAnnotation in annotations ? parseAnnotationList(annotations[metricStatusesAnnotation]) : [];
  statuses.push(...otherStatuses.map(v1StatusToV2));
  const cpuCurrent = numOrUndef(status.currentCPUUtilizationPercentage);
  if (cpuCurrent !== undefined) {
    statuses.push({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpuCurrent } } });
  }
  return { specs, statuses };
}

/** `current/target` of one resource-like metric (Resource or ContainerResource). */
function resourceTarget(source: Json, status: Json | undefined): string {
  const target = obj(source.target);
  const name = str(source.name);
  if (has(target.averageValue)) {
    const current = status === undefined ? '<unknown>' : quantityPtr(obj(status.current).averageValue);
    return `${name}: ${current}/${quantityPtr(target.averageValue)}`;
  }
  const utilization = status === undefined ? undefined : numOrUndef(obj(status.current).averageUtilization);
  const current = utilization === undefined ? '<unknown>' : `${utilization}%`;
  const want = numOrUndef(target.averageUtilization);
  return `${name}: ${current}/${want === undefined ? '<auto>' : `${want}%`}`;
}

/** The TARGETS cell (`formatHPAMetrics`): at most two metrics, then " + N more...". */
export function formatHpaMetrics(specs: Metric[], statuses: Metric[]): string {
  if (specs.length === 0) return '<none>';
  const list: string[] = [];
  specs.forEach((spec, i) => {
    const st = statuses[i];
    const statusOf = (field: string): Json | undefined => (st === undefined ? undefined : objOrUndef(st[field]));
    switch (spec.type) {
      case 'External': {
        const target = obj(obj(spec.external).target);
        const s = statusOf('external');
        if (has(target.averageValue)) {
          const current = s !== undefined && has(obj(s.current).averageValue) ? quantityPtr(obj(s.current).averageValue) : '<unknown>';
          list.push(`${current}/${quantityPtr(target.averageValue)} (avg)`);
        } else {
          const current = s === undefined ? '<unknown>' : quantityPtr(obj(s.current).value);
          list.push(`${current}/${quantityPtr(target.value)}`);
        }
        break;
      }
      case 'Pods': {
        const target = obj(obj(spec.pods).target);
        const s = statusOf('pods');
        const current = s === undefined ? '<unknown>' : quantityPtr(obj(s.current).averageValue);
        list.push(`${current}/${quantityPtr(target.averageValue)}`);
        break;
      }
      case 'Object': {
        const target = obj(obj(spec.object).target);
        const s = statusOf('object');
        if (has(target.averageValue)) {
          const current = s !== undefined && has(obj(s.current).averageValue) ? quantityPtr(obj(s.current).averageValue) : '<unknown>';
          list.push(`${current}/${quantityPtr(target.averageValue)} (avg)`);
        } else {
          const current = s === undefined ? '<unknown>' : quantityPtr(obj(s.current).value);
          list.push(`${current}/${quantityPtr(target.value)}`);
        }
        break;
      }
      case 'Resource':
        list.push(resourceTarget(obj(spec.resource), statusOf('resource')));
        break;
      case 'ContainerResource':
        list.push(resourceTarget(obj(spec.containerResource), statusOf('containerResource')));
        break;
      default:
        list.push('<unknown type>');
    }
  });
  const max = 2;
  if (list.length > max) return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
  return list.join(', ');
}

export const horizontalPodAutoscalers = def(
  [
    nameColumn,
    col('Reference', 'string', 'The scaled object, as Kind/name.'),
    col('Targets', 'string', 'Current and target values of the metrics the autoscaler follows.'),
    col('MinPods', 'string', 'Lower limit of the replica count.'),
    col('MaxPods', 'string', 'Upper limit of the replica count.'),
    col('Replicas', 'string', 'Replica count the autoscaler last saw.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const ref = obj(spec.scaleTargetRef);
    const { specs, statuses } = hpaMetrics(o);
    const min = numOrUndef(spec.minReplicas);
    return [
      nameOf(o),
      `${str(ref.kind)}/${str(ref.name)}`,
      formatHpaMetrics(specs, statuses),
      min === undefined ? '<unset>' : String(min),
      num(spec.maxReplicas),
      num(obj(o.status).currentReplicas),
      ageOf(o, now),
    ];
  },
);

/** The autoscaling/v1 Scale subresource (`kubectl get --subresource=scale`). */
export const scales = def(
  [
    col('Name', 'string', 'Name of the scaled object.'),
    col('Desired', 'integer', 'Replica count asked for.'),
    col('Available', 'integer', 'Replica count observed.'),
    ageColumn,
  ],
  (o, now) => [nameOf(o), num(obj(o.spec).replicas), num(obj(o.status).replicas), ageOf(o, now)],
);
