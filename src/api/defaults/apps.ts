/**
 * Workload defaulting (Deployment, ReplicaSet, DaemonSet, StatefulSet) for apps/v1,
 * apps/v1beta2, apps/v1beta1 and extensions/v1beta1, following each version's
 * `SetDefaults_*` in upstream 1.33 (StatefulSetAutoDeletePVC on, MaxUnavailableStatefulSet
 * off). The pod templates inside get core/v1's PodSpec, Container, Volume... defaults
 * through the generic walk, and StatefulSet volumeClaimTemplates the PVC ones.
 *
 * The old versions differ: their selector (and the object's labels) come from the pod
 * template's labels; apps/v1beta1 keeps 2 Deployment revisions and updates StatefulSets
 * OnDelete; extensions/v1beta1 rolls Deployments 1/1, treats unset history limit and
 * progress deadline as "forever" (MaxInt32), and updates DaemonSets OnDelete.
 */
import { child, clone, defaultPointer, defaultString, ensureChild, isEmptyString, isNil, labelsFromTemplate, templateLabels, type Obj } from './util.ts';
import type { HookTable } from './walk.ts';

const maxInt32 = 2147483647;

/** `selector = {matchLabels: template labels}` when unset, and the object's labels when empty. */
function selectorAndLabelsFromTemplate(o: Obj, spec: Obj): void {
  const labels = templateLabels(spec);
  if (!labels) return;
  if (isNil(spec.selector)) spec.selector = { matchLabels: clone(labels) };
  labelsFromTemplate(o, labels);
}

interface DeploymentRules {
  readonly selectorFromTemplate: boolean;
  readonly maxUnavailable: number | string;
  readonly maxSurge: number | string;
  /** extensions/v1beta1 also fills rollingUpdate when it is set under another strategy type. */
  readonly rollingUpdateWhenSet: boolean;
  readonly revisionHistoryLimit: number;
  readonly progressDeadlineSeconds: number;
}

function deployment(rules: DeploymentRules) {
  return (o: Obj): void => {
    const spec = ensureChild(o, 'spec');
    if (!spec) return;
    if (rules.selectorFromTemplate) selectorAndLabelsFromTemplate(o, spec);
    defaultPointer(spec, 'replicas', 1);
    const strategy = ensureChild(spec, 'strategy');
    if (strategy) {
      defaultString(strategy, 'type', 'RollingUpdate');
      if (strategy.type === 'RollingUpdate' || (rules.rollingUpdateWhenSet && !isNil(strategy.rollingUpdate))) {
        const rollingUpdate = ensureChild(strategy, 'rollingUpdate');
        if (rollingUpdate) {
          defaultPointer(rollingUpdate, 'maxUnavailable', rules.maxUnavailable);
          defaultPointer(rollingUpdate, 'maxSurge', rules.maxSurge);
        }
      }
    }
    defaultPointer(spec, 'revisionHistoryLimit', rules.revisionHistoryLimit);
    defaultPointer(spec, 'progressDeadlineSeconds', rules.progressDeadlineSeconds);
  };
}

function replicaSet(selectorFromTemplate: boolean) {
  return (o: Obj): void => {
    const spec = ensureChild(o, 'spec');
    if (!spec) return;
    if (selectorFromTemplate) selectorAndLabelsFromTemplate(o, spec);
    defaultPointer(spec, 'replicas', 1);
  };
}

function daemonSet(defaultType: 'RollingUpdate' | 'OnDelete', selectorFromTemplate: boolean) {
  return (o: Obj): void => {
    const spec = ensureChild(o, 'spec');
    if (!spec) return;
    if (selectorFromTemplate) selectorAndLabelsFromTemplate(o, spec);
    const strategy = ensureChild(spec, 'updateStrategy');
    if (strategy) {
      defaultString(strategy, 'type', defaultType);
      if (strategy.type === 'RollingUpdate') {
        const rollingUpdate = ensureChild(strategy, 'rollingUpdate');
        if (rollingUpdate) {
          defaultPointer(rollingUpdate, 'maxUnavailable', 1);
          defaultPointer(rollingUpdate, 'maxSurge', 0);
        }
      }
    }
    defaultPointer(spec, 'revisionHistoryLimit', 10);
  };
}

function statefulSet(defaultType: 'RollingUpdate' | 'OnDelete', selectorFromTemplate: boolean) {
  return (o: Obj): void => {
    const spec = ensureChild(o, 'spec');
    if (!spec) return;
    defaultString(spec, 'podManagementPolicy', 'OrderedReady');
    const strategy = ensureChild(spec, 'updateStrategy');
    if (strategy) {
      if (isEmptyString(strategy.type)) {
        strategy.type = defaultType;
        // Only a defaulted RollingUpdate type brings its (defaulted) parameters along.
        if (defaultType === 'RollingUpdate') defaultPointer(strategy, 'rollingUpdate', {});
      }
      const rollingUpdate = child(strategy, 'rollingUpdate');
      if (strategy.type === 'RollingUpdate' && rollingUpdate) defaultPointer(rollingUpdate, 'partition', 0);
    }
    if (selectorFromTemplate) selectorAndLabelsFromTemplate(o, spec);
    const retention = ensureChild(spec, 'persistentVolumeClaimRetentionPolicy');
    if (retention) {
      defaultString(retention, 'whenDeleted', 'Retain');
      defaultString(retention, 'whenScaled', 'Retain');
    }
    defaultPointer(spec, 'replicas', 1);
    defaultPointer(spec, 'revisionHistoryLimit', 10);
  };
}

const current: DeploymentRules = {
  selectorFromTemplate: false,
  maxUnavailable: '25%',
  maxSurge: '25%',
  rollingUpdateWhenSet: false,
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
};

const appsV1 = 'io.k8s.api.apps.v1';
const appsV1beta2 = 'io.k8s.api.apps.v1beta2';
const appsV1beta1 = 'io.k8s.api.apps.v1beta1';
const extensions = 'io.k8s.api.extensions.v1beta1';

export const appsHooks: HookTable = {
  [`${appsV1}.Deployment`]: deployment(current),
  [`${appsV1}.ReplicaSet`]: replicaSet(false),
  [`${appsV1}.DaemonSet`]: daemonSet('RollingUpdate', false),
  [`${appsV1}.StatefulSet`]: statefulSet('RollingUpdate', false),

  [`${appsV1beta2}.Deployment`]: deployment(current),
  [`${appsV1beta2}.ReplicaSet`]: replicaSet(false),
  [`${appsV1beta2}.DaemonSet`]: daemonSet('RollingUpdate', false),
  [`${appsV1beta2}.StatefulSet`]: statefulSet('RollingUpdate', false),

  [`${appsV1beta1}.Deployment`]: deployment({ ...current, selectorFromTemplate: true, revisionHistoryLimit: 2 }),
  [`${appsV1beta1}.StatefulSet`]: statefulSet('OnDelete', true),

  [`${extensions}.Deployment`]: deployment({
    selectorFromTemplate: true,
    maxUnavailable: 1,
    maxSurge: 1,
    rollingUpdateWhenSet: true,
    revisionHistoryLimit: maxInt32,
    progressDeadlineSeconds: maxInt32,
  }),
  [`${extensions}.ReplicaSet`]: replicaSet(true),
  [`${extensions}.DaemonSet`]: daemonSet('OnDelete', true),
};
