import type { NatsConnection } from 'nats';
import type pg from 'pg';
import { streamSettingsFromEnv, type JetStreamEventLog } from '@wake/events';
import { HistoryIndexer, HistoryStore, LogStream } from '@wake/history';
import { createPool, databaseUrlFromEnv } from '@wake/projection';
import { openLog } from '@wake/runtime';

/** What a history command works with: the log (NATS_URL) and the history tables (DATABASE_URL). */
export interface HistoryContext {
  readonly nc: NatsConnection;
  readonly log: JetStreamEventLog;
  readonly stream: LogStream;
  readonly store: HistoryStore;
  readonly indexer: HistoryIndexer;
}

/** Opens the context, runs `fn`, and closes everything, whatever happens. */
export async function withHistory<T>(fn: (ctx: HistoryContext) => Promise<T>): Promise<T> {
  const { nc, log } = await openLog('wake-cli-history');
  let pool: pg.Pool | undefined;
  try {
    pool = createPool(databaseUrlFromEnv(), 4);
    const streamName = streamSettingsFromEnv().name;
    const store = new HistoryStore(pool);
    const indexer = new HistoryIndexer(nc, store, {
      stream: streamName,
      snapshotEvery: Number(process.env.WAKE_HISTORY_SNAPSHOT_EVERY) || undefined,
    });
    return await fn({ nc, log, stream: await LogStream.open(nc, log, streamName), store, indexer });
  } finally {
    await pool?.end();
    await nc.drain().catch(() => undefined);
  }
}

export const out = (s: string) => process.stdout.write(s);
