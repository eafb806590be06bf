// Node IPAM: gives every node a pod subnet (spec.podCIDR, a /24 of 10.42.0.0/16), which
// its agent hands pod IPs from. Subnets already on nodes are taken at start-up; a
// deleted node's subnet is free again.
import type { Node } from 'kubernetes-types/core/v1.d.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { isNotFound } from '../../client/errors.ts';
import type { Informer } from '../../client/informer.ts';
import type { EventRecorder } from '../../client/events.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { CidrAllocator } from './cidr-allocator.ts';

export interface NodeIpamOptions {
  readonly clusterCidr?: string;
  readonly nodeMaskSize?: number;
}

export class NodeIpamController implements Controller {
  readonly name = 'node-ipam-controller';
  private readonly ctx: ControllerContext;
  private readonly nodes: Informer<Node>;
  private readonly allocator: CidrAllocator;
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  /** Subnets handed out but not yet seen on the node in the cache. */
  private readonly pending = new Map<string, string>();

  constructor(ctx: ControllerContext, options: NodeIpamOptions = {}) {
    this.ctx = ctx;
    this.allocator = new CidrAllocator(options.clusterCidr, options.nodeMaskSize);
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.recorder = ctx.recorder('cidrAllocator');
    this.nodes = ctx.informers.informer<Node>('nodes');
    this.nodes.addEventHandlers({
      onAdd: (node) => this.observe(node),
      onUpdate: (_, node) => this.observe(node),
      onDelete: (node) => {
        for (const cidr of cidrsOf(node)) this.allocator.release(cidr);
        const pending = this.pending.get(node.metadata!.name!);
        if (pending) this.allocator.release(pending);
        this.pending.delete(node.metadata!.name!);
      },
    });
  }

  private observe(node: Node): void {
    const name = node.metadata!.name!;
    const cidrs = cidrsOf(node);
    for (const cidr of cidrs) this.allocator.occupy(cidr);
    if (cidrs.length > 0) this.pending.delete(name);
    else this.queue.add(name);
  }

  async run(signal: AbortSignal): Promise<void> {
    // Every existing node's subnet is taken before any is handed out.
    for (const node of this.nodes.store.list()) for (const cidr of cidrsOf(node)) this.allocator.occupy(cidr);
    await runQueue(this.ctx, 'node-ipam', this.queue, 4, (name) => this.sync(name), signal);
  }

  private async sync(name: string): Promise<void> {
    const node = this.nodes.store.get(name);
    if (!node || cidrsOf(node).length > 0) return;
    let cidr = this.pending.get(name);
    if (!cidr) {
      cidr = this.allocator.allocate();
      if (!cidr) {
        this.recorder.event({ ...node, kind: 'Node', apiVersion: 'v1' }, 'Normal', 'CIDRNotAvailable', `Node ${name} status is now: CIDRNotAvailable`);
        throw new Error('no pod subnet left in the cluster CIDR');
      }
      this.pending.set(name, cidr);
    }
    try {
      await this.ctx.clientset.nodes.patch(undefined, name, 'merge', { spec: { podCIDR: cidr, podCIDRs: [cidr] } });
    } catch (error) {
      if (isNotFound(error)) {
        this.allocator.release(cidr);
        this.pending.delete(name);
        return;
      }
      throw error;
    }
  }
}

function cidrsOf(node: Node): string[] {
  return node.spec?.podCIDRs ?? (node.spec?.podCIDR ? [node.spec.podCIDR] : []);
}
