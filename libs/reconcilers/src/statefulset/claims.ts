import { newControllerRef } from '../common/owner-refs';
import type { Pod } from '../common/wire';
import { podName } from './identity';
import type { PersistentVolumeClaim, StatefulSet } from './types';

/** `getPersistentVolumeClaimName`: `<template>-<set>-<ordinal>`. */
export const claimName = (set: StatefulSet, template: string, ordinal: number): string => `${template}-${set.metadata?.name}-${ordinal}`;

/**
 * The claims of one ordinal (`getPersistentVolumeClaims`): each volumeClaimTemplate with the
 * stable name, the set's namespace, its labels plus the selector's matchLabels. With
 * persistentVolumeClaimRetentionPolicy.whenDeleted = Delete the set owns them (not as
 * controller), so the garbage collector deletes them with it.
 */
export function claimsFor(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  const deleteWithSet = set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete';
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => {
    const labels = { ...(t.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
    const owner = { ...newControllerRef(set), controller: false };
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName(set, t.metadata?.name ?? '', ordinal),
        namespace: set.metadata?.namespace,
        ...(Object.keys(labels).length ? { labels } : {}),
        ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
        ...(deleteWithSet ? { ownerReferences: [owner] } : {}),
      },
      spec: structuredClone(t.spec ?? {}),
    };
  });
}

/** `updateStorage`: a volume per claim template, named after it, pointing at the ordinal's claim (replacing a template volume of that name). */
export function withClaimVolumes(set: StatefulSet, pod: Pod, ordinal: number): Pod {
  const templates = set.spec?.volumeClaimTemplates ?? [];
  if (!templates.length) return pod;
  const names = new Set(templates.map((t) => t.metadata?.name ?? ''));
  const claims = templates.map((t) => ({ name: t.metadata?.name ?? '', persistentVolumeClaim: { claimName: claimName(set, t.metadata?.name ?? '', ordinal) } }));
  const spec = pod.spec!;
  spec.volumes = [...claims, ...(spec.volumes ?? []).filter((v) => !names.has(v.name))];
  return pod;
}

/** The ordinal's pod name, for event messages. */
export const claimEvent = (set: StatefulSet, claim: PersistentVolumeClaim, ordinal: number): string =>
  `create Claim ${claim.metadata?.name} Pod ${podName(set, ordinal)} in StatefulSet ${set.metadata?.name} success`;
