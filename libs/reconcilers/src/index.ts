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
