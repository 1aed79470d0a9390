import { connect, type NatsConnection, type NatsError } from 'nats';
import { TestNatsServer } from '@wake/testing';
import { configMap } from './event-log.contract';
import { isWakeError } from './errors';
import { JetStreamEventLog } from './jetstream-event-log';
import { DEFAULT_STREAM } from './stream-config';

// JetStream-specific failures of append, beyond the contract every log passes.
const actor = 'user:test';
let server: TestNatsServer;
let nc: NatsConnection;
let n = 0;
beforeAll(async () => {
  server = await TestNatsServer.start();
  nc = await connect({ servers: server.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
});
afterAll(async () => { await nc.drain(); await server.stop(); });

async function openLog(): Promise<{ log: JetStreamEventLog; name: string }> {
  // Each test has its own stream; they all take wake.obj.>, so the previous one goes first.
  await (await nc.jetstreamManager()).streams.delete(`WAKE_APPEND_${n}`).catch(() => undefined);
  const name = `WAKE_APPEND_${++n}`;
  return { log: await JetStreamEventLog.open(nc, { stream: { ...DEFAULT_STREAM, name } }), name };
}

describe('JetStreamEventLog.append on JetStream', () => {
  it('answers Unavailable when no stream takes the subject', async () => {
    const { log, name } = await openLog();
    await (await nc.jetstreamManager()).streams.delete(name);
    const result = await log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'absent' })
      .then(() => 'accepted', (e) => (isWakeError(e) ? e.code : `untyped: ${e}`));
    expect(result).toBe('Unavailable');
    await log.close();
  });

  it("passes on JetStream's other refusals with their API error", async () => {
    const { log, name } = await openLog();
    const jsm = await nc.jetstreamManager();
    await log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'absent' });
    const { config } = await jsm.streams.info(name);
    await jsm.streams.update(name, { ...config, sealed: true } as typeof config); // nats.js 2.29 does not type `sealed`
    const refused = await log.append({ type: 'ConfigMap.Created', object: configMap('b'), actor }, { expect: 'absent' })
      .then(() => undefined, (e: NatsError) => e);
    expect(refused?.api_error?.err_code).toBeGreaterThan(10000);
    expect(refused?.api_error?.err_code).not.toBe(10071);
    expect(await log.lastSeq()).toBe(1);
    await log.close();
  });

  it('keeps appending after the server restarts (the reply subscription comes back)', async () => {
    const { log } = await openLog();
    const a = await log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'absent' });
    await server.restart();
    const deadline = Date.now() + 20_000;
    let b;
    while (!b) {
      try {
        b = await log.append({ type: 'ConfigMap.Updated', object: configMap('a', 'default', { k: '1' }), actor }, { expect: a.seq });
      } catch (e) {
        if (!isWakeError(e, 'Unavailable') || Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(b.seq).toBe(a.seq + 1);
    await log.close();
  }, 60_000);
});
