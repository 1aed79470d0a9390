/**
 * One statement applies a batch of events and moves the checkpoint, atomically.
 * $1 is a JSON array of {"seq": n, "e": <event body as stored on the stream>}: the bodies
 * are spliced in as text, so Node never re-parses or re-serializes them. PostgreSQL keeps
 * the newest event per object (DISTINCT ON) and a row only moves forward (seq < EXCLUDED.seq),
 * which makes the projection idempotent and order-insensitive per object (invariant 4).
 */
export const APPLY_BATCH_SQL = `
WITH batch AS (
  SELECT (x->>'seq')::bigint AS seq, x->'e' AS e FROM jsonb_array_elements($1::jsonb) AS x
), latest AS (
  SELECT DISTINCT ON (e->>'kind', e->>'namespace', e->>'name') seq, e
  FROM batch ORDER BY e->>'kind', e->>'namespace', e->>'name', seq DESC
), applied AS (
  INSERT INTO api_objects AS o (kind, namespace, name, uid, seq, deleted, labels, node_name, object)
  SELECT e->>'kind', e->>'namespace', e->>'name', e->>'uid', seq,
         right(e->>'type', 8) = '.Deleted',
         e->'object'->'metadata'->'labels',
         CASE WHEN e->>'kind' = 'Pod' THEN e->'object'->'spec'->>'nodeName' END,
         jsonb_set(e->'object', '{metadata,resourceVersion}', to_jsonb(seq::text), true)
  FROM latest
  ON CONFLICT (kind, namespace, name) DO UPDATE
    SET uid = EXCLUDED.uid, seq = EXCLUDED.seq, deleted = EXCLUDED.deleted, labels = EXCLUDED.labels,
        node_name = EXCLUDED.node_name, object = EXCLUDED.object
    WHERE o.seq < EXCLUDED.seq
  RETURNING 1
)
INSERT INTO projection_checkpoints AS c (name, seq, updated_at) VALUES ($2, $3::bigint, now())
ON CONFLICT (name) DO UPDATE SET seq = GREATEST(c.seq, EXCLUDED.seq), updated_at = now()`;

/** The batch parameter: stored event bodies with their sequences, as JSON text. */
export function batchJson(messages: ReadonlyArray<{ seq: number; body: string }>): string {
  let out = '[';
  for (let i = 0; i < messages.length; i++) {
    if (i) out += ',';
    out += '{"seq":' + messages[i].seq + ',"e":' + messages[i].body + '}';
  }
  return out + ']';
}
