import type { EventLog, KubeObject } from '@wake/events';
import type { ObjectStore, Actor } from '@wake/store';

/**
 * Creates a pod bound to `node` and resolves with the time until a watch on the log shows it
 * Running (the agent's StatusReported event): what a user waiting on `kubectl get -w` sees.
 */
export async function podStartup(store: ObjectStore, log: EventLog, actor: Actor, node: string, name: string, timeoutMs = 30_000): Promise<number> {
  const from = await log.lastSeq();
  const watch = await log.watch({ afterSeq: from, filter: { kind: 'Pod', namespace: 'default' } });
  const t0 = performance.now();
  const running = (async () => {
    for await (const e of watch) {
      const status = (e.object as { status?: { phase?: string } }).status;
      if (e.name === name && status?.phase === 'Running') return performance.now() - t0;
    }
    throw new Error('watch closed');
  })();
  const timer = setTimeout(() => void watch.close(), timeoutMs);
  try {
    await store.create({
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
      spec: { nodeName: node, terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'wake/busybox:1', command: ['sleep', '3600'] }] },
    } as KubeObject, { actor });
    return await running;
  } finally {
    clearTimeout(timer);
    await watch.close();
  }
}
