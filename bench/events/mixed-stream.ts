import type { JetStreamClient } from 'nats';
import { checkEvent, sealEvent, subjectFor, type KubeObject } from '@wake/events';
import { podObject } from '@wake/testing';

export interface MixedStream {
  readonly events: number;
  readonly objects: number;
  readonly lastSeq: number;
  /** Objects alive at the end (what the projection must count). */
  readonly live: number;
  readonly byType: Record<string, number>;
  readonly seconds: number;
}

/**
 * Fills the stream with a mixed workload: `objects` pods over `rounds` rounds of creates, spec
 * updates, node binds, status reports, deletes and re-creates. Each event is sealed and checked
 * exactly as `append` does, then published raw (no expectation headers, which the projector
 * never reads) with `window` publishes in flight: the bodies on the stream are what append
 * would have stored, generated an order of magnitude faster. Rounds are awaited one by one,
 * so every object's events are on the stream in their order.
 */
export async function publishMixedStream(js: JetStreamClient, opts: { objects: number; rounds: number; window?: number }): Promise<MixedStream> {
  const window = opts.window ?? 256;
  const state: Array<{ object: KubeObject; alive: boolean } | undefined> = [];
  const byType: Record<string, number> = {};
  let lastSeq = 0;
  const started = process.hrtime.bigint();
  for (let round = 0; round < opts.rounds; round++) {
    let next = 0;
    await Promise.all(Array.from({ length: window }, async () => {
      while (next < opts.objects) {
        const i = next++;
        const { type, object } = step(state[i], i, round);
        state[i] = { object, alive: type !== 'Pod.Deleted' };
        byType[type] = (byType[type] ?? 0) + 1;
        const event = sealEvent({ type, object, actor: 'system:bench' });
        const ack = await js.publish(subjectFor(event), checkEvent(event));
        if (ack.seq > lastSeq) lastSeq = ack.seq;
      }
    }));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    events: opts.objects * opts.rounds,
    objects: opts.objects,
    lastSeq,
    live: state.filter((s) => s?.alive).length,
    byType,
    seconds,
  };
}

function step(cur: { object: KubeObject; alive: boolean } | undefined, i: number, round: number): { type: string; object: KubeObject } {
  const name = `pod-${i}`;
  if (!cur || !cur.alive) return { type: 'Pod.Created', object: podObject(name, `ns-${i % 20}`, i + round) };
  const o = cur.object;
  if (round % 5 === 4 && i % 3 === 0) return { type: 'Pod.Deleted', object: o };
  if (round % 2 === 1) {
    return { type: 'Pod.StatusReported', object: { ...o, status: { phase: 'Running', podIP: `10.1.${i % 250}.${round % 250}` } } };
  }
  if (round % 4 === 2) {
    return { type: 'Pod.Bound', object: { ...o, spec: { ...(o.spec as object), nodeName: `node-${(i + round) % 7}` } } };
  }
  return {
    type: 'Pod.Updated',
    object: { ...o, metadata: { ...o.metadata, generation: round, labels: { ...o.metadata.labels, rev: String(round) } } },
  };
}
