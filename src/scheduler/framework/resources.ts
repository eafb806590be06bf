/**
 * Resource amounts as plain numbers (upstream framework.Resource): milli-CPU, bytes of
 * memory and ephemeral storage, allowed pods, and scalar (extended, hugepages) resources
 * in their integer units. Quantity strings are parsed once and memoized, because the same
 * few strings ("100m", "1Gi") recur in every pod.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1.d.ts';
import { parseQuantity } from '../../apimachinery/quantity.ts';

/** Upstream's defaults for containers without requests, used only for scoring. */
export const defaultMilliCPURequest = 100;
export const defaultMemoryRequest = 200 * 1024 * 1024;

export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  /** Other resources by name (extended resources, hugepages); undefined when there are none. */
  scalar: Map<string, number> | undefined;
}

export const emptyResource = (): Resource => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: undefined });

export function cloneResource(r: Resource): Resource {
  return { ...r, scalar: r.scalar ? new Map(r.scalar) : undefined };
}

const milliCache = new Map<string, number>();
const valueCache = new Map<string, number>();

/** Parses with `read`, memoized in `cache`; 0 for a string that does not parse. */
function memoized(cache: Map<string, number>, q: string | number | undefined, read: (s: string) => number): number {
  if (q === undefined) return 0;
  const s = String(q);
  let v = cache.get(s);
  if (v === undefined) {
    try {
      v = read(s);
    } catch {
      v = 0;
    }
    if (cache.size < 10_000) cache.set(s, v);
  }
  return v;
}

/** A quantity's value in thousandths, rounded up; 0 for a string that does not parse. */
export const milliValueOf = (q: string | number | undefined): number => memoized(milliCache, q, (s) => parseQuantity(s).milliValue());

/** A quantity's integer value, rounded up; 0 for a string that does not parse. */
export const valueOf = (q: string | number | undefined): number => memoized(valueCache, q, (s) => parseQuantity(s).value());

type ResourceList = { [name: string]: string | number } | undefined;

/** Adds one resource list to `r` (cpu in millis, the rest in units). */
function addList(r: Resource, list: ResourceList, sign = 1): void {
  if (!list) return;
  for (const name in list) {
    const q = list[name];
    switch (name) {
      case 'cpu': r.milliCPU += sign * milliValueOf(q); break;
      case 'memory': r.memory += sign * valueOf(q); break;
      case 'ephemeral-storage': r.ephemeralStorage += sign * valueOf(q); break;
      case 'pods': r.allowedPodNumber += sign * valueOf(q); break;
      default: {
        r.scalar ??= new Map();
        r.scalar.set(name, (r.scalar.get(name) ?? 0) + sign * valueOf(q));
      }
    }
  }
}

/** `r` becomes the per-resource maximum of `r` and `o`. */
function setMax(r: Resource, o: Resource): void {
  r.milliCPU = Math.max(r.milliCPU, o.milliCPU);
  r.memory = Math.max(r.memory, o.memory);
  r.ephemeralStorage = Math.max(r.ephemeralStorage, o.ephemeralStorage);
  if (o.scalar) {
    r.scalar ??= new Map();
    for (const [k, v] of o.scalar) r.scalar.set(k, Math.max(r.scalar.get(k) ?? 0, v));
  }
}

/** `r += o` for every resource. */
export function addResource(r: Resource, o: Resource, sign = 1): void {
  r.milliCPU += sign * o.milliCPU;
  r.memory += sign * o.memory;
  r.ephemeralStorage += sign * o.ephemeralStorage;
  if (o.scalar) {
    r.scalar ??= new Map();
    for (const [k, v] of o.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) + sign * v);
  }
}

/** A list from a container's requests, with upstream's non-zero defaults when `nonZero`. */
function containerRequests(c: Container, nonZero: boolean): Resource {
  const r = emptyResource();
  const requests = c.resources?.requests as ResourceList;
  addList(r, requests);
  if (nonZero) {
    if (!requests || requests.cpu === undefined) r.milliCPU = defaultMilliCPURequest;
    if (!requests || requests.memory === undefined) r.memory = defaultMemoryRequest;
  }
  return r;
}

/**
 * What a pod asks of a node (upstream resourcehelper.PodRequests): the sum of its
 * containers and restartable (sidecar) init containers, at least the largest
 * non-restartable init container plus the sidecars started before it, plus the overhead.
 * With `nonZero`, containers without a cpu or memory request count upstream's defaults
 * (100m, 200Mi), as scoring does.
 */
export function podRequests(pod: Pod, nonZero = false): Resource {
  const spec = pod.spec;
  const reqs = emptyResource();
  if (!spec) return reqs;
  for (const c of spec.containers ?? []) addResource(reqs, containerRequests(c, nonZero));
  if (spec.initContainers?.length) {
    const sidecars = emptyResource();
    const initMax = emptyResource();
    for (const c of spec.initContainers) {
      const cr = containerRequests(c, nonZero);
      if (c.restartPolicy === 'Always') {
        addResource(reqs, cr);
        addResource(sidecars, cr);
        setMax(initMax, sidecars);
      } else {
        addResource(cr, sidecars);
        setMax(initMax, cr);
      }
    }
    setMax(reqs, initMax);
  }
  addList(reqs, spec.overhead as ResourceList);
  return reqs;
}

/** A node's allocatable resources (status.allocatable, as upstream; nothing without it). */
export function nodeAllocatable(allocatable: ResourceList): Resource {
  const r = emptyResource();
  addList(r, allocatable);
  return r;
}
