import type { KubeObject } from '@wake/events';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** RFC3339 with microseconds, as MicroTime is serialised. */
export const microTime = (d: Date) => d.toISOString().replace(/Z$/, '000Z');

/** The node's Lease renewed at `now` (coordination.k8s.io/v1), keeping what the stored one holds. */
export function renewedLease(prev: KubeObject | undefined, nodeName: string, durationSeconds: number, now: Date, nodeUid?: string): KubeObject {
  const spec = (prev?.spec ?? {}) as Record<string, unknown>;
  const sameHolder = spec.holderIdentity === nodeName;
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      ...(prev?.metadata ?? {}),
      name: nodeName,
      namespace: NODE_LEASE_NAMESPACE,
      ...(nodeUid && !prev ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid }] } : {}),
    },
    spec: {
      ...spec,
      holderIdentity: nodeName,
      leaseDurationSeconds: durationSeconds,
      renewTime: microTime(now),
      ...(sameHolder && spec.acquireTime ? {} : { acquireTime: microTime(now) }),
    },
  };
}
