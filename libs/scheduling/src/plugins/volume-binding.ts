import type { V1Pod } from '@kubernetes/client-node';
import { FilterPlugin, SKIP, SUCCESS, unresolvable } from '../framework';

/** Kubernetes' annotation of a claim whose volume was provisioned for (here: lives on) one node. */
export const SELECTED_NODE_ANNOTATION = 'volume.kubernetes.io/selected-node';
export const ERR_VOLUME_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
const REJECT = unresolvable(ERR_VOLUME_NODE_CONFLICT);

/** The claim names of a pod's persistentVolumeClaim volumes. */
export const podClaimNames = (pod: V1Pod): string[] =>
  (pod.spec?.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => Boolean(n));

/**
 * VolumeBinding, for Wake's node-local claims: a claim already used on a node (its
 * selected-node annotation) holds its data there, so a pod mounting it fits only on that node
 * (like a local PersistentVolume's node affinity). Claims not yet placed say nothing; the
 * scheduler places them with the pod.
 */
export const VolumeBinding: FilterPlugin<string | null> = {
  name: 'VolumeBinding',
  prepare: (pod, snapshot) => {
    const nodes = new Set<string>();
    for (const claim of podClaimNames(pod.pod)) {
      const node = snapshot.claimNode(pod.namespace, claim);
      if (node !== undefined) nodes.add(node);
    }
    if (nodes.size === 0) return SKIP;
    return nodes.size === 1 ? [...nodes][0] : null; // claims on two nodes: no node fits
  },
  filter: (_pod, node, required) => (required !== null && node.name === required ? SUCCESS : REJECT),
};
