-- The projection of the event log.
CREATE TABLE "api_objects" (
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "deleted" BOOLEAN NOT NULL,
    "labels" JSONB,
    "node_name" TEXT,
    "object" JSONB NOT NULL,
    CONSTRAINT "api_objects_pkey" PRIMARY KEY ("kind","namespace","name")
);
CREATE INDEX "api_objects_kind_node_name_idx" ON "api_objects"("kind", "node_name");
CREATE INDEX "api_objects_labels_idx" ON "api_objects" USING GIN ("labels" jsonb_path_ops);

CREATE TABLE "projection_checkpoints" (
    "name" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "projection_checkpoints_pkey" PRIMARY KEY ("name")
);
