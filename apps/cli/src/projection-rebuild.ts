import { DEFAULT_STREAM, streamSettingsFromEnv } from '@wake/events';
import { closePrisma, createPrisma, databaseUrlFromEnv, ProjectionStore, rebuildProjection } from '@wake/projection';
import { openLog } from '@wake/runtime';
import { components } from './cluster/components';
import { runningPid, startComponent, stopComponent } from './cluster/processes';

/** Drops the projection and rebuilds it from the stream; pauses the local projector meanwhile. */
export async function rebuild(): Promise<void> {
  const projector = components({ nodes: 0, gatewayPort: 0 }).find((c) => c.name === 'projector')!;
  const wasRunning = Boolean(runningPid('projector'));
  if (wasRunning) await stopComponent('projector');
  const { nc } = await openLog('wake-cli');
  const prisma = createPrisma(databaseUrlFromEnv());
  const store = new ProjectionStore(prisma);
  try {
    const before = await store.hash();
    const r = await rebuildProjection(nc, store, { stream: streamSettingsFromEnv().name ?? DEFAULT_STREAM.name });
    const rate = r.millis ? Math.round((r.events / r.millis) * 1000) : r.events;
    process.stdout.write(`rebuilt ${r.events} events through sequence ${r.throughSeq} in ${(r.millis / 1000).toFixed(1)}s (${rate} events/s)\n`);
    process.stdout.write(`hash before ${before}, after ${r.hash}: ${before === r.hash ? 'identical' : 'DIFFERENT'}\n`);
  } finally {
    await closePrisma(prisma);
    await nc.drain();
    if (wasRunning) startComponent(projector, process.env);
  }
}
