/**
 * Upstream's defaulting for every served kind: what kube-apiserver 1.33's
 * `SetDefaults_*` functions and `+default` markers do to a versioned object, applied to
 * plain JSON objects in place.
 *
 * - walk.ts: the generic walk by the schema registry's TypeDefs (markers, resource list
 *   rounding, per-type hooks wherever a type occurs, List kinds' items included);
 * - core.ts, apps.ts, batch.ts, autoscaling.ts, networking.ts, other.ts: the
 *   hand-written per-type hooks;
 * - image.ts: image reference parsing for the default imagePullPolicy.
 *
 * Not defaulting but done by the server elsewhere upstream (strategies, allocators,
 * admission): Service clusterIP(s), ipFamilies and ipFamilyPolicy, nodePorts; Job
 * selectors and template labels; Namespace finalizers; generated names and uids.
 */
import { kindType } from '../schema/registry.ts';
import { appsHooks } from './apps.ts';
import { autoscalingHooks } from './autoscaling.ts';
import { batchHooks } from './batch.ts';
import { coreHooks } from './core.ts';
import { networkingHooks } from './networking.ts';
import { otherHooks } from './other.ts';
import { isObject } from './util.ts';
import { Defaulter, type HookTable } from './walk.ts';

export type { Hook, HookTable } from './walk.ts';
export { defaultPullPolicy, parseImageReference, type ImageReference } from './image.ts';

/** Every hand-written hook, by fully-qualified type name. */
export const hooks: HookTable = {
  ...coreHooks,
  ...appsHooks,
  ...batchHooks,
  ...autoscalingHooks,
  ...networkingHooks,
  ...otherHooks,
};

const defaulter = new Defaulter(hooks);

/**
 * Fills upstream's defaults into `object`, a `kind` of `group`/`version` (group '' is
 * core), in place. A no-op for kinds the schema does not know or that have no defaults;
 * values of the wrong JSON type are left for decoding to reject.
 */
export function applyDefaults(group: string, version: string, kind: string, object: Record<string, unknown>): void {
  if (!isObject(object)) return;
  const type = kindType(group, version, kind);
  if (type) defaulter.apply(type, object);
}
