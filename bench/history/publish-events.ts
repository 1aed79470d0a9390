import { headers, type NatsConnection } from 'nats';
import { EVENT_TYPE_HEADER, sealEvent, subjectFor, type KubeObject } from '@wake/events';
import { podObject } from '@wake/testing';

/**
 * Publishes `total` pre-sealed events over `objects` pods with raw js.publish, `concurrency`
 * in flight: per object a Created, then Bound / StatusReported updates, a Deleted and a
 * re-Created now and then — the shape of a busy cluster, without the write path's cost.
 * Event times are spread evenly over [start, start + spanMs] so time lookups mean something.
 */
export async function publishEvents(nc: NatsConnection, o: { total: number; objects: number; concurrency: number; start: number; spanMs: number; payloadBytes: number }): Promise<{ millis: number }> {
  const js = nc.jetstream();
  const started = Date.now();
  const templates: KubeObject[] = Array.from({ length: o.objects }, (_, i) => podObject(`pod-${i}`, `ns-${i % 20}`, i, o.payloadBytes));
  const alive = new Array<boolean>(o.objects).fill(false);
  let next = 0;
  const encoder = new TextEncoder();
  const one = async (n: number) => {
    const i = n % o.objects;
    const round = Math.floor(n / o.objects);
    let type: string;
    let obj = templates[i];
    if (!alive[i]) { type = 'Pod.Created'; alive[i] = true; }
    else if (round % 25 === 24) { type = 'Pod.Deleted'; alive[i] = false; }
    else if (round % 2) { type = 'Pod.StatusReported'; obj = { ...obj, status: { phase: 'Running', podIP: `10.1.${i % 250}.${round % 250}` } }; }
    else { type = 'Pod.Bound'; obj = { ...obj, spec: { ...(obj.spec as object), nodeName: `node-${(i + round) % 50}` } }; }
    const event = sealEvent({ type, object: obj, actor: 'system:bench' }, new Date(o.start + Math.floor((n / o.total) * o.spanMs)));
    const h = headers();
    h.set(EVENT_TYPE_HEADER, type);
    await js.publish(subjectFor(event), encoder.encode(JSON.stringify(event)), { headers: h });
  };
  const worker = async () => {
    // Each object's events must keep their order: a worker owns whole rounds' slices in sequence.
    while (next < o.total) {
      const n = next++;
      await one(n);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return { millis: Date.now() - started };
}
