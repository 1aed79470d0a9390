import type { NatsConnection } from 'nats';
import { DEFAULT_STREAM, type JetStreamEventLog, type StoredEvent } from '@wake/events';
import { foldLatest, runMixedWorkload } from '@wake/testing';
import type { ProjectionStore } from './projection-store';
import { LogAndProjection } from './testing/log-and-projection';
import { Projector } from './projector';
import { ProjectionProgress } from './progress';
import { rebuildProjection } from './rebuild';

let f: LogAndProjection;
let nc: NatsConnection;
let store: ProjectionStore;
let log: JetStreamEventLog;
const stream = { ...DEFAULT_STREAM, name: 'WAKE_PROJECTOR_TEST' };

beforeAll(async () => {
  f = await LogAndProjection.start(stream.name);
  ({ nc, store, log } = f);
});
afterAll(async () => { await f?.stop(); });

async function expectProjectionMatches(events: readonly StoredEvent[]) {
  const expected = foldLatest(events);
  for (const e of expected.values()) {
    const row = await store.get(e);
    if (e.type === 'Pod.Deleted') expect(row).toBeUndefined();
    else expect(row).toEqual({ ...e.object, metadata: { ...e.object.metadata, resourceVersion: String(e.seq) } });
  }
  expect(await store.count()).toBe([...expected.values()].filter((e) => e.type !== 'Pod.Deleted').length);
}

describe('the projector', () => {
  it('projects a mixed workload, answers by label and node, and tells when it has caught up', async () => {
    const progress = new ProjectionProgress(nc).start(await store.checkpoint('main'));
    const projector = new Projector(nc, store, { stream: stream.name, maxBatch: 500 });
    await projector.start();
    const events = await runMixedWorkload(log, { objects: 300, rounds: 6 });
    await progress.waitFor(events[events.length - 1].seq, 20_000);
    await expectProjectionMatches(events);
    const latest = [...foldLatest(events).values()].filter((e) => e.type !== 'Pod.Deleted');
    const app3 = await store.list({ kind: 'Pod', namespace: 'default', labels: { app: 'app-3' } });
    expect(app3.map((o) => o.metadata.name).sort()).toEqual(latest.filter((e) => e.object.metadata.labels?.app === 'app-3').map((e) => e.name).sort());
    const onNode2 = await store.list({ kind: 'Pod', nodeName: 'node-2' });
    expect(onNode2.length).toBe(latest.filter((e) => (e.object.spec as { nodeName?: string }).nodeName === 'node-2').length);
    expect(onNode2.length).toBeGreaterThan(0);
    await projector.stop();
    progress.stop();
  });

  it('is idempotent and order-insensitive per object: replaying any batch again, or older events later, changes nothing', async () => {
    const before = await store.hash();
    const all: { seq: number; body: string }[] = [];
    for await (const e of log.read()) {
      const { seq, ...body } = e;
      all.push({ seq, body: JSON.stringify(body) });
    }
    await store.applyBatch('scratch', all.slice(0, 700));
    await store.applyBatch('scratch', [...all].reverse());
    expect(await store.hash()).toBe(before);
  });

  it('rebuilds from the stream to an identical state (same hash)', async () => {
    const live = await store.hash();
    const rebuilt = await rebuildProjection(nc, store, { stream: stream.name });
    expect(rebuilt.throughSeq).toBe(await log.lastSeq());
    expect(rebuilt.hash).toBe(live);
    expect(rebuilt.events).toBe(await log.lastSeq());
  });
});
