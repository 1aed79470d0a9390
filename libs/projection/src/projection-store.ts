import type { KubeObject, ObjectKey } from '@wake/events';
import type pg from 'pg';
import { poolOf, type PrismaClient } from './prisma';
import { applyBatchParams, applyBatchSql, CHECKPOINTS_TABLE, LIVE_OBJECTS_TABLE, tableName } from './apply-batch.sql';
import { toBatchRows, type BatchRows, type LogMessage } from './batch-rows';

export interface ListQuery {
  readonly kind: string;
  /** undefined lists every namespace */
  readonly namespace?: string;
  /** equality labels every returned object must carry (filtered within the primary key's kind/namespace range) */
  readonly labels?: Record<string, string>;
  /** pods bound to this node (filtered within the primary key's kind range) */
  readonly nodeName?: string;
}

/** A label requirement PostgreSQL can filter on (the `labels` jsonb column is metadata.labels). */
export interface PageLabelTerm {
  readonly key: string;
  readonly operator: 'in' | 'notin' | 'exists' | '!';
  readonly values: readonly string[];
}

export interface PageQuery {
  readonly kind: string;
  /** undefined pages over every namespace */
  readonly namespace?: string;
  /** the key of the last object of the previous page (exclusive) */
  readonly after?: { readonly namespace: string; readonly name: string };
  /** at most this many objects (> 0) */
  readonly limit: number;
  /** requirements every returned (and counted) object meets, ANDed */
  readonly labels?: readonly PageLabelTerm[];
}

/**
 * The projection in PostgreSQL: the projector's writes (batches + checkpoint) and the reads
 * every other component makes. Objects come back with metadata.resourceVersion set.
 */
export class ProjectionStore {
  /**
   * `pool` (optional, the pg pool under `prisma`): the projector's batch statement goes to it
   * directly. Through Prisma's client engine a batch's JSON parameter is marshalled at about
   * 19 µs of CPU per event, in series with the statement: a third of the catch-up time.
   */
  private readonly pool?: pg.Pool;
  /** The table the write path, hash() and count() work on (a blue-green rebuild writes a fresh one). */
  readonly objectsTable: string;
  private readonly applySql: string;

  /** `pool` null: the batch statement goes through Prisma's client engine even when it has a pool (to measure it). */
  constructor(readonly prisma: PrismaClient, pool?: pg.Pool | null, opts: { objectsTable?: string } = {}) {
    this.pool = pool === null ? undefined : pool ?? poolOf(prisma);
    this.objectsTable = tableName(opts.objectsTable ?? LIVE_OBJECTS_TABLE);
    this.applySql = applyBatchSql(this.objectsTable);
  }

  /** A connection of its own from the pool (a blue-green switch holds one transaction open on it). */
  async connect(): Promise<pg.PoolClient> {
    if (!this.pool) throw new Error('this ProjectionStore has no pg pool (make the Prisma client with createPrisma, or pass a pool)');
    return this.pool.connect();
  }

  /** The same database, writing to another objects table (the checkpoints table is shared). */
  withObjectsTable(objectsTable: string): ProjectionStore {
    return new ProjectionStore(this.prisma, this.pool, { objectsTable });
  }

  async checkpoint(name: string): Promise<number> {
    const row = await this.prisma.projectionCheckpoint.findUnique({ where: { name } });
    return row ? Number(row.seq) : 0;
  }

  /** Applies a batch of log messages and moves checkpoint `name` to the last one's sequence. */
  async applyBatch(name: string, messages: ReadonlyArray<LogMessage>): Promise<void> {
    if (!messages.length) return;
    await this.applyRows(name, toBatchRows(messages));
  }

  /** Applies rows made by toBatchRows (the projector makes them while the previous batch is in PostgreSQL). */
  async applyRows(name: string, rows: BatchRows): Promise<void> {
    if (!rows.events) return;
    const params = applyBatchParams(name, rows);
    if (this.pool) await this.pool.query(this.applySql, params);
    else await this.prisma.$executeRawUnsafe(this.applySql, ...params);
  }

  async get(key: ObjectKey): Promise<KubeObject | undefined> {
    const row = await this.prisma.apiObject.findUnique({
      where: { kind_namespace_name: { kind: key.kind, namespace: key.namespace, name: key.name } },
    });
    return row && !row.deleted ? (row.object as unknown as KubeObject) : undefined;
  }

  async list(q: ListQuery): Promise<KubeObject[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ object: KubeObject }[]>(
      `SELECT object FROM api_objects
        WHERE kind = $1 AND NOT deleted
          AND ($2::text IS NULL OR namespace = $2)
          AND ($3::jsonb IS NULL OR labels @> $3::jsonb)
          AND ($4::text IS NULL OR node_name = $4)
        ORDER BY namespace, name`,
      q.kind,
      q.namespace ?? null,
      q.labels && Object.keys(q.labels).length ? JSON.stringify(q.labels) : null,
      q.nodeName ?? null,
    );
    return rows.map((r) => r.object);
  }

  /**
   * Every live object of a kind (optionally one namespace) together with the sequence the
   * list is consistent at: a watch of the log from that sequence continues it without a gap.
   */
  async snapshot(kind: string, namespace?: string, projection = 'main'): Promise<{ objects: KubeObject[]; seq: number }> {
    // One statement, so one snapshot, taken after the statement has locked both tables. Two
    // statements in a REPEATABLE READ transaction would take the snapshot at the first; if a
    // blue-green switch renamed the tables before the second, that one would read the new
    // table through the old snapshot, without the rows committed just before the switch.
    // json_agg reads the objects in primary-key order (no sort) and returns one JSON array.
    const rows = await this.prisma.$queryRawUnsafe<{ seq: bigint | null; objects: KubeObject[] | null }[]>(
      `SELECT (SELECT seq FROM ${CHECKPOINTS_TABLE} WHERE name = $3) AS seq,
              (SELECT json_agg(object ORDER BY namespace, name) FROM ${LIVE_OBJECTS_TABLE}
                WHERE kind = $1 AND NOT deleted AND ($2::text IS NULL OR namespace = $2)) AS objects`,
      kind, namespace ?? null, projection,
    );
    return { objects: rows[0]?.objects ?? [], seq: rows[0]?.seq == null ? 0 : Number(rows[0].seq) };
  }

  /**
   * One page of the live objects of a kind (optionally one namespace) in primary-key order:
   * keyset pagination after `after` (exclusive), at most `limit` objects, with the number of
   * matching objects after `after` (so the caller knows whether more remain and how many) and
   * the sequence the page is consistent at. One statement, so one snapshot, as snapshot().
   */
  async page(q: PageQuery, projection = 'main'): Promise<{ objects: KubeObject[]; seq: number; total: number }> {
    const params: unknown[] = [q.kind, projection, q.limit];
    const arg = (v: unknown, cast: string) => { params.push(v); return `$${params.length}::${cast}`; };
    const where = ['kind = $1', 'NOT deleted'];
    if (q.namespace !== undefined) where.push(`namespace = ${arg(q.namespace, 'text')}`);
    if (q.after) where.push(`(kind, namespace, name) > ($1, ${arg(q.after.namespace, 'text')}, ${arg(q.after.name, 'text')})`);
    for (const r of q.labels ?? []) {
      const key = arg(r.key, 'text');
      switch (r.operator) {
        case 'in': where.push(`coalesce(labels->>${key} = ANY(${arg(r.values, 'text[]')}), false)`); break;
        case 'notin': where.push(`NOT coalesce(labels->>${key} = ANY(${arg(r.values, 'text[]')}), false)`); break;
        case 'exists': where.push(`coalesce(jsonb_exists(labels, ${key}), false)`); break;
        case '!': where.push(`NOT coalesce(jsonb_exists(labels, ${key}), false)`); break;
        default: { const never: never = r.operator; throw new Error(`unsupported label operator ${String(never)}`); }
      }
    }
    const cond = where.join(' AND ');
    const rows = await this.prisma.$queryRawUnsafe<{ seq: bigint | null; objects: KubeObject[] | null; total: bigint | number }[]>(
      `SELECT (SELECT seq FROM ${CHECKPOINTS_TABLE} WHERE name = $2) AS seq,
              (SELECT json_agg(object ORDER BY namespace, name) FROM
                (SELECT namespace, name, object FROM ${LIVE_OBJECTS_TABLE} WHERE ${cond} ORDER BY kind, namespace, name LIMIT $3::int) p) AS objects,
              (SELECT count(*) FROM ${LIVE_OBJECTS_TABLE} WHERE ${cond}) AS total`,
      ...params,
    );
    const row = rows[0];
    return { objects: row?.objects ?? [], seq: row?.seq == null ? 0 : Number(row.seq), total: Number(row?.total ?? 0) };
  }

  /** Drops every projected row and checkpoint: the start of a rebuild. */
  async reset(): Promise<void> {
    await this.prisma.$executeRawUnsafe(`TRUNCATE ${this.objectsTable}, ${CHECKPOINTS_TABLE}`);
  }

  /**
   * A hash of the whole projected state (tombstones included), in key order. The object is
   * hashed as jsonb, which prints canonically, so equal states hash equal however they were
   * reached (even rows the migration to json converted from jsonb).
   */
  async hash(db: Queryable = this.prisma): Promise<string> {
    return hashTable(db, this.objectsTable);
  }

  async count(): Promise<number> {
    const rows = await this.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM ${this.objectsTable} WHERE NOT deleted`);
    return Number(rows[0]?.n ?? 0);
  }
}

/** Something that runs SQL: Prisma, or a pg client (inside a transaction). */
export type Queryable = PrismaClient | pg.ClientBase;

/** The hash ProjectionStore.hash() computes, of any objects table (a switch compares two in one transaction). */
export async function hashTable(db: Queryable, table: string): Promise<string> {
  const sql = `SELECT md5(string_agg(md5(kind || '/' || namespace || '/' || name || '@' || seq || ':' || deleted || ':' || object::jsonb::text), '' ORDER BY kind, namespace, name)) AS h FROM ${tableName(table)}`;
  const rows = '$queryRawUnsafe' in db
    ? await db.$queryRawUnsafe<{ h: string | null }[]>(sql)
    : (await db.query<{ h: string | null }>(sql)).rows;
  return rows[0]?.h ?? 'empty';
}
