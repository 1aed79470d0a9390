import type { NatsConnection } from 'nats';
import type pg from 'pg';
import { CHECKPOINTS_TABLE, LIVE_OBJECTS_TABLE } from './apply-batch.sql';
import { freshTablePlan, type FreshTablePlan, type LiveIndex } from './fresh-table-plan';
import { hashTable, type ProjectionStore } from './projection-store';
import { Projector, projectorDurableName } from './projector';

export interface BlueGreenOptions {
  readonly stream: string;
  /** the projection (its checkpoint row), 'main' by default */
  readonly name?: string;
  readonly maxBatch?: number;
  /** drop the fresh table when its hash differs from the live one (default: keep it to inspect) */
  readonly dropOnMismatch?: boolean;
  /** catch-up rounds with the live projector running continue until it is at most this far ahead */
  readonly finalGap?: number;
  /** how long the switch may wait for a table lock (a long read in flight) before giving up */
  readonly lockTimeoutMs?: number;
  /** how long the final catch-up (live projector held) may take before the rebuild gives up */
  readonly finalCatchUpMs?: number;
  readonly log?: (m: string) => void;
}

export interface BlueGreenResult {
  readonly switched: boolean;
  /** events applied to the fresh table */
  readonly events: number;
  /** the live checkpoint both tables were hashed at */
  readonly throughSeq: number;
  readonly millis: number;
  /** how long the live projector's writes were held (final catch-up, hashes, switch) */
  readonly pausedMillis: number;
  readonly liveHash: string;
  readonly freshHash: string;
  /** when not switched and not dropped: the table holding the rebuilt projection */
  readonly keptTable?: string;
}

const REBUILD_LOCK = `'wake.projection.rebuild'`;

/**
 * Rebuilds the projection from the stream into a fresh table while the live table and the live
 * projector keep serving, then switches atomically:
 *  1. a fresh table like the live one (columns, storage parameters; the primary key now, the
 *     other indexes after the bulk load);
 *  2. a bounded projector replays the stream into it up to the live checkpoint, in rounds,
 *     until it is close behind the live projector (which never stops meanwhile);
 *  3. in one transaction: LOCK the live table in EXCLUSIVE mode (readers go on; the live
 *     projector's next batch waits, wherever it runs, without being told), read the live
 *     checkpoint, replay the last events into the fresh table, hash both at that sequence
 *     (on two connections at once; the fresh one's hash is taken before the pause and reused
 *     when the final catch-up had nothing to apply),
 *     and, when equal, rename the tables (and their indexes) and commit. The live projector's
 *     waiting statement then resolves `api_objects` again and continues on the new table from
 *     the same checkpoint (the checkpoint row is shared and does not move).
 * When the hashes differ nothing is switched; the fresh table is kept (or dropped). A read is
 * one statement (ProjectionStore.snapshot reads the checkpoint and the objects in one), so it
 * locks the table before it takes its snapshot: it sees the old table whole, or the new one
 * with every row committed before the switch, never an older snapshot of the new table.
 */
export async function rebuildBlueGreen(nc: NatsConnection, store: ProjectionStore, opts: BlueGreenOptions): Promise<BlueGreenResult> {
  const started = Date.now();
  const name = opts.name ?? 'main';
  const rebuildName = `${name}-rebuild`;
  const log = opts.log ?? (() => undefined);
  const db = await store.connect();
  const locked = await db.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext(${REBUILD_LOCK})) AS ok`).catch((e) => { db.release(); throw e; });
  if (!locked.rows[0].ok) {
    db.release();
    throw new Error('another projection rebuild is running on this database');
  }
  let plan: FreshTablePlan | undefined;
  let keep = false;
  try {
    plan = freshTablePlan(LIVE_OBJECTS_TABLE, await liveIndexes(db), await liveOptions(db));
    await dropFresh(db, plan, rebuildName, log);
    // Only a switch makes it, and drops it right after its commit: one left means a crash in between.
    await db.query(`DROP TABLE IF EXISTS ${plan.retired}`);
    for (const sql of plan.create) await db.query(sql);
    const fresh = store.withObjectsTable(plan.fresh);
    let events = 0;
    const catchUp = async (until: number, withinMs = Infinity) => {
      const from = await store.checkpoint(rebuildName);
      if (until <= from) return;
      const projector = new Projector(nc, fresh, { stream: opts.stream, name: rebuildName, maxBatch: opts.maxBatch, until, log: opts.log });
      await projector.start();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          projector.reached(until),
          new Promise<never>((_, reject) => {
            if (withinMs !== Infinity) timer = setTimeout(() => reject(new Error(`the final catch-up to sequence ${until} took more than ${withinMs} ms: not switched`)), withinMs);
          }),
        ]);
      } finally {
        clearTimeout(timer);
        await projector.stop();
        events += projector.applied;
      }
    };

    // 2. replay with the live projector running, until the gap is small
    const finalGap = opts.finalGap ?? 10_000;
    for (let round = 0; round < 5; round++) {
      const live = await store.checkpoint(name);
      await catchUp(live);
      if (round === 0) {
        for (const sql of plan.indexesAfterLoad) await db.query(sql);
        await db.query(`ANALYZE ${plan.fresh}`);
      }
      const gap = (await store.checkpoint(name)) - live;
      log(`rebuild: fresh table at sequence ${live}, the live projection ${gap} events ahead`);
      if (gap <= finalGap) break;
    }

    // The fresh table's hash now, while nothing is held: the pause reuses it when the live
    // projection has not moved since (a quiet cluster), and hashes both tables at once otherwise.
    const freshAt = await store.checkpoint(rebuildName);
    const freshHashAt = await hashTable(store.prisma, plan.fresh);

    // 3. pause the live projector's writes, last catch-up, compare, switch
    await db.query('BEGIN');
    const paused = Date.now();
    try {
      await db.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(opts.lockTimeoutMs ?? 10_000))}`);
      await db.query(`LOCK TABLE ${LIVE_OBJECTS_TABLE} IN EXCLUSIVE MODE`);
      const cp = await db.query<{ seq: string }>(`SELECT seq FROM ${CHECKPOINTS_TABLE} WHERE name = $1`, [name]);
      const throughSeq = cp.rows.length ? Number(cp.rows[0].seq) : 0;
      // The live projector waits meanwhile: bounded, so that a stalled replay cannot hold it for long.
      await catchUp(throughSeq, opts.finalCatchUpMs ?? 30_000);
      const moved = (await store.checkpoint(rebuildName)) !== freshAt;
      const [liveHash, freshHash] = await Promise.all([
        hashTable(db, LIVE_OBJECTS_TABLE),
        moved ? hashTable(store.prisma, plan.fresh) : freshHashAt,
      ]);
      const result = { events, throughSeq, liveHash, freshHash };
      if (liveHash !== freshHash) {
        await db.query('ROLLBACK');
        keep = !opts.dropOnMismatch;
        log(`rebuild: hashes differ at sequence ${throughSeq} (live ${liveHash}, rebuilt ${freshHash}): not switched; ${keep ? `the rebuilt projection stays in ${plan.fresh}` : 'dropped it'}`);
        return { ...result, switched: false, millis: Date.now() - started, pausedMillis: Date.now() - paused, keptTable: keep ? plan.fresh : undefined };
      }
      for (const sql of plan.switchOver) await db.query(sql);
      await db.query('COMMIT');
      const pausedMillis = Date.now() - paused;
      log(`rebuild: switched at sequence ${throughSeq} (hash ${liveHash}); the live projector was held ${pausedMillis} ms`);
      await db.query(`DROP TABLE ${plan.retired}`);
      return { ...result, switched: true, millis: Date.now() - started, pausedMillis };
    } catch (e) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } finally {
    try {
      const jsm = await nc.jetstreamManager();
      await jsm.consumers.delete(opts.stream, projectorDurableName(rebuildName)).catch(() => undefined);
      if (plan && !keep) await dropFresh(db, plan, rebuildName, () => undefined);
      await db.query(`SELECT pg_advisory_unlock(hashtext(${REBUILD_LOCK}))`);
    } finally {
      db.release();
    }
  }
}

async function liveIndexes(db: pg.ClientBase): Promise<LiveIndex[]> {
  const { rows } = await db.query<{ name: string; definition: string; conname: string | null; contype: 'p' | 'u' | null }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition, c.conname, c.contype
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u')
      WHERE x.indrelid = '${LIVE_OBJECTS_TABLE}'::regclass ORDER BY i.relname`,
  );
  return rows.map((r) => ({ name: r.name, definition: r.definition, constraint: r.conname && r.contype ? { name: r.conname, type: r.contype } : undefined }));
}

async function liveOptions(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ o: string[] | null }>(`SELECT reloptions AS o FROM pg_class WHERE oid = '${LIVE_OBJECTS_TABLE}'::regclass`);
  return rows[0]?.o ?? [];
}

/** Drops a fresh table (a leftover of an earlier rebuild, or ours) with its checkpoint row and consumer. */
async function dropFresh(db: pg.ClientBase, plan: FreshTablePlan, rebuildName: string, log: (m: string) => void): Promise<void> {
  const { rows } = await db.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [plan.fresh]);
  if (rows[0]?.t) log(`rebuild: dropping ${plan.fresh}, left by an earlier rebuild`);
  await db.query(`DROP TABLE IF EXISTS ${plan.fresh}`);
  await db.query(`DELETE FROM ${CHECKPOINTS_TABLE} WHERE name = $1`, [rebuildName]);
}
