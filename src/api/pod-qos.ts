// A pod's quality of service class (upstream pkg/apis/core/helper/qos): Guaranteed when
// every container sets equal cpu and memory requests and limits, BestEffort when none
// sets any, Burstable otherwise. Init containers count; ephemeral containers do not.
type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
type Container = { resources?: Resources };

const computeResources = ['cpu', 'memory'];

export function qosClassOf(spec: { containers?: Container[]; initContainers?: Container[] } | undefined): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const container of containers) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    for (const name of computeResources) {
      const request = requests[name];
      const limit = limits[name];
      if (request !== undefined || limit !== undefined) anySet = true;
      // Defaulting copies limits into missing requests, so equal strings mean equal quantities here.
      if (limit === undefined || (request !== undefined && String(request) !== String(limit))) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
