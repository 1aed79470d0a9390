import type { NatsConnection } from 'nats';
import type pg from 'pg';
import { streamSettingsFromEnv, type JetStreamEventLog } from '@wake/events';
import { openHistoryQueries, snapshotEveryFromEnv, type HistoryIndexer, type HistoryQueries, type HistoryStore, type LogStream } from '@wake/history';
import { createPool, databaseUrlFromEnv } from '@wake/projection';
import { openLog } from '@wake/runtime';

/** What a history command works with: the log (NATS_URL) and the history tables (DATABASE_URL). */
export interface HistoryContext {
  readonly nc: NatsConnection;
  readonly log: JetStreamEventLog;
  readonly stream: LogStream;
  readonly store: HistoryStore;
  readonly indexer: HistoryIndexer;
  /** The answers the gateway's history.wake.dev endpoints serve too. */
  readonly queries: HistoryQueries;
}

/** Opens the context, runs `fn`, and closes everything, whatever happens. */
export async function withHistory<T>(fn: (ctx: HistoryContext) => Promise<T>): Promise<T> {
  const { nc, log } = await openLog('wake-cli-history');
  let pool: pg.Pool | undefined;
  try {
    pool = createPool(databaseUrlFromEnv(), 4);
    const queries = await openHistoryQueries(nc, log, pool, { stream: streamSettingsFromEnv().name, snapshotEvery: snapshotEveryFromEnv() });
    return await fn({ nc, log, stream: queries.stream, store: queries.store, indexer: queries.indexer, queries });
  } finally {
    await pool?.end();
    await nc.drain().catch(() => undefined);
  }
}

export const out = (s: string) => process.stdout.write(s);
