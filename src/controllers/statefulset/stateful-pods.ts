// A StatefulSet's pods and claims (upstream stateful_set_utils.go): pod <set>-<ordinal>
// with a stable hostname and the set's service as subdomain, and one claim per
// volumeClaimTemplate named <template>-<set>-<ordinal> mounted in place of the
// template's volume of that name.
import type { StatefulSet } from 'kubernetes-types/apps/v1.d.ts';
import type { PersistentVolumeClaim, Pod, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1.d.ts';
import { controllerRevisionHashLabel } from '../util/controller-revision.ts';
import { newControllerRef } from '../util/controller-ref.ts';
import { podFromTemplate } from '../util/pod-template.ts';

export const podNameLabel = 'statefulset.kubernetes.io/pod-name';
export const podIndexLabel = 'apps.kubernetes.io/pod-index';

/** The set a pod name belongs to and its ordinal; ordinal -1 when the name has none. */
export function parentAndOrdinal(pod: Pod): { parent: string; ordinal: number } {
  const m = /^(.*)-([0-9]+)$/.exec(pod.metadata?.name ?? '');
  if (!m || m[2]!.length > 9) return { parent: '', ordinal: -1 };
  return { parent: m[1]!, ordinal: Number(m[2]) };
}

export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentAndOrdinal(pod).parent === set.metadata?.name;
}

export function claimName(set: StatefulSet, templateName: string, ordinal: number): string {
  return `${templateName}-${set.metadata!.name}-${ordinal}`;
}

/** The claims the pod of this ordinal uses, by template (volume) name. */
export function claimsFor(set: StatefulSet, ordinal: number): Map<string, PersistentVolumeClaim> {
  const out = new Map<string, PersistentVolumeClaim>();
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const templateName = t.metadata?.name ?? '';
    const labels = { ...(t.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
    out.set(templateName, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName(set, templateName, ordinal),
        namespace: set.metadata!.namespace!,
        ...(Object.keys(labels).length > 0 ? { labels } : {}),
        ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      },
      spec: structuredClone(t.spec ?? {}),
    });
  }
  return out;
}

/** The pod of `ordinal` made from `template` (a revision's), labelled with `revision`. */
export function newStatefulPod(set: StatefulSet, template: PodTemplateSpec, revision: string, ordinal: number): Pod {
  const name = `${set.metadata!.name}-${ordinal}`;
  const pod = podFromTemplate(template, set.metadata!.namespace!, newControllerRef(set, 'apps/v1', 'StatefulSet'), '');
  delete pod.metadata!.generateName;
  pod.metadata!.name = name;
  pod.metadata!.labels = { ...(pod.metadata!.labels ?? {}), [podNameLabel]: name, [podIndexLabel]: String(ordinal), [controllerRevisionHashLabel]: revision };
  const spec = pod.spec!;
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  const claims = claimsFor(set, ordinal);
  const volumes: Volume[] = [];
  for (const [volumeName, claim] of claims) volumes.push({ name: volumeName, persistentVolumeClaim: { claimName: claim.metadata!.name! } });
  for (const v of spec.volumes ?? []) if (!claims.has(v.name)) volumes.push(v);
  if (volumes.length > 0) spec.volumes = volumes;
  return pod;
}

/** Upstream identityMatches: name, namespace and the pod-name label of this set and ordinal. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod);
  return ordinal >= 0 && parent === set.metadata?.name && pod.metadata?.namespace === set.metadata?.namespace && pod.metadata?.labels?.[podNameLabel] === pod.metadata?.name;
}

export function revisionOf(pod: Pod): string | undefined {
  return pod.metadata?.labels?.[controllerRevisionHashLabel];
}

export function isTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp;
}
