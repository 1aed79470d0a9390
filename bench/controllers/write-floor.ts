import { Limiter } from '../../apps/node-agent/src/simulated/limiter';
import { runningStatus } from '../../apps/node-agent/src/simulated/objects';
import type { ObjectStore } from '@wake/store';

/**
 * The floor under a rollout: the same pod writes (create, bind, report Running) done directly
 * through the ObjectStore by one process at concurrency 32, with no controller, scheduler or
 * agent in between. A rollout can't be faster than this on the same machine in the same run.
 */
export async function writeFloor(store: ObjectStore, namespace: string, pods: number, nodes: string[]): Promise<number> {
  const limiter = new Limiter(32);
  const actor = { type: 'component' as const, name: 'bench' };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: pods }, (_, i) => limiter.run(async () => {
    const name = `floor-${i}`;
    const created = await store.create({
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: 'floor' } },
      spec: { containers: [{ name: 'app', image: 'nginx:1' }] },
    }, { actor });
    const node = nodes[i % nodes.length];
    const bound = await store.update({ ...created, spec: { ...(created.spec as object), nodeName: node } }, { actor, intent: 'Bound' });
    await store.update(runningStatus(bound, `10.253.${(i >> 8) & 255}.${i & 255}`, new Date()), { actor: { type: 'node', node }, subresource: 'status', intent: 'StatusReported' });
  })));
  return Date.now() - t0;
}
