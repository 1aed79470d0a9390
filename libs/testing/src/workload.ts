import type { EventLog, KubeObject, StoredEvent } from '@wake/events';

const filler = (bytes: number, seed: number) => {
  let s = '';
  while (s.length < bytes) s += (seed * 2654435761 >>> 0).toString(36) + '-';
  return s.slice(0, bytes);
};

export function podObject(name: string, namespace: string, i: number, payloadBytes = 600): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, labels: { app: `app-${i % 10}`, tier: i % 2 ? 'web' : 'db' }, annotations: { note: filler(payloadBytes, i) } },
    spec: { containers: [{ name: 'c', image: 'wake/busybox:1' }] },
    status: { phase: 'Pending' },
  };
}

/**
 * A mixed workload on the log: creates, spec updates, status reports, node binds and
 * deletes over `objects` pods, interleaved across objects the way a busy cluster writes.
 * Returns the events in the order they were acknowledged.
 */
export async function runMixedWorkload(log: EventLog, opts: { objects: number; rounds: number; namespace?: string; concurrency?: number }): Promise<StoredEvent[]> {
  const ns = opts.namespace ?? 'default';
  const state = new Map<string, { obj: KubeObject; seq: number; alive: boolean }>();
  const out: StoredEvent[] = [];
  const step = async (i: number, round: number) => {
    const name = `pod-${i}`;
    const cur = state.get(name);
    let type: string;
    let obj: KubeObject;
    if (!cur || !cur.alive) {
      type = 'Pod.Created';
      obj = podObject(name, ns, i + round);
    } else if (round % 5 === 4 && i % 3 === 0) {
      type = 'Pod.Deleted';
      obj = cur.obj;
    } else if (round % 2 === 1) {
      type = 'Pod.StatusReported';
      obj = { ...cur.obj, status: { phase: 'Running', podIP: `127.1.${i % 250}.${round % 250}` } };
    } else {
      type = 'Pod.Bound';
      obj = { ...cur.obj, spec: { ...(cur.obj.spec as object), nodeName: `node-${(i + round) % 7}` } };
    }
    const e = await log.append({ type, object: obj, actor: 'system:workload' }, { expect: cur ? cur.seq : 'absent' });
    state.set(name, { obj, seq: e.seq, alive: type !== 'Pod.Deleted' });
    out.push(e);
  };
  const concurrency = opts.concurrency ?? 16;
  for (let round = 0; round < opts.rounds; round++) {
    for (let start = 0; start < opts.objects; start += concurrency) {
      await Promise.all(Array.from({ length: Math.min(concurrency, opts.objects - start) }, (_, k) => step(start + k, round)));
    }
  }
  return out;
}

/** The projection's expected content, folded from the log independently of PostgreSQL. */
export function foldLatest(events: readonly StoredEvent[]): Map<string, StoredEvent> {
  const latest = new Map<string, StoredEvent>();
  for (const e of events) {
    const k = `${e.kind}/${e.namespace}/${e.name}`;
    const cur = latest.get(k);
    if (!cur || cur.seq < e.seq) latest.set(k, e);
  }
  return latest;
}
