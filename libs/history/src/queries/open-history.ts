import type { NatsConnection } from 'nats';
import type pg from 'pg';
import type { EventLog } from '@wake/events';
import { HistoryIndexer } from '../indexer/history-indexer';
import { HistoryStore } from '../store/history-store';
import { LogStream } from '../stream/log-stream';
import { HistoryQueries } from './history-queries';

export interface HistoryWiring {
  /** The stream's name (WAKE_STREAM_NAME, default WAKE_EVENTS). */
  readonly stream: string;
  /** A snapshot every this many events (WAKE_HISTORY_SNAPSHOT_EVERY; the indexer's default otherwise). */
  readonly snapshotEvery?: number;
  readonly log?: (m: string) => void;
}

/** The history queries over a NATS connection (the log) and a PostgreSQL pool (the history tables). */
export async function openHistoryQueries(nc: NatsConnection, log: EventLog, pool: pg.Pool, w: HistoryWiring): Promise<HistoryQueries> {
  const store = new HistoryStore(pool);
  const indexer = new HistoryIndexer(nc, store, { stream: w.stream, ...(w.snapshotEvery ? { snapshotEvery: w.snapshotEvery } : {}), ...(w.log ? { log: w.log } : {}) });
  return new HistoryQueries(await LogStream.open(nc, log, w.stream), store, indexer);
}

/** WAKE_HISTORY_SNAPSHOT_EVERY, when set to a positive number. */
export function snapshotEveryFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env.WAKE_HISTORY_SNAPSHOT_EVERY);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
