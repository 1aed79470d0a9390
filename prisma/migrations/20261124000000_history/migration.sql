-- History: projections of the event log for `wake history/state/why/timeline`, written only by
-- the history indexer (libs/history) and derived only from the log (DESIGN invariant 1).

-- Every event's identity and causal links: event id -> sequence, for `wake why`.
CREATE TABLE "history_events" (
    "id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "type" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "correlation_id" TEXT NOT NULL,
    "causation_id" TEXT,
    CONSTRAINT "history_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "history_events_seq_key" ON "history_events"("seq");
CREATE INDEX "history_events_correlation_id_idx" ON "history_events"("correlation_id");
CREATE INDEX "history_events_causation_id_idx" ON "history_events"("causation_id");

-- Periodic snapshots of the cluster's live objects: `state --at` replays only the tail after one.
CREATE TABLE "history_snapshots" (
    "seq" BIGINT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "objects" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "history_snapshots_pkey" PRIMARY KEY ("seq")
);

CREATE TABLE "history_snapshot_objects" (
    "snapshot_seq" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "object" JSONB NOT NULL,
    CONSTRAINT "history_snapshot_objects_pkey" PRIMARY KEY ("snapshot_seq","kind","namespace","name"),
    CONSTRAINT "history_snapshot_objects_snapshot_fkey" FOREIGN KEY ("snapshot_seq") REFERENCES "history_snapshots"("seq") ON DELETE CASCADE
);

-- How far the history indexer has indexed the log.
CREATE TABLE "history_checkpoints" (
    "name" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "history_checkpoints_pkey" PRIMARY KEY ("name")
);
