// Pure reconcilers: (desired, observed, now) → Action[]. No I/O, no clock, no randomness of their own.
export * from './common/action';
export * from './common/wire';
export { selectorMatches, isEmptySelector } from './common/label-selector';
export { controllerRef, isControlledBy, newControllerRef } from './common/owner-refs';
export { claim, type Claimed } from './common/claim';
export { seededRandom, randomSuffix, generateName, type RandomSource } from './common/names';
export { isPodActive, isPodReady, isPodAvailable } from './common/pod-state';
export { rfc3339, rfc3339Micro } from './common/time';

export { reconcileReplicaSet, BURST_REPLICAS, type ReplicaSetObserved, type ReplicaSetEnv } from './replicaset/reconcile-replicaset';
export { compareForDeletion, podsToDelete } from './replicaset/active-pods';
export { replicaSetStatus } from './replicaset/replicaset-status';

export { reconcileDeployment, type DeploymentObserved } from './deployment/reconcile-deployment';
export { computeHash, equalIgnoreHash, POD_TEMPLATE_HASH } from './deployment/pod-template-hash';
export { REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, revisionOf } from './deployment/annotations';
export { maxSurge, maxUnavailable, resolveFenceposts } from './deployment/replica-math';

export { attemptToDelete, type OwnerLookup } from './garbage-collector/attempt-to-delete';
export { reconcileOwnerDeletion } from './garbage-collector/owner-deletion';
export { FOREGROUND_DELETION, ORPHAN } from './garbage-collector/finalizers';

export { reconcileNamespace, KUBERNETES_FINALIZER } from './namespace/reconcile-namespace';

export { reconcileNode, type NodeLifecycleConfig } from './node-lifecycle/reconcile-node';
export { DEFAULT_NODE_MONITOR_GRACE_SECONDS } from './node-lifecycle/node-health';
export { UNREACHABLE, NOT_READY } from './node-lifecycle/node-taints';
export { DEFAULT_TOLERATION_SECONDS, evictionTime } from './node-lifecycle/taint-eviction';

export { reconcileJob, type JobObserved, type JobEnv } from './job/reconcile-job';
export { reconcileJobTtl, jobFinishTime } from './job/job-ttl';
export { jobFinished } from './job/job-conditions';
export { JOB_CONTROLLER_UID, JOB_NAME, JOB_COMPLETION_INDEX, jobSelector } from './job/job-labels';
export { parseIndexes, formatIndexes, completionIndex } from './job/completion-index';

export { reconcileCronJob, type CronJobObserved } from './cronjob/reconcile-cronjob';
export { parseSchedule, validTimeZone, type Schedule } from './cronjob/schedule';
export { jobNameFor, jobFromCronJob, SCHEDULED_TIMESTAMP, INSTANTIATE } from './cronjob/job-from-cronjob';

export { reconcileDaemonSet, DAEMONSET_BURST, type DaemonSetObserved, type DaemonSetEnv } from './daemonset/reconcile-daemonset';
export { nodeShouldRunDaemonPod } from './daemonset/node-should-run';
export { daemonSetHash, targetNode, CONTROLLER_REVISION_HASH } from './daemonset/daemon-pod';
export type { DaemonSet } from './daemonset/types';

export { reconcileStatefulSet, type StatefulSetObserved } from './statefulset/reconcile-statefulset';
export { claimName } from './statefulset/claims';
export { updateRevision as statefulSetUpdateRevision } from './statefulset/stateful-pod';
export { POD_NAME_LABEL, POD_INDEX_LABEL } from './statefulset/identity';
export type { StatefulSet, PersistentVolumeClaim } from './statefulset/types';

export { reconcileDisruptionBudget, type DisruptionObserved } from './disruption/reconcile-disruption-budget';
export { budgetStatus, podsForBudget, DELETION_TIMEOUT_MS } from './disruption/budget-status';
export {
  budgetsForPod, canIgnoreBudgets, checkAndDecrement, shouldPinResourceVersion, stillProcessing, unhealthyPodMayGo,
  MULTIPLE_BUDGETS_MESSAGE, TOO_MANY_REQUESTS_MESSAGE, type BudgetCheck,
} from './disruption/eviction';
export type { PodDisruptionBudget } from './disruption/types';

export { reconcileHorizontalPodAutoscaler, targetError as autoscalerTargetError, SCALABLE_KINDS, type AutoscalerObserved, type AutoscalerResult } from './autoscaling/reconcile-hpa';
export { resourceReplicas, groupPods } from './autoscaling/replica-calculator';
export { normalizeDesiredReplicas, scaleUpLimit, scaleDownLimit } from './autoscaling/normalize';
export { formatMilli } from './autoscaling/metric-status';
export {
  DEFAULT_AUTOSCALER_SETTINGS, EMPTY_MEMORY as EMPTY_AUTOSCALER_MEMORY,
  type AutoscalerMemory, type AutoscalerSettings, type HorizontalPodAutoscaler, type PodMetric,
} from './autoscaling/types';
