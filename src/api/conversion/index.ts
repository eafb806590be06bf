/**
 * Conversions between the API versions of one kind, on plain JSON objects, following
 * upstream's conversion functions (pkg/apis/<group>/<version>/conversion.go and the
 * generated ones). Objects are stored in one version per kind, the hub: every other
 * version converts to and from it, so any two versions convert through the hub.
 *
 * Served again for old clients and tutorials (hub in brackets):
 * - extensions/v1beta1 Deployment, ReplicaSet, DaemonSet [apps/v1], Ingress, NetworkPolicy
 *   [networking.k8s.io/v1], Scale [autoscaling/v1];
 * - apps/v1beta1 Deployment, StatefulSet, ControllerRevision [apps/v1], Scale;
 * - apps/v1beta2 Deployment, ReplicaSet, DaemonSet, StatefulSet, ControllerRevision
 *   [apps/v1], Scale;
 * - batch/v1beta1 CronJob [batch/v1];
 * - autoscaling/v1 HorizontalPodAutoscaler [autoscaling/v2];
 * - events.k8s.io/v1 Event [core v1].
 * `XList` kinds convert item by item.
 *
 * Input and output are objects as clients send them or storage holds them; the results are
 * not normalized (absent zero values stay absent): pass them through `normalize` for Go's
 * exact output. Defaulting is not done here either: upstream defaults an object in the
 * version it arrives in before converting it (`applyDefaults` in src/api/defaults/).
 *
 * Upstream converts every version, the storage one included, through an internal type, and
 * a few Go artifacts of that trip are left to defaulting and the strategies rather than
 * done here, because kubets does not convert an object read or written in its own version:
 * a nil rollingUpdate maxUnavailable/maxSurge or StatefulSet partition becoming 0, apps/v1
 * DaemonSets always carrying `deprecated.daemonset.template.generation`, StatefulSet volume
 * claim templates getting `apiVersion: v1, kind: PersistentVolumeClaim` (done here for
 * apps/v1beta1 only, whose schema differs anyway), and autoscaling/v2 dropping the
 * `autoscaling.alpha.kubernetes.io/*` annotations (`hpaRoundTripAnnotations`).
 */
import { resources } from '../resources.ts';
import { daemonSetFromV1, daemonSetToV1, deploymentFromV1, deploymentToV1, statefulSetV1beta1ToV1, statefulSetV1ToV1beta1 } from './apps.ts';
import { eventFromCore, eventToCore } from './events.ts';
import { hpaFromV1, hpaToV1 } from './hpa.ts';
import { ingressFromV1, ingressToV1 } from './ingress.ts';
import { scaleFromV1, scaleToV1 } from './scale.ts';
import { clone, ConversionError, isObject, type JsonObject } from './util.ts';

export { ConversionError } from './util.ts';
/** The annotations that carry fields across versions, for strategies that maintain them. */
export { rollbackToAnnotation, templateGenerationAnnotation } from './apps.ts';
export {
  behaviorSpecsAnnotation,
  conditionsAnnotation,
  metricSpecsAnnotation,
  metricStatusesAnnotation,
  roundTripAnnotations as hpaRoundTripAnnotations,
} from './hpa.ts';

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

type Convert = (object: JsonObject) => JsonObject;

interface Spoke {
  readonly from: GroupVersionKind;
  readonly hub: GroupVersionKind;
  /** An object of `from` in the hub version: a new object, the argument is left alone. */
  readonly toHub: Convert;
  /** An object of the hub version in `from`: a new object, the argument is left alone. */
  readonly fromHub: Convert;
}

const gvk = (group: string, version: string, kind: string): GroupVersionKind => ({ group, version, kind });
const identity: Convert = (o) => clone(o);
const same = { toHub: identity, fromHub: identity };

const spokes: readonly Spoke[] = [
  // extensions/v1beta1
  { from: gvk('extensions', 'v1beta1', 'Deployment'), hub: gvk('apps', 'v1', 'Deployment'), toHub: deploymentToV1, fromHub: deploymentFromV1 },
  { from: gvk('extensions', 'v1beta1', 'ReplicaSet'), hub: gvk('apps', 'v1', 'ReplicaSet'), ...same },
  { from: gvk('extensions', 'v1beta1', 'DaemonSet'), hub: gvk('apps', 'v1', 'DaemonSet'), toHub: daemonSetToV1, fromHub: daemonSetFromV1 },
  { from: gvk('extensions', 'v1beta1', 'Ingress'), hub: gvk('networking.k8s.io', 'v1', 'Ingress'), toHub: ingressToV1, fromHub: ingressFromV1 },
  { from: gvk('extensions', 'v1beta1', 'NetworkPolicy'), hub: gvk('networking.k8s.io', 'v1', 'NetworkPolicy'), ...same },
  { from: gvk('extensions', 'v1beta1', 'Scale'), hub: gvk('autoscaling', 'v1', 'Scale'), toHub: scaleToV1, fromHub: scaleFromV1 },
  // apps/v1beta1
  { from: gvk('apps', 'v1beta1', 'Deployment'), hub: gvk('apps', 'v1', 'Deployment'), toHub: deploymentToV1, fromHub: deploymentFromV1 },
  { from: gvk('apps', 'v1beta1', 'StatefulSet'), hub: gvk('apps', 'v1', 'StatefulSet'), toHub: statefulSetV1beta1ToV1, fromHub: statefulSetV1ToV1beta1 },
  { from: gvk('apps', 'v1beta1', 'ControllerRevision'), hub: gvk('apps', 'v1', 'ControllerRevision'), ...same },
  { from: gvk('apps', 'v1beta1', 'Scale'), hub: gvk('autoscaling', 'v1', 'Scale'), toHub: scaleToV1, fromHub: scaleFromV1 },
  // apps/v1beta2: the same fields as apps/v1
  ...['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ControllerRevision'].map((kind) => ({
    from: gvk('apps', 'v1beta2', kind),
    hub: gvk('apps', 'v1', kind),
    ...same,
  })),
  { from: gvk('apps', 'v1beta2', 'Scale'), hub: gvk('autoscaling', 'v1', 'Scale'), toHub: scaleToV1, fromHub: scaleFromV1 },
  // batch/v1beta1: the same fields as batch/v1
  { from: gvk('batch', 'v1beta1', 'CronJob'), hub: gvk('batch', 'v1', 'CronJob'), ...same },
  // autoscaling/v1
  { from: gvk('autoscaling', 'v1', 'HorizontalPodAutoscaler'), hub: gvk('autoscaling', 'v2', 'HorizontalPodAutoscaler'), toHub: hpaFromV1, fromHub: hpaToV1 },
  // events.k8s.io/v1
  { from: gvk('events.k8s.io', 'v1', 'Event'), hub: gvk('', 'v1', 'Event'), toHub: eventToCore, fromHub: eventFromCore },
];

const key = (g: GroupVersionKind) => `${g.group}/${g.version}/${g.kind}`;
const spokesByKey = new Map(spokes.map((s) => [key(s.from), s]));
const hubsByKey = new Map(spokes.map((s) => [key(s.hub), s.hub]));
const hubByGroupKind = new Map<string, GroupVersionKind>();
for (const s of spokes) {
  hubByGroupKind.set(`${s.from.group}/${s.from.kind}`, s.hub);
  hubByGroupKind.set(`${s.hub.group}/${s.hub.kind}`, s.hub);
}

/** `apps/v1` -> { group: 'apps', version: 'v1' }; `v1` -> core. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return { group: '', version: apiVersion };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** { group: 'apps', version: 'v1' } -> `apps/v1`; core -> `v1`. */
export function formatApiVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

const describe = (g: GroupVersionKind) => `${formatApiVersion(g.group, g.version)}, Kind=${g.kind}`;

/**
 * The version objects of this group and kind are stored in, e.g. ('extensions', 'Ingress')
 * -> networking.k8s.io/v1 Ingress, ('events.k8s.io', 'Event') -> v1 Event. Kinds without
 * another version are stored as the resource table says. Throws a ConversionError for a
 * kind it does not know.
 */
export function storageVersionOf(group: string, kind: string): { apiVersion: string; kind: string } {
  const hub = hubByGroupKind.get(`${group}/${kind}`);
  if (hub) return { apiVersion: formatApiVersion(hub.group, hub.version), kind: hub.kind };
  const resource = resources.find((r) => r.group === group && r.kind === kind);
  if (resource) return { apiVersion: formatApiVersion(group, resource.storageVersion), kind };
  throw new ConversionError(`no storage version is known for kind ${JSON.stringify(kind)} in group ${JSON.stringify(group)}`);
}

/** Every version pair `convert` supports besides identity: each spoke and its hub. */
export function supportedConversions(): readonly { readonly from: GroupVersionKind; readonly hub: GroupVersionKind }[] {
  return spokes.map(({ from, hub }) => ({ from, hub }));
}

/** The hub for a group version kind: itself when it is one, the spoke's hub, or undefined. */
function hubOf(g: GroupVersionKind): GroupVersionKind | undefined {
  return hubsByKey.get(key(g)) ?? spokesByKey.get(key(g))?.hub;
}

/** The hub two versions share; throws when they have none (an unsupported pair). */
function sharedHub(from: GroupVersionKind, to: GroupVersionKind): GroupVersionKind {
  const fromHub = hubOf(from);
  const toHub = hubOf(to);
  if (!fromHub || !toHub || key(fromHub) !== key(toHub)) {
    throw new ConversionError(`no conversion from ${describe(from)} to ${formatApiVersion(to.group, to.version)}`);
  }
  return fromHub;
}

function convertOne(object: JsonObject, from: GroupVersionKind, to: GroupVersionKind): JsonObject {
  const hubGVK = sharedHub(from, to);
  const hub = withTypeMeta(key(from) === key(hubGVK) ? clone(object) : spokesByKey.get(key(from))!.toHub(object), hubGVK);
  const out = key(to) === key(hubGVK) ? hub : spokesByKey.get(key(to))!.fromHub(hub);
  return withTypeMeta(out, to);
}

function withTypeMeta(object: JsonObject, g: GroupVersionKind): JsonObject {
  object.apiVersion = formatApiVersion(g.group, g.version);
  object.kind = g.kind;
  return object;
}

/**
 * `object` (with its apiVersion and kind) in the version `toApiVersion`, as a new object:
 * the same version is an identity; versions with the same fields change only apiVersion;
 * others go through the storage version with upstream's conversion functions. Lists
 * (`DeploymentList`, ...) convert their items. Throws a ConversionError for a pair it cannot
 * convert or a value upstream's conversion rejects.
 */
export function convert(object: Record<string, unknown>, toApiVersion: string): Record<string, unknown> {
  if (!isObject(object)) throw new ConversionError('convert: expected an object');
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
    throw new ConversionError('convert: the object has no apiVersion and kind');
  }
  if (apiVersion === toApiVersion) return clone(object);
  const src = parseApiVersion(apiVersion);
  const dst = parseApiVersion(toApiVersion);
  if (dst.version === '') throw new ConversionError(`convert: invalid apiVersion ${JSON.stringify(toApiVersion)}`);

  const itemKind = kind.endsWith('List') ? kind.slice(0, -'List'.length) : undefined;
  if (itemKind !== undefined && !hubOf(gvk(src.group, src.version, kind)) && hubOf(gvk(src.group, src.version, itemKind))) {
    const from = gvk(src.group, src.version, itemKind);
    const to = gvk(dst.group, dst.version, itemKind);
    sharedHub(from, to);
    const out = clone(object);
    if (Array.isArray(object.items)) {
      out.items = object.items.map((item: unknown) => {
        if (!isObject(item)) return item;
        const converted = convertOne(item, from, to);
        // Items of a typed list carry no TypeMeta of their own: keep them as they came.
        if (!('apiVersion' in item)) delete converted.apiVersion;
        if (!('kind' in item)) delete converted.kind;
        return converted;
      });
    }
    return withTypeMeta(out, gvk(dst.group, dst.version, kind));
  }
  return convertOne(object, gvk(src.group, src.version, kind), gvk(dst.group, dst.version, kind));
}
