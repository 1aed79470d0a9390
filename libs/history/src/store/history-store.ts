import type pg from 'pg';
import type { StoredEvent } from '@wake/events';
import type { FoldEntry, StateQuery } from '../state/state-fold';

export interface SnapshotInfo {
  readonly seq: number;
  readonly time: string;
  readonly objects: number;
}

/** An indexed event: where it is in the log and what caused it. */
export interface IndexedEvent {
  readonly id: string;
  readonly seq: number;
  readonly causationId?: string;
  readonly correlationId: string;
}

const SNAPSHOT_CHUNK = 2000;

/**
 * The history projection in PostgreSQL (tables of migration 20261124000000_history): the event
 * index (id → seq, causation, correlation) and periodic snapshots of the live objects. Only the
 * history indexer writes here, and only what it read from the log.
 */
export class HistoryStore {
  constructor(readonly pool: pg.Pool) {}

  async checkpoint(name = 'history'): Promise<number> {
    const r = await this.pool.query<{ seq: string }>('SELECT seq FROM history_checkpoints WHERE name = $1', [name]);
    return r.rows.length ? Number(r.rows[0].seq) : 0;
  }

  /** Indexes a batch of events and moves the checkpoint in one statement (idempotent). */
  async indexBatch(events: readonly StoredEvent[], name = 'history'): Promise<void> {
    if (!events.length) return;
    const col = <T>(f: (e: StoredEvent) => T) => events.map(f);
    await this.pool.query(
      `WITH ins AS (
         INSERT INTO history_events (id, seq, time, type, kind, namespace, name, correlation_id, causation_id)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         ON CONFLICT DO NOTHING RETURNING 1)
       INSERT INTO history_checkpoints AS c (name, seq, updated_at) VALUES ($10, $11, now())
       ON CONFLICT (name) DO UPDATE SET seq = GREATEST(c.seq, EXCLUDED.seq), updated_at = now()`,
      [col((e) => e.id), col((e) => e.seq), col((e) => e.time), col((e) => e.type), col((e) => e.kind), col((e) => e.namespace),
        col((e) => e.name), col((e) => e.correlationId), col((e) => e.causationId ?? null), name, events[events.length - 1].seq],
    );
  }

  /** Writes a snapshot at `seq` in one transaction; a snapshot already there is kept. */
  async writeSnapshot(seq: number, time: string, entries: readonly FoldEntry[]): Promise<boolean> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const head = await c.query('INSERT INTO history_snapshots (seq, time, objects) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING seq', [seq, time, entries.length]);
      if (!head.rowCount) { await c.query('ROLLBACK'); return false; }
      for (let i = 0; i < entries.length; i += SNAPSHOT_CHUNK) {
        const chunk = entries.slice(i, i + SNAPSHOT_CHUNK);
        await c.query(
          `INSERT INTO history_snapshot_objects (snapshot_seq, kind, namespace, name, seq, type, object)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::jsonb[])`,
          [seq, chunk.map((e) => e.kind), chunk.map((e) => e.namespace), chunk.map((e) => e.name), chunk.map((e) => e.seq),
            chunk.map((e) => e.type), chunk.map((e) => JSON.stringify(e.object))],
        );
      }
      await c.query('COMMIT');
      return true;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  /** The newest snapshot at or before `seq` (any when omitted). */
  async latestSnapshot(atOrBefore = Number.MAX_SAFE_INTEGER): Promise<SnapshotInfo | undefined> {
    const r = await this.pool.query<{ seq: string; time: Date; objects: number }>(
      'SELECT seq, time, objects FROM history_snapshots WHERE seq <= $1 ORDER BY seq DESC LIMIT 1', [atOrBefore]);
    const row = r.rows[0];
    return row && { seq: Number(row.seq), time: row.time.toISOString(), objects: row.objects };
  }

  async snapshots(): Promise<SnapshotInfo[]> {
    const r = await this.pool.query<{ seq: string; time: Date; objects: number }>('SELECT seq, time, objects FROM history_snapshots ORDER BY seq');
    return r.rows.map((row) => ({ seq: Number(row.seq), time: row.time.toISOString(), objects: row.objects }));
  }

  /** A snapshot's objects matching the query. */
  async snapshotEntries(seq: number, q: StateQuery = {}): Promise<FoldEntry[]> {
    const r = await this.pool.query<{ kind: string; namespace: string; name: string; seq: string; type: string; object: FoldEntry['object'] }>(
      `SELECT kind, namespace, name, seq, type, object FROM history_snapshot_objects
        WHERE snapshot_seq = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR namespace = $3)`,
      [seq, q.kind ?? null, q.namespace ?? null]);
    return r.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }

  /** Where events are in the log, by id (the causation index). */
  async eventsById(ids: readonly string[]): Promise<IndexedEvent[]> {
    if (!ids.length) return [];
    const r = await this.pool.query<{ id: string; seq: string; causation_id: string | null; correlation_id: string }>(
      'SELECT id, seq, causation_id, correlation_id FROM history_events WHERE id = ANY($1::text[])', [ids]);
    return r.rows.map((row) => ({ id: row.id, seq: Number(row.seq), correlationId: row.correlation_id, ...(row.causation_id ? { causationId: row.causation_id } : {}) }));
  }

  async indexedCount(): Promise<number> {
    const r = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM history_events');
    return Number(r.rows[0].n);
  }
}
