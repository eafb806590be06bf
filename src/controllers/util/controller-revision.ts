// History for DaemonSets and StatefulSets (upstream controller/history and the
// controller-ref manager): each distinct pod template is kept as a ControllerRevision
// named <owner>-<hash> whose data is the strategic merge patch that restores it; the
// newest revision has the highest `revision`. Also the claiming of owned objects
// (pods, revisions): adopt matching orphans, release those that stopped matching.
import { isDeepStrictEqual } from 'node:util';
import type { ControllerRevision } from 'kubernetes-types/apps/v1.d.ts';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.d.ts';
import type { OwnerReference } from 'kubernetes-types/meta/v1.d.ts';
import { labelSelectorAsSelector, type LabelSelector, type Selector } from '../../apimachinery/labels.ts';
import { isAlreadyExists, isConflict, isNotFound } from '../../client/errors.ts';
import type { KubeObject, ResourceClient } from '../../client/resource-client.ts';
import { adoptPatch, controllerRefOf, releasePatch } from './controller-ref.ts';

/** The label that ties pods and revisions to a template (apps/v1 ControllerRevisionHashLabelKey). */
export const controllerRevisionHashLabel = 'controller-revision-hash';

/** What a revision stores: the patch that puts this template back (`$patch: replace`). */
export function revisionData(template: PodTemplateSpec | undefined): Record<string, unknown> {
  return { spec: { template: { ...(template ?? {}), $patch: 'replace' } } };
}

/** The template a revision restores. */
export function templateOfRevision(revision: ControllerRevision): PodTemplateSpec {
  const data = revision.data as { spec?: { template?: PodTemplateSpec & { $patch?: string } } } | undefined;
  const { $patch: _replace, ...template } = data?.spec?.template ?? {};
  return structuredClone(template);
}

const safeAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** fnv-1a (32 bit) of the data's JSON and the collision count, spelled as rand.SafeEncodeString does. */
export function hashRevisionData(data: unknown, collisionCount?: number): string {
  let hash = 0x811c9dc5;
  const add = (byte: number) => {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  };
  for (const byte of Buffer.from(JSON.stringify(data))) add(byte);
  if (collisionCount !== undefined) for (let i = 0; i < 4; i++) add((collisionCount >>> (8 * i)) & 0xff);
  let out = '';
  for (const ch of String(hash)) out += safeAlphabet[ch.charCodeAt(0) % safeAlphabet.length];
  return out;
}

export function sortRevisions(revisions: readonly ControllerRevision[]): ControllerRevision[] {
  return [...revisions].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

export function maxRevision(revisions: readonly ControllerRevision[]): number {
  let max = 0;
  for (const r of revisions) max = Math.max(max, r.revision ?? 0);
  return max;
}

export interface HistoryOwner extends KubeObject {
  spec?: { template?: PodTemplateSpec; revisionHistoryLimit?: number };
}

export interface EnsureRevisionResult {
  /** The revision of the owner's current template, newest of all. */
  readonly current: ControllerRevision;
  /** The other revisions the owner controls. */
  readonly old: ControllerRevision[];
  /** The collision count to store in the owner's status (raised when a name was taken). */
  readonly collisionCount: number | undefined;
}

/**
 * Finds the revision of the owner's template among `owned` (its claimed revisions) or
 * creates it, and makes it the newest: an older equal revision is renumbered (what a
 * rollback does), duplicates are deleted. A name already taken by a different
 * revision raises the collision count and tries the next name.
 */
export async function ensureCurrentRevision(
  client: ResourceClient<ControllerRevision>,
  owner: HistoryOwner,
  ownerRef: OwnerReference,
  owned: readonly ControllerRevision[],
  collisionCount: number | undefined,
): Promise<EnsureRevisionResult> {
  const data = revisionData(owner.spec?.template);
  const equal: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (const r of sortRevisions(owned)) (isDeepStrictEqual(r.data, data) ? equal : old).push(r);
  const next = maxRevision(old) + 1;
  const namespace = owner.metadata!.namespace!;
  if (equal.length > 0) {
    const keep = equal[equal.length - 1]!;
    for (const dup of equal.slice(0, -1)) await deleteIgnoringNotFound(client, namespace, dup);
    if ((keep.revision ?? 0) >= next) return { current: keep, old, collisionCount };
    const renumbered = await client.update({ ...structuredClone(keep), revision: next });
    return { current: renumbered, old, collisionCount };
  }
  for (;;) {
    const hash = hashRevisionData(data, collisionCount);
    const revision: ControllerRevision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${owner.metadata!.name!}-${hash}`,
        namespace,
        labels: { ...(owner.spec?.template?.metadata?.labels ?? {}), [controllerRevisionHashLabel]: hash },
        ...(owner.metadata?.annotations ? { annotations: { ...owner.metadata.annotations } } : {}),
        ownerReferences: [ownerRef],
      },
      data,
      revision: next,
    };
    try {
      return { current: await client.create(revision), old, collisionCount };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const existing = await client.get(namespace, revision.metadata!.name!);
      if (controllerRefOf(existing)?.uid === ownerRef.uid && isDeepStrictEqual(existing.data, data)) {
        if ((existing.revision ?? 0) >= next) return { current: existing, old, collisionCount };
        return { current: await client.update({ ...existing, revision: next }), old, collisionCount };
      }
      collisionCount = (collisionCount ?? 0) + 1;
    }
  }
}

/**
 * Deletes the oldest revisions beyond the owner's revisionHistoryLimit (default 10);
 * revisions in `live` (names still used by pods or the status) are kept.
 */
export async function truncateHistory(client: ResourceClient<ControllerRevision>, owner: HistoryOwner, old: readonly ControllerRevision[], live: ReadonlySet<string>): Promise<void> {
  const limit = owner.spec?.revisionHistoryLimit ?? 10;
  const removable = sortRevisions(old).filter((r) => !live.has(r.metadata!.name!));
  const excess = removable.length - limit;
  for (const r of removable.slice(0, Math.max(0, excess))) await deleteIgnoringNotFound(client, owner.metadata!.namespace!, r);
}

async function deleteIgnoringNotFound(client: ResourceClient<ControllerRevision>, namespace: string, r: ControllerRevision): Promise<void> {
  try {
    await client.delete(namespace, r.metadata!.name!, { preconditions: { uid: r.metadata!.uid! } });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** An owner's selector; undefined when it is empty (it would select everything) or invalid. */
export function ownerSelector(selector: LabelSelector | undefined): Selector | undefined {
  if (!selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)) return undefined;
  try {
    return labelSelectorAsSelector(selector);
  } catch {
    return undefined;
  }
}

/**
 * Upstream ClaimObjects: of `candidates` (same namespace), the objects the owner
 * controls and still selects, after adopting selected orphans and releasing objects
 * it controls that no longer match. A deleted owner adopts nothing and releases
 * nothing. `matches` may narrow the selector (a StatefulSet also checks pod names).
 */
export async function claimObjects<T extends KubeObject>(
  client: ResourceClient<T>,
  owner: KubeObject,
  ownerRef: OwnerReference,
  selector: Selector,
  candidates: readonly T[],
  matches: (object: T) => boolean = () => true,
): Promise<T[]> {
  const ownerUid = owner.metadata!.uid!;
  const ownerDeleting = !!owner.metadata?.deletionTimestamp;
  const claimed: T[] = [];
  for (const object of candidates) {
    const selected = selector.matches(object.metadata?.labels ?? {}) && matches(object);
    const ref = controllerRefOf(object);
    const namespace = object.metadata!.namespace;
    const name = object.metadata!.name!;
    try {
      if (ref) {
        if (ref.uid !== ownerUid) continue;
        if (selected || ownerDeleting) claimed.push(object);
        else await client.patch(namespace, name, 'strategic', releasePatch(object, ownerUid));
        continue;
      }
      if (!selected || ownerDeleting || object.metadata?.deletionTimestamp) continue;
      claimed.push(await client.patch(namespace, name, 'strategic', adoptPatch(object, ownerRef)));
    } catch (error) {
      // Gone, or changed under us (uid precondition): the next sync sees the truth.
      if (!isNotFound(error) && !isConflict(error)) throw error;
    }
  }
  return claimed;
}
