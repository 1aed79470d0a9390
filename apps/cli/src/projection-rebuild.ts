import { DEFAULT_STREAM, streamSettingsFromEnv } from '@wake/events';
import { closePrisma, createPrisma, databaseUrlFromEnv, ProjectionStore, rebuildBlueGreen, rebuildProjection } from '@wake/projection';
import { openLog } from '@wake/runtime';
import { components } from './cluster/components';
import { runningPid, startComponent, stopComponent } from './cluster/processes';

export interface RebuildFlags {
  readonly inPlace?: boolean;
  readonly dropOnMismatch?: boolean;
  readonly maxBatch?: number;
}

/**
 * `wake projection rebuild`: blue-green by default (the live projection and projector keep
 * serving; the projector's writes are held only for the final catch-up, hashes and switch);
 * `--in-place` truncates and replays with the local projector stopped.
 */
export async function rebuild(flags: RebuildFlags = {}): Promise<void> {
  const { nc } = await openLog('wake-cli');
  const prisma = createPrisma(databaseUrlFromEnv());
  const store = new ProjectionStore(prisma);
  const stream = streamSettingsFromEnv().name ?? DEFAULT_STREAM.name;
  const rate = (events: number, millis: number) => (millis ? Math.round((events / millis) * 1000) : events);
  try {
    if (flags.inPlace) {
      await rebuildInPlace(async () => {
        const before = await store.hash();
        const r = await rebuildProjection(nc, store, { stream, maxBatch: flags.maxBatch });
        process.stdout.write(`rebuilt in place: ${r.events} events through sequence ${r.throughSeq} in ${(r.millis / 1000).toFixed(1)}s (${rate(r.events, r.millis)} events/s)\n`);
        process.stdout.write(`hash before ${before}, after ${r.hash}: ${before === r.hash ? 'identical' : 'DIFFERENT'}\n`);
      });
      return;
    }
    const r = await rebuildBlueGreen(nc, store, {
      stream, maxBatch: flags.maxBatch, dropOnMismatch: flags.dropOnMismatch, log: (m) => process.stdout.write(`${m}\n`),
    });
    process.stdout.write(`rebuilt ${r.events} events through sequence ${r.throughSeq} in ${(r.millis / 1000).toFixed(1)}s (${rate(r.events, r.millis)} events/s); live projector held ${r.pausedMillis} ms\n`);
    if (r.switched) {
      process.stdout.write(`hash ${r.liveHash}: identical; switched to the rebuilt tables\n`);
    } else {
      process.stdout.write(`hash live ${r.liveHash}, rebuilt ${r.freshHash}: DIFFERENT; not switched, the live projection is unchanged\n`);
      process.stdout.write(r.keptTable ? `the rebuilt projection is in table ${r.keptTable} (the next rebuild replaces it)\n` : 'the rebuilt tables were dropped\n');
      process.exitCode = 1;
    }
  } finally {
    await closePrisma(prisma);
    await nc.drain();
  }
}

/** Runs `work` with the local projector stopped (it would write into the table being replayed). */
async function rebuildInPlace(work: () => Promise<void>): Promise<void> {
  const projector = components({ nodes: 0, gatewayPort: 0 }).find((c) => c.name === 'projector')!;
  const wasRunning = Boolean(runningPid('projector'));
  if (wasRunning) await stopComponent('projector');
  try {
    await work();
  } finally {
    if (wasRunning) startComponent(projector, process.env);
  }
}
