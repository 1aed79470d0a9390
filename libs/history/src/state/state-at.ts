import { WakeError, type KubeObject } from '@wake/events';
import type { HistoryStore } from '../store/history-store';
import type { LogStream } from '../stream/log-stream';
import { StateFold, type StateQuery } from './state-fold';
import type { PointArg } from './time-search';

export interface StateAt {
  /** The last sequence included. */
  readonly seq: number;
  /** The point's time: ages are measured from it. */
  readonly time: string;
  readonly objects: KubeObject[];
  /** The snapshot the fold started from (0: the start of the log). */
  readonly fromSnapshot: number;
  /** Events replayed on top of the snapshot. */
  readonly replayed: number;
}

/**
 * The live objects at a point of the log: the nearest snapshot at or before it, plus the
 * tail of events up to it — bounded by the snapshot interval, not by the log's length.
 */
export async function stateAt(stream: LogStream, store: HistoryStore, point: PointArg, q: StateQuery = {}): Promise<StateAt> {
  await refusePointPastTheEnd(stream, point);
  const at = await stream.resolve(point);
  const snap = await store.latestSnapshot(at.seq);
  const from = snap?.seq ?? 0;
  const fold = new StateFold(snap ? await store.snapshotEntries(snap.seq, q) : [], from);
  let replayed = 0;
  const filter = q.kind ? { kind: q.kind, ...(q.namespace !== undefined ? { namespace: q.namespace } : {}) } : undefined;
  for await (const e of stream.range(from, at.seq, filter)) {
    fold.apply(e);
    replayed++;
  }
  return { seq: at.seq, time: at.time, objects: fold.objects(q), fromSnapshot: from, replayed };
}

/**
 * A sequence past the log's last event, or a time still to come, has no state yet: answering
 * with today's state would pass it off as what the cluster was then.
 */
async function refusePointPastTheEnd(stream: LogStream, point: PointArg, now = new Date()): Promise<void> {
  if ('time' in point) {
    if (point.time.getTime() > now.getTime()) throw new WakeError('BadRequest', `--at ${point.time.toISOString()} is in the future (now is ${now.toISOString()})`);
    return;
  }
  const { lastSeq } = await stream.info();
  if (point.seq > lastSeq) throw new WakeError('BadRequest', `--at ${point.seq} is past the log's last event (sequence ${lastSeq})`);
}
