import { WakeError, type KubeObject } from '@wake/events';
import type { Actor, ObjectStore } from '@wake/store';
import { kubernetesServiceIP, rangesFromEnv } from '@wake/services';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
const actor: Actor = { type: 'component', name: 'gateway' };

async function ensure(store: ObjectStore, obj: KubeObject): Promise<void> {
  const key = { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name };
  if (await store.get(key)) return;
  try {
    await store.create(obj, { actor, intent: 'Created' });
  } catch (e) {
    if (!(e instanceof WakeError && e.code === 'AlreadyExists')) throw e;
  }
}

/**
 * What a fresh cluster has before anyone asks: the four system namespaces, each with its
 * `default` ServiceAccount (pods default to it, and `kubectl create token`/describe look for it).
 */
export async function bootstrapCluster(store: ObjectStore, gatewayPort?: number): Promise<void> {
  for (const name of SYSTEM_NAMESPACES) {
    await ensure(store, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } });
    await ensure(store, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
  }
  // The `kubernetes` Service, on the range's first address (127.100.0.1 by default), as the apiserver
  // creates it. It has no selector; its Endpoints (the gateway's address) are not written yet.
  const ip = kubernetesServiceIP(rangesFromEnv().serviceIPs);
  await ensure(store, {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP', clusterIP: ip, clusterIPs: [ip], sessionAffinity: 'None',
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: gatewayPort ?? 6443 }],
    },
  } as KubeObject);
}
