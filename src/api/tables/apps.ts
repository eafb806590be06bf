/**
 * Tables of the apps group: deployments, replica sets, daemon sets, stateful sets and
 * controller revisions, as upstream's printers fill them.
 */
import {
  ageColumn,
  ageOf,
  col,
  containerCells,
  controllerOf,
  def,
  formatLabelSelector,
  formatLabels,
  labelSelectorString,
  nameColumn,
  nameOf,
  num,
  numOrUndef,
  obj,
  str,
} from './util.ts';

const containersColumn = col('Containers', 'string', 'Names of the containers in the pod template.', 1);
const imagesColumn = col('Images', 'string', 'Images of the containers in the pod template.', 1);
const selectorColumn = col('Selector', 'string', 'Label selector of the pods the controller manages.', 1);

/** spec.replicas, which apps/v1 defaults to 1 when decoding an object without it. */
const desiredReplicas = (spec: Record<string, unknown>): number => numOrUndef(spec.replicas) ?? 1;

export const deployments = def(
  [
    nameColumn,
    col('Ready', 'string', 'Ready pods of the desired number.'),
    col('Up-to-date', 'string', 'Pods that run the latest pod template.'),
    col('Available', 'string', 'Pods that have been ready for at least minReadySeconds.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const status = obj(o.status);
    return [
      nameOf(o),
      `${num(status.readyReplicas)}/${desiredReplicas(spec)}`,
      num(status.updatedReplicas),
      num(status.availableReplicas),
      ageOf(o, now),
      ...containerCells(obj(spec.template).spec),
      // Unlike the other printers, an empty selector prints as "" here.
      labelSelectorString(spec.selector) ?? '<invalid>',
    ];
  },
);

export const replicaSets = def(
  [
    nameColumn,
    col('Desired', 'integer', 'Number of pods asked for.'),
    col('Current', 'integer', 'Number of pods that exist.'),
    col('Ready', 'integer', 'Number of pods that are ready.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const status = obj(o.status);
    return [
      nameOf(o),
      desiredReplicas(spec),
      num(status.replicas),
      num(status.readyReplicas),
      ageOf(o, now),
      ...containerCells(obj(spec.template).spec),
      formatLabelSelector(spec.selector),
    ];
  },
);

export const daemonSets = def(
  [
    nameColumn,
    col('Desired', 'integer', 'Number of nodes that should run the daemon pod.'),
    col('Current', 'integer', 'Number of nodes that run at least one daemon pod.'),
    col('Ready', 'integer', 'Number of nodes whose daemon pod is ready.'),
    col('Up-to-date', 'integer', 'Number of nodes that run the latest pod template.'),
    col('Available', 'integer', 'Number of nodes whose daemon pod is available.'),
    col('Node Selector', 'string', 'Node labels the pod template requires.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const status = obj(o.status);
    const podSpec = obj(obj(spec.template).spec);
    return [
      nameOf(o),
      num(status.desiredNumberScheduled),
      num(status.currentNumberScheduled),
      num(status.numberReady),
      num(status.updatedNumberScheduled),
      num(status.numberAvailable),
      formatLabels(podSpec.nodeSelector),
      ageOf(o, now),
      ...containerCells(podSpec),
      formatLabelSelector(spec.selector),
    ];
  },
);

export const statefulSets = def(
  [
    nameColumn,
    col('Ready', 'string', 'Ready pods of the desired number.'),
    ageColumn,
    containersColumn,
    imagesColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    return [
      nameOf(o),
      `${num(obj(o.status).readyReplicas)}/${desiredReplicas(spec)}`,
      ageOf(o, now),
      ...containerCells(obj(spec.template).spec),
    ];
  },
);

/** `kind.group/name` of a controller reference, in lower case (`formatResourceName`). */
function controllerName(ref: Record<string, unknown>): string {
  const apiVersion = str(ref.apiVersion);
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const kind = str(ref.kind);
  const groupKind = group === '' ? kind : `${kind}.${group}`;
  if (groupKind === '') return str(ref.name);
  return `${groupKind.toLowerCase()}/${str(ref.name)}`;
}

export const controllerRevisions = def(
  [
    nameColumn,
    col('Controller', 'string', 'The controller that owns the revision, as kind.group/name.'),
    col('Revision', 'string', 'Revision number of the state the object holds.'),
    ageColumn,
  ],
  (o, now) => {
    const ref = controllerOf(o);
    return [nameOf(o), ref === undefined ? '<none>' : controllerName(ref), num(o.revision), ageOf(o, now)];
  },
);
