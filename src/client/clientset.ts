// One typed client per resource the control loops use, over one shared connection.
import type { Lease } from 'kubernetes-types/coordination/v1.d.ts';
import type { Event, Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1.d.ts';
import type { ClientConfig } from './config.ts';
import { RestClient } from './rest-client.ts';
import { ResourceClient, resourceDef, type KubeObject } from './resource-client.ts';

export class Clientset implements Disposable {
  readonly rest: RestClient;
  readonly pods: ResourceClient<Pod>;
  readonly nodes: ResourceClient<Node>;
  readonly namespaces: ResourceClient<Namespace>;
  readonly services: ResourceClient<Service>;
  readonly events: ResourceClient<Event>;
  readonly leases: ResourceClient<Lease>;

  constructor(config: ClientConfig | RestClient) {
    this.rest = config instanceof RestClient ? config : new RestClient(config);
    this.pods = this.resource<Pod>('pods');
    this.nodes = this.resource<Node>('nodes');
    this.namespaces = this.resource<Namespace>('namespaces');
    this.services = this.resource<Service>('services');
    this.events = this.resource<Event>('events');
    this.leases = this.resource<Lease>('leases', 'coordination.k8s.io');
  }

  /** A client for any served resource, at its preferred version unless one is named. */
  resource<T extends KubeObject>(plural: string, group = '', version?: string): ResourceClient<T> {
    return new ResourceClient<T>(this.rest, resourceDef(plural, group), version);
  }

  close(): void {
    this.rest.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}
