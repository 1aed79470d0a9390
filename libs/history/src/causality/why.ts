import type { ObjectKey, StoredEvent } from '@wake/events';
import type { HistoryStore } from '../store/history-store';
import type { LogStream } from '../stream/log-stream';
import { causalChain, collectAncestors, currentIncarnation, type ChainStep } from './causal-chain';

/**
 * `wake why`: the object's current incarnation and every event that caused part of it.
 * Causes are found by id in the history index (history_events: id → seq, written by the
 * indexer), then read from the stream by sequence (direct get); an event that carries
 * causationSeq is read directly even when the index is behind.
 */
export async function explain(stream: LogStream, store: HistoryStore, key: ObjectKey): Promise<ChainStep[]> {
  const own = currentIncarnation(await stream.history(key));
  const hints = new Map<string, number>();
  for (const e of own) if (e.causationId && e.causationSeq) hints.set(e.causationId, e.causationSeq);
  const fetch = async (ids: readonly string[]): Promise<StoredEvent[]> => {
    const seqs = new Map((await store.eventsById(ids)).map((r) => [r.id, r.seq]));
    const out: StoredEvent[] = [];
    for (const id of ids) {
      const seq = seqs.get(id) ?? hints.get(id);
      const e = seq ? await stream.eventAt(seq) : undefined;
      if (e && e.id === id) {
        out.push(e);
        if (e.causationId && e.causationSeq) hints.set(e.causationId, e.causationSeq);
      }
    }
    return out;
  };
  return causalChain(own, await collectAncestors(own, fetch));
}
