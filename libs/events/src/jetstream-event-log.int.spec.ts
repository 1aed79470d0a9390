import { connect, type NatsConnection } from 'nats';
import { TestNatsServer } from '@wake/testing';
import { describeEventLogContract } from './event-log.contract';
import { JetStreamEventLog } from './jetstream-event-log';
import { DEFAULT_STREAM } from './stream-config';

let server: TestNatsServer;
let nc: NatsConnection;
let n = 0;
beforeAll(async () => { server = await TestNatsServer.start(); nc = await connect({ servers: server.url }); });
afterAll(async () => { await nc.drain(); await server.stop(); });

describeEventLogContract('NATS JetStream', async () => {
  const stream = { ...DEFAULT_STREAM, name: `WAKE_CONTRACT_${++n}` };
  const jsm = await nc.jetstreamManager();
  await jsm.streams.delete(`WAKE_CONTRACT_${n - 1}`).catch(() => undefined);
  const log = await JetStreamEventLog.open(nc, { stream });
  return {
    log,
    trimBefore: async (seq) => { await jsm.streams.purge(stream.name, { seq }); },
    close: () => log.close(),
  };
});
