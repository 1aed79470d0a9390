import type { KubeObject } from '@wake/events';
import type { Service } from '../wire';

/** The Service an allocation belongs to (IPAddress' `spec.parentRef`). */
export interface ParentRef {
  readonly group: '';
  readonly resource: 'services';
  readonly namespace: string;
  readonly name: string;
}

export const IP_ADDRESS_API = { apiVersion: 'networking.k8s.io/v1beta1', kind: 'IPAddress' } as const;
export const NODE_PORT_API = { apiVersion: 'internal.wake.dev/v1alpha1', kind: 'NodePortAllocation' } as const;

export function parentRefOf(svc: Service): ParentRef {
  return { group: '', resource: 'services', namespace: svc.metadata?.namespace ?? 'default', name: svc.metadata?.name ?? '' };
}

export const sameParent = (a: ParentRef | undefined, b: ParentRef): boolean =>
  !!a && a.resource === b.resource && a.namespace === b.namespace && a.name === b.name;

/** One allocated ClusterIP: an IPAddress named by the address, as Kubernetes 1.32 stores them. */
export function ipAddressObject(ip: string, parent: ParentRef): KubeObject {
  return {
    ...IP_ADDRESS_API,
    metadata: {
      name: ip,
      labels: { 'ipaddress.kubernetes.io/ip-family': 'IPv4', 'ipaddress.kubernetes.io/managed-by': 'ipallocator.k8s.io' },
    },
    spec: { parentRef: { ...parent } },
  };
}

/** One allocated NodePort (all protocols share a number, as in Kubernetes): named by the port. */
export function nodePortObject(port: number, parent: ParentRef): KubeObject {
  return {
    ...NODE_PORT_API,
    metadata: { name: String(port), labels: { 'internal.wake.dev/managed-by': 'nodeport-allocator' } },
    spec: { port, parentRef: { ...parent } },
  };
}

export function parentOfAllocation(obj: KubeObject | undefined): ParentRef | undefined {
  return (obj?.spec as { parentRef?: ParentRef } | undefined)?.parentRef;
}
