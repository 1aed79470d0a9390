import { newControllerRef } from '../common/owner-refs';
import type { ReplicaSet } from '../common/wire';
import { maxRevision, setDeploymentRevision, setNewReplicaSetAnnotations } from './annotations';
import { getCondition, hasProgressDeadline, newCondition, Reasons, setCondition } from './conditions';
import { type DeploymentSync, markDirty, nameOf, scalingEvent } from './deployment-sync';
import { findNewReplicaSet, findOldReplicaSets } from './find-replicasets';
import { computeHash, equalIgnoreHash, POD_TEMPLATE_HASH } from './pod-template-hash';
import { desiredReplicas, maxSurge, newRSNewReplicas } from './replica-math';
import { controllerRef } from '../common/owner-refs';

export interface AllReplicaSets {
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
}

/**
 * `getAllReplicaSetsAndSyncRevision`: the new ReplicaSet (template equal to the Deployment's)
 * and the old ones. The new one gets the next revision (a rollback reuses an old ReplicaSet
 * and bumps its revision), the Deployment's annotations and minReadySeconds; with `create`
 * it is created when missing, named `<deployment>-<pod-template-hash>`.
 */
export function getAllReplicaSets(s: DeploymentSync, create: boolean): AllReplicaSets {
  const existing = findNewReplicaSet(s.d, s.rsList);
  const oldRSs = findOldReplicaSets(existing, s.rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  const d = s.d;
  const status = d.status!;
  if (existing) {
    const changed = setNewReplicaSetAnnotations(d, existing, newRevision, true, 0, 0);
    if ((existing.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)) {
      existing.spec = { ...existing.spec!, minReadySeconds: d.spec?.minReadySeconds ?? 0 };
      markDirty(s, existing);
    }
    if (changed) markDirty(s, existing);
    setDeploymentRevision(d, existing.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? String(newRevision));
    if (hasProgressDeadline(d) && !getCondition(status, 'Progressing')) {
      setCondition(status, newCondition('Progressing', 'True', Reasons.FoundNewReplicaSet, `Found new replica set "${nameOf(existing)}"`, s.now));
    }
    return { newRS: existing, oldRSs };
  }
  if (!create) return { oldRSs };

  const hash = computeHash(d.spec?.template, status.collisionCount);
  const name = `${d.metadata?.name}-${hash}`;
  const clash = s.namespaceRSs.find((rs) => rs.metadata?.name === name);
  if (clash) {
    const ours = controllerRef(clash)?.uid === d.metadata?.uid && equalIgnoreHash(clash.spec?.template, d.spec?.template);
    if (!ours) {
      status.collisionCount = (status.collisionCount ?? 0) + 1;
      s.collision = true;
    }
    // Ours but not yet claimed (informer lag): wait for the next sync rather than create it twice.
    return { oldRSs };
  }
  const template = structuredClone(d.spec?.template ?? {});
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
  const selector = structuredClone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: d.metadata?.namespace, labels: { ...template.metadata.labels }, ownerReferences: [newControllerRef(d)] },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec!.replicas = replicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, desiredReplicas(d), desiredReplicas(d) + maxSurge(d));
  s.rsList.push(newRS);
  s.created.add(name);
  if (replicas > 0) scalingEvent(s, newRS, 'up', 0, replicas);
  setDeploymentRevision(d, String(newRevision));
  if (hasProgressDeadline(d)) {
    setCondition(status, newCondition('Progressing', 'True', Reasons.NewReplicaSetCreated, `Created new replica set "${name}"`, s.now));
  }
  return { newRS, oldRSs };
}
