import type { NatsConnection } from 'nats';
import type { ProjectionStore } from './projection-store';
import { Projector } from './projector';

export interface RebuildResult {
  readonly events: number;
  readonly throughSeq: number;
  readonly millis: number;
  readonly hash: string;
}

/**
 * The in-place rebuild (`wake projection rebuild --in-place`): drops the projection and replays
 * the whole stream into it, up to the stream's last sequence at the start. The live projector
 * for `name` must not be running meanwhile, and readers see a partial projection until it is
 * done. rebuildBlueGreen (the default) keeps serving instead.
 */
export async function rebuildProjection(nc: NatsConnection, store: ProjectionStore, opts: { stream: string; name?: string; maxBatch?: number; log?: (m: string) => void }): Promise<RebuildResult> {
  const started = Date.now();
  const jsm = await nc.jetstreamManager();
  const target = (await jsm.streams.info(opts.stream)).state.last_seq;
  await store.reset();
  const projector = new Projector(nc, store, { stream: opts.stream, name: opts.name, maxBatch: opts.maxBatch, log: opts.log });
  await projector.start();
  try {
    await projector.reached(target);
  } finally {
    await projector.stop();
  }
  return { events: projector.applied, throughSeq: target, millis: Date.now() - started, hash: await store.hash() };
}
