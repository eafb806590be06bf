/**
 * Network defaulting (upstream 1.33): NetworkPolicy (networking.k8s.io/v1 and
 * extensions/v1beta1), IngressClass, extensions/v1beta1 Ingress paths, and
 * discovery.k8s.io/v1 EndpointSlice ports. networking/v1 Ingress, IPAddress and
 * ServiceCIDR have no defaults.
 */
import { child, defaultPointer, ensureChild, isEmptyCollection, type Obj } from './util.ts';
import type { HookTable } from './walk.ts';

/** Policies that name no types enforce Ingress, plus Egress when they have egress rules. */
function defaultNetworkPolicy(policy: Obj): void {
  const spec = ensureChild(policy, 'spec');
  if (!spec || !isEmptyCollection(spec.policyTypes)) return;
  spec.policyTypes = isEmptyCollection(spec.egress) ? ['Ingress'] : ['Ingress', 'Egress'];
}

const tcpPort = (port: Obj) => defaultPointer(port, 'protocol', 'TCP');

export const networkingHooks: HookTable = {
  'io.k8s.api.networking.v1.NetworkPolicy': defaultNetworkPolicy,
  'io.k8s.api.networking.v1.NetworkPolicyPort': tcpPort,
  'io.k8s.api.networking.v1.IngressClass': (o) => {
    const spec = child(o, 'spec');
    const parameters = spec && child(spec, 'parameters');
    if (parameters) defaultPointer(parameters, 'scope', 'Cluster');
  },
  'io.k8s.api.extensions.v1beta1.NetworkPolicy': defaultNetworkPolicy,
  'io.k8s.api.extensions.v1beta1.NetworkPolicyPort': tcpPort,
  'io.k8s.api.extensions.v1beta1.HTTPIngressPath': (o) => defaultPointer(o, 'pathType', 'ImplementationSpecific'),
  'io.k8s.api.discovery.v1.EndpointPort': (o) => {
    defaultPointer(o, 'name', '');
    defaultPointer(o, 'protocol', 'TCP');
  },
};
