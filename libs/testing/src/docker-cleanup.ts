import Docker from 'dockerode';

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
