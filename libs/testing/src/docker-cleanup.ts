import Docker from 'dockerode';
import { POD_NETWORK_LABEL } from '@wake/services';

/**
 * Removes every container carrying `label` (key=value), ONE AT A TIME, app containers before
 * sandboxes. Docker 20.10's libnetwork can deadlock the whole daemon when many containers on one
 * bridge network exit at once (lock-order inversion between the datastore and the network in
 * endpoint deletion, seen here with ~150 parallel `docker rm -f`): never remove in bulk.
 */
export async function removeContainersSequentially(label: string, docker = new Docker()): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [label] } });
  const order = [...list].sort((a, b) => Number(a.Labels['wake.kind'] === 'sandbox' || a.Labels['wake.container'] === 'POD') - Number(b.Labels['wake.kind'] === 'sandbox' || b.Labels['wake.container'] === 'POD'));
  for (const c of order) await docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined);
  return order.length;
}

/** Removes the pod networks node agents created that carry `label` (key=value), after their containers are gone. */
export async function removePodNetworks(label: string, docker = new Docker()): Promise<number> {
  const list = await docker.listNetworks({ filters: { label: [`${POD_NETWORK_LABEL}=true`, label] } });
  let removed = 0;
  for (const n of list) await docker.getNetwork(n.Id).remove().then(() => { removed++; }, () => undefined);
  return removed;
}
