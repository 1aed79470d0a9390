import type { BatchRows } from './batch-rows';
import { booleanArrayLiteral, integerArrayLiteral, jsonArrayText, textArrayLiteral } from './pg-array-literal';

/** Where a projection lives: the live one is `api_objects`; a blue-green rebuild writes a fresh table. */
export const LIVE_OBJECTS_TABLE = 'api_objects';
export const CHECKPOINTS_TABLE = 'projection_checkpoints';

/** A table name we interpolate into SQL: plain identifiers only. */
export function tableName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain table name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * One statement applies a batch and moves the checkpoint, atomically. The rows come column by
 * column, zipped by ROWS FROM: arrays of short values, the labels as one JSON array, and the
 * objects as one bytea of their UTF-8 JSON back to back with arrays of offsets and lengths
 * (no escaping on either side, no text conversion of the bulk: a bytea parameter is taken as
 * it comes). `object` is a json column: PostgreSQL validates each object and stores its text,
 * where parsing the events into jsonb cost more than everything else together. A row only moves forward (seq < EXCLUDED.seq), which makes the
 * projection idempotent and order-insensitive per object (invariant 4). The rows are one per
 * object (toBatchRows), as ON CONFLICT DO UPDATE requires.
 */
export function applyBatchSql(objectsTable: string = LIVE_OBJECTS_TABLE): string {
  return `
WITH applied AS (
  INSERT INTO ${tableName(objectsTable)} AS o (kind, namespace, name, uid, seq, deleted, labels, node_name, object)
  SELECT kind, namespace, name, uid, seq, deleted, NULLIF(labels::jsonb, 'null'::jsonb), node_name,
         convert_from(substring($9::bytea FROM object_at FOR object_bytes), 'UTF8')::json
  FROM ROWS FROM (unnest($1::bigint[]), unnest($2::text[]), unnest($3::text[]), unnest($4::text[]), unnest($5::text[]),
                  unnest($6::boolean[]), json_array_elements($7::json), unnest($8::text[]), unnest($12::int[]), unnest($13::int[]))
    AS x(seq, kind, namespace, name, uid, deleted, labels, node_name, object_at, object_bytes)
  ON CONFLICT (kind, namespace, name) DO UPDATE
    SET uid = EXCLUDED.uid, seq = EXCLUDED.seq, deleted = EXCLUDED.deleted, labels = EXCLUDED.labels,
        node_name = EXCLUDED.node_name, object = EXCLUDED.object
    WHERE o.seq < EXCLUDED.seq
)
INSERT INTO ${CHECKPOINTS_TABLE} AS c (name, seq, updated_at) VALUES ($10, $11::bigint, now())
ON CONFLICT (name) DO UPDATE SET seq = GREATEST(c.seq, EXCLUDED.seq), updated_at = now()`;
}

export const APPLY_BATCH_SQL = applyBatchSql();

/**
 * The statement's parameters, in order: text (see pg-array-literal.ts for why not JS arrays),
 * and the objects as one Buffer, which node-postgres sends as a binary (bytea) parameter.
 */
export function applyBatchParams(checkpointName: string, rows: BatchRows): Array<string | Buffer> {
  return [
    integerArrayLiteral(rows.seq), textArrayLiteral(rows.kind), textArrayLiteral(rows.namespace), textArrayLiteral(rows.name),
    textArrayLiteral(rows.uid), booleanArrayLiteral(rows.deleted), jsonArrayText(rows.labels), textArrayLiteral(rows.nodeName),
    rows.objects, checkpointName, String(rows.lastSeq),
    integerArrayLiteral(rows.objectAt.map((at) => at + 1)), // substring() counts from 1
    integerArrayLiteral(rows.objectBytes),
  ];
}
