import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { streamSettingsFromEnv } from '@wake/events';
import { followIndexer, HistoryIndexer, HistoryStore, snapshotEveryFromEnv } from '@wake/history';
import { createPool, databaseUrlFromEnv } from '@wake/projection';
import { openLog } from '@wake/runtime';
import type { NatsConnection } from 'nats';

/**
 * Keeps the history projection (event index and snapshots) at the log's end, so `wake state`,
 * `wake why` and the gateway's history endpoints rarely have anything left to catch up.
 * Indexing is idempotent: the CLI and the gateway may catch up at the same time.
 */
@Injectable()
export class HistoryIndexerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('HistoryIndexer');
  private readonly stop = new AbortController();
  private nc?: NatsConnection;
  private pool?: pg.Pool;
  private loop?: Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    const stream = streamSettingsFromEnv().name;
    this.nc = (await openLog('wake-history-indexer')).nc;
    this.pool = createPool(databaseUrlFromEnv(), 2);
    const indexer = new HistoryIndexer(this.nc, new HistoryStore(this.pool), { stream, snapshotEvery: snapshotEveryFromEnv() });
    this.logger.log(`indexing ${stream} (a snapshot every ${snapshotEveryFromEnv() ?? 'default'} events)`);
    this.loop = followIndexer(indexer, {
      signal: this.stop.signal,
      idleMs: Number(process.env.WAKE_HISTORY_IDLE_MS) || 1000,
      onRun: (r) => this.logger.log(`indexed ${r.indexed} events through ${r.throughSeq}, ${r.snapshots} snapshots, in ${r.millis} ms`),
      onError: (e) => this.logger.warn(`indexing failed, retrying: ${(e as Error).message}`),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.loop;
    await this.pool?.end();
    await this.nc?.drain().catch(() => undefined);
    this.logger.log('stopped');
  }
}
