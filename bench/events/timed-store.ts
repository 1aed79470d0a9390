import { ProjectionStore, type BatchRows } from '@wake/projection';

/**
 * The projection store with a stopwatch on its write path: how many batch statements ran and
 * how long the projector waited on PostgreSQL for them (round trip, as the client sees it).
 */
export class TimedProjectionStore extends ProjectionStore {
  batches = 0;
  events = 0;
  /** rows written: one per object per batch (a batch keeps each object's newest event) */
  rows = 0;
  statementMs = 0;
  maxStatementMs = 0;

  override async applyRows(name: string, rows: BatchRows): Promise<void> {
    const t = process.hrtime.bigint();
    await super.applyRows(name, rows);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (!rows.events) return;
    this.batches++;
    this.events += rows.events;
    this.rows += rows.seq.length;
    this.statementMs += ms;
    if (ms > this.maxStatementMs) this.maxStatementMs = ms;
  }

  resetTimers(): void {
    this.batches = 0;
    this.events = 0;
    this.rows = 0;
    this.statementMs = 0;
    this.maxStatementMs = 0;
  }
}
