import { connect, type NatsConnection } from 'nats';
import { TestNatsServer, waitUntil } from '@wake/testing';
import { LeaderLease } from './leader-lease';

let server: TestNatsServer;
let nc: NatsConnection;
beforeAll(async () => { server = await TestNatsServer.start(); nc = await connect({ servers: server.url }); });
afterAll(async () => { await nc.drain(); await server.stop(); });

it('lets one holder lead at a time and hands over when the leader stops or dies', async () => {
  const events: string[] = [];
  const a = new LeaderLease(nc, { name: 'sched', holder: 'a', ttlMs: 1500 });
  const b = new LeaderLease(nc, { name: 'sched', holder: 'b', ttlMs: 1500 });
  await a.run(() => events.push('a leads'), () => events.push('a lost'));
  await b.run(() => events.push('b leads'), () => events.push('b lost'));
  await new Promise((r) => setTimeout(r, 2000));
  expect([a.isLeader, b.isLeader]).toEqual([true, false]);
  await a.stop();
  await waitUntil(() => b.isLeader, 3000, 'b to take over');
  expect(events).toEqual(['a leads', 'b leads']);
  // a dead leader (no renewals, no clean stop) loses the lease after its ttl
  const c = new LeaderLease(nc, { name: 'sched', holder: 'c', ttlMs: 1500 });
  (b as unknown as { stopped: boolean }).stopped = true; // b stops renewing, as if killed
  await c.run(() => events.push('c leads'), () => undefined);
  await waitUntil(() => c.isLeader, 5000, 'c to take over from a dead leader');
  await c.stop();
});
