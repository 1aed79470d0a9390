-- (No semicolons in these comments: Prisma's driver-adapter migrator splits the script on them.)

-- The projector's write path (libs/projection/src/batch-rows.ts, apply-batch.sql.ts), measured
-- in bench/events.bench.ts section 2.

-- The object is stored as the JSON text the projector made from the event, not as jsonb:
-- parsing 1 KB of JSON into jsonb cost PostgreSQL about 14 µs per event, the largest part of
-- the catch-up. Readers get the same object back (the driver parses it), nothing queries
-- inside it. The state hash reads it as jsonb, so rows converted here hash as rebuilt ones do.
ALTER TABLE "api_objects" ALTER COLUMN "object" TYPE JSON USING "object"::json;

-- Room on each page for the next version of a row: an update that changes no indexed column
-- (status reports, most spec updates) stays on its page (HOT) and touches no index.
ALTER TABLE "api_objects" SET (fillfactor = 70);

-- No secondary index: no query outside tests uses the GIN label index or the (kind, node_name)
-- index. The gateway, the informers and the scheduler list a kind (or a kind in a namespace)
-- and match label and field selectors in memory, as the Kubernetes API server does over etcd,
-- which has no secondary indexes either. ProjectionStore.list() still filters by labels and
-- by node, within the primary key's (kind[, namespace]) range. Without them every update that
-- changes no key column can stay on its page (HOT): the catch-up benchmark's updates went from
-- 62% to 84% HOT, and PostgreSQL's CPU per event from 16 to 14 µs. If a hot query needs one
-- later, add it back in a migration (a blue-green rebuild copies whatever indexes the live
-- table has).
DROP INDEX "api_objects_labels_idx";
DROP INDEX "api_objects_kind_node_name_idx";
