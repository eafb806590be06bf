// The ReplicaSet and ReplicationController controllers: one replica manager over two
// kinds, as upstream runs its replication controller as a ReplicaSet controller with an
// equality-based selector.
import type { ReplicaSet } from 'kubernetes-types/apps/v1.d.ts';
import type { ReplicationController } from 'kubernetes-types/core/v1.d.ts';
import { labelSelectorAsSelector, selectorFromValidatedSet } from '../../apimachinery/labels.ts';
import type { ControllerContext } from '../controller.ts';
import { ReplicaManager, type ReplicatedKind, type ReplicatedObject } from './replica-manager.ts';

type RS = ReplicaSet & ReplicatedObject;
type RC = ReplicationController & ReplicatedObject;

export const replicaSetKind: ReplicatedKind<RS> = {
  controllerName: 'replicaset-controller',
  component: 'replicaset-controller',
  plural: 'replicasets',
  group: 'apps',
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  selector: (rs) => labelSelectorAsSelector(rs.spec?.selector),
};

export const replicationControllerKind: ReplicatedKind<RC> = {
  controllerName: 'replicationcontroller-controller',
  component: 'replication-controller',
  plural: 'replicationcontrollers',
  group: '',
  kind: 'ReplicationController',
  apiVersion: 'v1',
  // An RC selects with its map; an empty one would select everything, but defaults fill it from the template.
  selector: (rc) => selectorFromValidatedSet(rc.spec?.selector ?? rc.spec?.template?.metadata?.labels),
};

export class ReplicaSetController extends ReplicaManager<RS> {
  constructor(ctx: ControllerContext) {
    super(ctx, replicaSetKind);
  }
}

export class ReplicationControllerController extends ReplicaManager<RC> {
  constructor(ctx: ControllerContext) {
    super(ctx, replicationControllerKind);
  }
}
