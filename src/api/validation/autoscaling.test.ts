import { describe } from 'node:test';
import { validateHorizontalPodAutoscaler } from './autoscaling.ts';
import { type Obj, mutate, runCases, storedMeta } from './testing.ts';

const spec = (o: Obj) => o.spec as Obj;
const segmentMsg = "may not contain '/'";

describe('HorizontalPodAutoscaler autoscaling/v2', () => {
  const hpa: Obj = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    },
  };
  const stored = mutate(hpa, (o) => (o.metadata = storedMeta('web', 'default')));
  const metric = (m: Obj) => (o: Obj) => (spec(o).metrics = [m]);
  runCases(validateHorizontalPodAutoscaler, [
    { name: 'valid', object: hpa, want: [] },
    {
      name: 'scaleTargetRef kind and name required',
      object: mutate(hpa, (o) => (spec(o).scaleTargetRef = { apiVersion: 'apps/v1' })),
      want: ['spec.scaleTargetRef.kind: Required value', 'spec.scaleTargetRef.name: Required value'],
    },
    {
      name: 'scaleTargetRef name must be a path segment',
      object: mutate(hpa, (o) => ((spec(o).scaleTargetRef as Obj).name = 'a/b')),
      want: [`spec.scaleTargetRef.name: Invalid value: "a/b": ${segmentMsg}`],
    },
    {
      name: 'minReplicas at least 1',
      object: mutate(hpa, (o) => (spec(o).minReplicas = 0)),
      want: [
        'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
        'spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas',
      ],
    },
    {
      name: 'maxReplicas below minReplicas',
      object: mutate(hpa, (o) => Object.assign(spec(o), { minReplicas: 5, maxReplicas: 3 })),
      want: ['spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`'],
    },
    {
      name: 'maxReplicas 0',
      object: mutate(hpa, (o) => (spec(o).maxReplicas = 0)),
      want: ['spec.maxReplicas: Invalid value: 0: must be greater than 0', 'spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`'],
    },
    {
      name: 'unknown metric type',
      object: mutate(hpa, metric({ type: 'Queue' })),
      want: [
        'spec.metrics[0].type: Unsupported value: "Queue": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
        'spec.metrics[0].type: Unsupported value: "Queue": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
      ],
    },
    {
      name: 'metric source missing',
      object: mutate(hpa, metric({ type: 'Pods' })),
      want: ['spec.metrics[0].pods: Required value: must populate information for the given metric source'],
    },
    {
      name: 'two metric sources',
      object: mutate(hpa, metric({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } }, pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } })),
      want: ['spec.metrics[0].pods: Forbidden: must populate the given metric source only'],
    },
    {
      name: 'resource target',
      object: mutate(hpa, metric({ type: 'Resource', resource: { name: '', target: { type: 'Percent', averageUtilization: 0, averageValue: '-1' } } })),
      want: [
        'spec.metrics[0].resource.name: Required value: must specify a resource name',
        'spec.metrics[0].resource.target.type: Invalid value: "Percent": must be either Utilization, Value, or AverageValue',
        'spec.metrics[0].resource.target.averageValue: Invalid value: resource.Quantity{i:resource.int64Amount{value:-1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"-1", Format:"DecimalSI"}: must be positive',
        'spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
        'spec.metrics[0].resource.target.averageValue: Forbidden: may not set both a target raw value and a target utilization',
      ],
    },
    {
      name: 'resource target without a value',
      object: mutate(hpa, metric({ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization' } } })),
      want: ['spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization'],
    },
    {
      name: 'pods metric',
      object: mutate(hpa, metric({ type: 'Pods', pods: { metric: { name: '' }, target: { type: 'Value', value: '5' } } })),
      want: ['spec.metrics[0].pods.metric.name: Required value: must specify a metric name', 'spec.metrics[0].pods.target.averageValue: Required value: must specify a positive target averageValue'],
    },
    {
      name: 'object metric',
      object: mutate(hpa, metric({ type: 'Object', object: { describedObject: { kind: 'Service' }, metric: { name: 'rps' }, target: { type: 'Value' } } })),
      want: ['spec.metrics[0].object.describedObject.name: Required value', 'spec.metrics[0].object.target.averageValue: Required value: must set either a target value or averageValue'],
    },
    {
      name: 'external metric with both targets',
      object: mutate(hpa, metric({ type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '1', averageValue: '2' } } })),
      want: ['spec.metrics[0].external.target.value: Forbidden: may not set both a target value for metric and a per-pod target'],
    },
    {
      name: 'container resource metric',
      object: mutate(hpa, metric({ type: 'ContainerResource', containerResource: { name: 'pods', container: 'App', target: { type: 'Utilization', averageUtilization: 60 } } })),
      want: [
        'spec.metrics[0].containerResource.name: Invalid value: "pods": must be a standard resource for containers',
        'spec.metrics[0].containerResource.container: Invalid value: "App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
      ],
    },
    {
      name: 'behavior',
      object: mutate(hpa, (o) => {
        spec(o).behavior = {
          scaleUp: { stabilizationWindowSeconds: 4000, selectPolicy: 'Avg', policies: [{ type: 'Nodes', value: 0, periodSeconds: 2000 }] },
          scaleDown: { stabilizationWindowSeconds: -1, policies: [] },
        };
      }),
      want: [
        'spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal to 3600',
        'spec.behavior.scaleUp.selectPolicy: Unsupported value: "Avg": supported values: "Disabled", "Max", "Min"',
        'spec.behavior.scaleUp.policies[0].type: Unsupported value: "Nodes": supported values: "Percent", "Pods"',
        'spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero',
        'spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 2000: must be less than or equal to 1800',
        'spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: -1: must be greater than or equal to zero',
        'spec.behavior.scaleDown.policies: Required value: must specify at least one Policy',
      ],
    },
    {
      name: 'update: minReplicas 0 is kept when already stored',
      object: mutate(stored, (o) => Object.assign(spec(o), { minReplicas: 0, maxReplicas: 4, metrics: [{ type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '30' } } }] })),
      old: mutate(stored, (o) => Object.assign(spec(o), { minReplicas: 0, metrics: [{ type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '30' } } }] })),
      want: [],
    },
  ]);
});

describe('HorizontalPodAutoscaler autoscaling/v1', () => {
  const hpa: Obj = {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 80 },
  };
  runCases(validateHorizontalPodAutoscaler, [
    { name: 'valid', object: hpa, want: [] },
    {
      name: 'targetCPUUtilizationPercentage below 1 (reported at the converted path)',
      object: mutate(hpa, (o) => (spec(o).targetCPUUtilizationPercentage = 0)),
      want: ['spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0'],
    },
    {
      name: 'minReplicas and maxReplicas',
      object: mutate(hpa, (o) => Object.assign(spec(o), { minReplicas: 3, maxReplicas: 2 })),
      want: ['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`'],
    },
    {
      name: 'scaleTargetRef',
      object: mutate(hpa, (o) => (spec(o).scaleTargetRef = { kind: 'Deployment' })),
      want: ['spec.scaleTargetRef.name: Required value'],
    },
  ]);
});
