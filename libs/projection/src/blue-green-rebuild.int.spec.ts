import type { NatsConnection } from 'nats';
import { DEFAULT_STREAM, type JetStreamEventLog, type StoredEvent } from '@wake/events';
import { foldLatest, runMixedWorkload } from '@wake/testing';
import { rebuildBlueGreen } from './blue-green-rebuild';
import type { PrismaClient } from './prisma';
import type { ProjectionStore } from './projection-store';
import { Projector } from './projector';
import { LogAndProjection } from './testing/log-and-projection';

let f: LogAndProjection;
let nc: NatsConnection;
let prisma: PrismaClient;
let store: ProjectionStore;
let log: JetStreamEventLog;
let live: Projector;
const stream = { ...DEFAULT_STREAM, name: 'WAKE_BLUE_GREEN_TEST' };

beforeAll(async () => {
  f = await LogAndProjection.start(stream.name);
  ({ nc, prisma, store, log } = f);
  live = new Projector(nc, store, { stream: stream.name, maxBatch: 100 });
  await live.start();
}, 60_000);
afterAll(async () => {
  await live?.stop();
  await f?.stop();
});

async function allEvents(): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of log.read()) out.push(e);
  return out;
}

/** name -> resourceVersion of the live pods the log says exist at `seq`. */
function expectedAt(events: readonly StoredEvent[], seq: number): Map<string, string> {
  const latest = foldLatest(events.filter((e) => e.seq <= seq));
  return new Map([...latest.values()].filter((e) => e.type !== 'Pod.Deleted').map((e) => [`${e.namespace}/${e.name}`, String(e.seq)]));
}

const tables = async () => (await prisma.$queryRawUnsafe<{ t: string }[]>(
  `SELECT tablename AS t FROM pg_tables WHERE tablename LIKE 'api_objects%' ORDER BY 1`)).map((r) => r.t);
const indexNames = async () => (await prisma.$queryRawUnsafe<{ i: string }[]>(
  `SELECT indexname AS i FROM pg_indexes WHERE tablename = 'api_objects' ORDER BY 1`)).map((r) => r.i);

describe('the blue-green rebuild', () => {
  it('rebuilds into a fresh table while reads and writes go on, then switches with no read failing or seeing a partial state', async () => {
    await runMixedWorkload(log, { objects: 200, rounds: 6 });
    const beforeRebuild = await log.lastSeq();
    await live.reached(beforeRebuild);
    // a secondary index, as a later migration might add: the fresh table gets it too (built after the bulk load)
    await prisma.$executeRawUnsafe('CREATE INDEX api_objects_by_node_idx ON api_objects (kind, node_name) WHERE node_name IS NOT NULL');
    const indexesBefore = await indexNames();
    expect(indexesBefore).toEqual(['api_objects_by_node_idx', 'api_objects_pkey']);
    const definitions = async () => (await prisma.$queryRawUnsafe<{ d: string }[]>(
      `SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'api_objects' ORDER BY indexname`)).map((r) => r.d);
    const definitionsBefore = await definitions();

    // readers: snapshots (the checkpoint and the objects in one transaction) and single gets, in a loop
    const snapshots: Array<{ seq: number; pods: Map<string, string> }> = [];
    const failures: unknown[] = [];
    let reading = true;
    const readers = Array.from({ length: 3 }, async (_, r) => {
      while (reading) {
        try {
          if (r === 2) {
            const pod = await store.get({ kind: 'Pod', namespace: 'default', name: 'pod-1' });
            if (pod && pod.metadata.name !== 'pod-1') throw new Error('wrong object');
          } else {
            const snap = await store.snapshot('Pod');
            snapshots.push({ seq: snap.seq, pods: new Map(snap.objects.map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o.metadata.resourceVersion!])) });
          }
        } catch (e) {
          failures.push(e);
        }
      }
    });
    // writers: the live projector keeps applying while the fresh table is built
    const writes = runMixedWorkload(log, { objects: 60, rounds: 8, namespace: 'during', concurrency: 4 });
    const messages: string[] = [];
    const result = await rebuildBlueGreen(nc, store, { stream: stream.name, maxBatch: 150, finalGap: 50, log: (m) => messages.push(m) });
    await writes;
    await live.reached(await log.lastSeq());
    await new Promise((r) => setTimeout(r, 200));
    reading = false;
    await Promise.all(readers);

    expect(result.switched).toBe(true);
    expect(result.freshHash).toBe(result.liveHash);
    expect(result.throughSeq).toBeGreaterThan(beforeRebuild); // it caught up with writes made during it
    expect(failures).toEqual([]);
    // the live projector goes on writing, into the new table, from the same checkpoint
    await runMixedWorkload(log, { objects: 20, rounds: 2, namespace: 'after' });
    await live.reached(await log.lastSeq());
    const events = await allEvents();
    // every snapshot is exactly the log folded at its sequence: never empty, never partial
    expect(snapshots.length).toBeGreaterThan(5);
    for (const s of snapshots) expect(s.pods).toEqual(expectedAt(events, s.seq));
    const final = expectedAt(events, events[events.length - 1].seq);
    const now = await store.snapshot('Pod');
    expect(now.seq).toBe(events[events.length - 1].seq);
    expect(new Map(now.objects.map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o.metadata.resourceVersion!]))).toEqual(final);
    expect(now.seq).toBeGreaterThan(result.throughSeq);
    // nothing left behind; the live table's indexes keep their migration names
    expect(await tables()).toEqual(['api_objects']);
    expect(await indexNames()).toEqual(indexesBefore);
    expect(await definitions()).toEqual(definitionsBefore);
    const options = await prisma.$queryRawUnsafe<{ o: string[] }[]>(`SELECT reloptions AS o FROM pg_class WHERE relname = 'api_objects'`);
    expect(options[0].o).toEqual(['fillfactor=70']);
    expect(await store.checkpoint('main-rebuild')).toBe(0);
    const consumers = await (await nc.jetstreamManager()).consumers.list(stream.name).next();
    expect(consumers.map((c) => c.name)).toEqual(['wake-projector-main']);
    // and a second rebuild agrees with the state the live projector reached on the new table
    const again = await rebuildBlueGreen(nc, store, { stream: stream.name });
    expect(again.switched).toBe(true);
    expect(again.freshHash).toBe(await store.hash());
  });

  it('clears what a crash left behind (a fresh table, a retired one) and switches', async () => {
    await live.reached(await log.lastSeq());
    await prisma.$executeRawUnsafe('CREATE TABLE api_objects_rebuild (junk int)');
    await prisma.$executeRawUnsafe('CREATE TABLE api_objects_retired (junk int)');
    const r = await rebuildBlueGreen(nc, store, { stream: stream.name });
    expect(r.switched).toBe(true);
    expect(await tables()).toEqual(['api_objects']);
  });

  it('does not switch when the hashes differ: keeps the fresh table for inspection, or drops it when asked', async () => {
    await live.reached(await log.lastSeq());
    await prisma.$executeRawUnsafe(`UPDATE api_objects SET object = '{"tampered": true}' WHERE namespace = 'default' AND name = 'pod-2'`);
    const tampered = await store.hash();
    const kept = await rebuildBlueGreen(nc, store, { stream: stream.name });
    expect(kept.switched).toBe(false);
    expect(kept.liveHash).toBe(tampered);
    expect(kept.freshHash).not.toBe(tampered);
    expect(kept.keptTable).toBe('api_objects_rebuild');
    expect(await store.hash()).toBe(tampered);
    expect(await tables()).toEqual(['api_objects', 'api_objects_rebuild']);
    expect(await store.withObjectsTable('api_objects_rebuild').hash()).toBe(kept.freshHash);

    const dropped = await rebuildBlueGreen(nc, store, { stream: stream.name, dropOnMismatch: true });
    expect(dropped.switched).toBe(false);
    expect(dropped.keptTable).toBeUndefined();
    expect(await tables()).toEqual(['api_objects']);
    expect(await store.hash()).toBe(tampered);
  });

  it('refuses to run next to another rebuild of the same database', async () => {
    const other = await store.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('wake.projection.rebuild'))`);
      await expect(rebuildBlueGreen(nc, store, { stream: stream.name })).rejects.toThrow(/another projection rebuild/);
      expect(await tables()).toEqual(['api_objects']);
    } finally {
      await other.query(`SELECT pg_advisory_unlock(hashtext('wake.projection.rebuild'))`);
      other.release();
    }
  });
});
