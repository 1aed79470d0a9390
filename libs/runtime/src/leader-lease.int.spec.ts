import { connect, type NatsConnection } from 'nats';
import { TestNatsServer, waitUntil } from '@wake/testing';
import { LeaderLease, leaseBucket } from './leader-lease';

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

it('keeps leases of different ttls apart: a short-ttl lease created first does not make a long-ttl leader lapse', async () => {
  const lost: string[] = [];
  const short = new LeaderLease(nc, { name: 'short', holder: 's', ttlMs: 600 });
  const long = new LeaderLease(nc, { name: 'long', holder: 'l', ttlMs: 1800 });
  try {
    await short.run(() => undefined, () => lost.push('short'));
    await long.run(() => undefined, () => lost.push('long'));
    // each has the ttl it asked for (a dead leader's successor waits exactly that long)
    expect((await (await nc.jetstream().views.kv(leaseBucket('long'))).status()).ttl).toBe(1800);
    expect((await (await nc.jetstream().views.kv(leaseBucket('short'))).status()).ttl).toBe(600);
    await new Promise((r) => setTimeout(r, 3000));
    expect([short.isLeader, long.isLeader, lost]).toEqual([true, true, []]);
  } finally {
    await short.stop();
    await long.stop();
  }
});

it('renews in time when its bucket already exists with a shorter ttl than asked for', async () => {
  const lost: string[] = [];
  const first = new LeaderLease(nc, { name: 'first', holder: 'f', ttlMs: 600, bucket: 'shared_leases' });
  const later = new LeaderLease(nc, { name: 'later', holder: 'l', ttlMs: 1800, bucket: 'shared_leases' }); // gets max_age 600 ms
  try {
    await first.run(() => undefined, () => lost.push('first'));
    await later.run(() => undefined, () => lost.push('later')); // renewing every 1800/3 ms would let its entry expire
    await new Promise((r) => setTimeout(r, 4000));
    expect([first.isLeader, later.isLeader, lost]).toEqual([true, true, []]);
  } finally {
    await first.stop();
    await later.stop();
  }
});
