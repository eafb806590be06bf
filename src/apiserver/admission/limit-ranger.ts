// LimitRanger admission (upstream plugin/pkg/admission/limitranger) for new pods: the
// namespace's LimitRanges of type Container fill in missing requests (defaultRequest)
// and limits (default) of every container, note what they set in the
// `kubernetes.io/limit-ranger` annotation, then min, max and maxLimitRequestRatio are
// enforced per Container and per Pod with upstream's messages.
import { maxMilliValue, Quantity } from '../../apimachinery/quantity.ts';
import type { ApiObject } from '../watch-cache.ts';
import { errors } from '../status.ts';

export const limitRangerAnnotation = 'kubernetes.io/limit-ranger';

type ResourceList = Record<string, string>;
interface LimitRangeItem {
  type?: string;
  max?: ResourceList;
  min?: ResourceList;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  maxLimitRequestRatio?: ResourceList;
}
interface Container {
  name?: string;
  resources?: { requests?: ResourceList; limits?: ResourceList };
}

function itemsOf(limitRange: ApiObject): LimitRangeItem[] {
  return ((limitRange.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []) as LimitRangeItem[];
}

/** Fills a container's missing requests and limits; returns the annotation parts. */
function mergeContainer(container: Container, defaults: { requests: ResourceList; limits: ResourceList }, what: string): string[] {
  const resources = (container.resources ??= {});
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [name, value] of Object.entries(defaults.limits)) {
    resources.limits ??= {};
    if (!(name in resources.limits)) {
      resources.limits[name] = value;
      setLimits.push(name);
    }
  }
  for (const [name, value] of Object.entries(defaults.requests)) {
    resources.requests ??= {};
    if (!(name in resources.requests)) {
      resources.requests[name] = value;
      setRequests.push(name);
    }
  }
  const notes: string[] = [];
  if (setRequests.length > 0) notes.push(`${setRequests.sort().join(', ')} request for ${what} ${container.name ?? ''}`);
  if (setLimits.length > 0) notes.push(`${setLimits.sort().join(', ')} limit for ${what} ${container.name ?? ''}`);
  return notes;
}

/** Request, limit and enforced value at one precision (milli units unless that would overflow). */
function comparable(request: Quantity | undefined, limit: Quantity | undefined, enforced: Quantity): [number, number, number] {
  const zero = Quantity.fromInt(0);
  const [r, l, e] = [request ?? zero, limit ?? zero, enforced];
  const max = Number(maxMilliValue);
  if (r.value() <= max && l.value() <= max && e.value() <= max) return [r.milliValue(), l.milliValue(), e.milliValue()];
  return [r.value(), l.value(), e.value()];
}

const q = (list: ResourceList | undefined, name: string): Quantity | undefined => (list?.[name] === undefined ? undefined : Quantity.parse(String(list[name])));

function minConstraint(type: string, name: string, enforcedText: string, requests: ResourceList | undefined, limits: ResourceList | undefined): string | undefined {
  const enforced = Quantity.parse(enforcedText);
  const req = q(requests, name);
  const lim = q(limits, name);
  const [r, l, e] = comparable(req, lim, enforced);
  if (!req) return `Minimum ${name} usage per ${type} is ${enforced.toString()}.  No request is specified.`;
  if (r < e) return `Minimum ${name} usage per ${type} is ${enforced.toString()}, but request is ${req.toString()}.`;
  if (lim && l < e) return `Minimum ${name} usage per ${type} is ${enforced.toString()}, but limit is ${lim.toString()}.`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforcedText: string, requests: ResourceList | undefined, limits: ResourceList | undefined): string | undefined {
  const enforced = Quantity.parse(enforcedText);
  const req = q(requests, name);
  const lim = q(limits, name);
  const [r, l, e] = comparable(req, lim, enforced);
  if (!lim) return `Maximum ${name} usage per ${type} is ${enforced.toString()}.  No limit is specified.`;
  if (l > e) return `Maximum ${name} usage per ${type} is ${enforced.toString()}, but limit is ${lim.toString()}.`;
  if (req && r > e) return `Maximum ${name} usage per ${type} is ${enforced.toString()}, but request is ${req.toString()}.`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforcedText: string, requests: ResourceList | undefined, limits: ResourceList | undefined): string | undefined {
  const enforced = Quantity.parse(enforcedText);
  const req = q(requests, name);
  const lim = q(limits, name);
  const [r, l] = comparable(req, lim, enforced);
  if (!req || r === 0) return `${name} max limit to request ratio per ${type} is ${enforced.toString()}, but no request is specified or request is 0.`;
  if (!lim || l === 0) return `${name} max limit to request ratio per ${type} is ${enforced.toString()}, but no limit is specified or limit is 0.`;
  const ratio = l / r;
  const inMilli = enforced.value() <= Number(maxMilliValue);
  const observed = inMilli ? ratio * 1000 : ratio;
  const allowed = inMilli ? enforced.milliValue() : enforced.value();
  if (observed > allowed) return `${name} max limit to request ratio per ${type} is ${enforced.toString()}, but provided ratio is ${ratio.toFixed(6)}.`;
  return undefined;
}

/** The sum over containers of each resource every container sets (upstream's sum). */
function sumOver(lists: Array<ResourceList | undefined>): ResourceList {
  const out: ResourceList = {};
  const names = new Set(lists.flatMap((l) => Object.keys(l ?? {})));
  for (const name of names) {
    if (!lists.every((l) => l?.[name] !== undefined)) continue;
    out[name] = lists.reduce((total, l) => total.add(Quantity.parse(String(l![name]))), Quantity.fromInt(0)).toString();
  }
  return out;
}

/** Checks one item's constraints against requests and limits of one container or the whole pod. */
function enforce(type: string, item: LimitRangeItem, requests: ResourceList | undefined, limits: ResourceList | undefined): string[] {
  const out: string[] = [];
  for (const [name, v] of Object.entries(item.min ?? {})) out.push(minConstraint(type, name, v, requests, limits) ?? '');
  for (const [name, v] of Object.entries(item.max ?? {})) out.push(maxConstraint(type, name, v, requests, limits) ?? '');
  for (const [name, v] of Object.entries(item.maxLimitRequestRatio ?? {})) out.push(ratioConstraint(type, name, v, requests, limits) ?? '');
  return out.filter((m) => m !== '');
}

/** Applies every LimitRange of the pod's namespace; throws 403 Forbidden when one is violated. */
export function admitLimitRanges(pod: ApiObject, limitRanges: readonly ApiObject[]): void {
  if (limitRanges.length === 0) return;
  const spec = (pod.spec ??= {}) as { containers?: Container[]; initContainers?: Container[] };
  const messages: string[] = [];
  for (const limitRange of limitRanges) {
    const defaults = { requests: {} as ResourceList, limits: {} as ResourceList };
    for (const item of itemsOf(limitRange)) {
      if (item.type !== 'Container') continue;
      Object.assign(defaults.requests, item.defaultRequest);
      Object.assign(defaults.limits, item.default);
    }
    const notes = [
      ...(spec.containers ?? []).flatMap((c) => mergeContainer(c, defaults, 'container')),
      ...(spec.initContainers ?? []).flatMap((c) => mergeContainer(c, defaults, 'init container')),
    ];
    if (notes.length > 0) {
      const annotations = ((pod.metadata.annotations as Record<string, string> | undefined) ??= {});
      annotations[limitRangerAnnotation] = `LimitRanger plugin set: ${notes.join('; ')}`;
    }
    for (const item of itemsOf(limitRange)) {
      if (item.type === 'Container') {
        for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) messages.push(...enforce('Container', item, c.resources?.requests, c.resources?.limits));
      } else if (item.type === 'Pod') {
        const containers = spec.containers ?? [];
        messages.push(...enforce('Pod', item, sumOver(containers.map((c) => c.resources?.requests)), sumOver(containers.map((c) => c.resources?.limits))));
      }
    }
    if (messages.length > 0) break;
  }
  if (messages.length === 0) return;
  const unique = [...new Set(messages)];
  const message = unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
  throw errors.forbidden({ group: '', resource: 'pods' }, String(pod.metadata.name ?? ''), message);
}
