import { makeNode, makePod } from '@wake/scheduling';
import { waitUntil } from '@wake/testing';
import { Binder } from './binding/binder';
import { Scheduler } from './scheduler';
import { DEFAULT_SETTINGS } from './settings/scheduler-settings';
import { SchedulerHarness } from './testing/scheduler-harness';

// The lease is not what prevents double binding; the expectation on the pod's resourceVersion is.
// Two schedulers that both believe they lead (a partitioned old leader, a clock-skewed lease) race
// for the same 200 pods: every pod is still bound exactly once, and the loser of each race sees a conflict.
let h: SchedulerHarness;
let rogue: Scheduler | undefined;
afterEach(async () => { await rogue?.stop(); await h?.stop(); });

it('binds every pod once even when two schedulers lead at the same time', async () => {
  h = await SchedulerHarness.start();
  for (let i = 0; i < 5; i++) await h.addNode(makeNode(`node-${i}`, { cpu: '64', memory: '256Gi', labels: { 'wake.dev/simulated': 'true' } }));
  const settings = { ...DEFAULT_SETTINGS, holder: 'rogue' };
  const quiet = { log: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };
  rogue = new Scheduler(h.log, new Binder(h.log, h.store, { actor: { type: 'component', name: 'scheduler' }, component: 'default-scheduler', instance: 'rogue' }), settings, quiet);
  await rogue.start();
  rogue.lead();

  const N = 200;
  for (let i = 0; i < N; i += 20) await Promise.all(Array.from({ length: 20 }, (_, k) => h.createPod(makePod(`race-${i + k}`, { cpu: '100m' }))));
  await waitUntil(() => h.scheduler.stats.bound + rogue!.stats.bound === N, 30_000, 'all pods bound');
  await h.scheduler.drain();
  await rogue.drain();

  const perPod = new Map<string, number>();
  for (const e of await h.eventsOf({ kind: 'Pod', namespace: 'default' })) if (e.type === 'Pod.Bound') perPod.set(e.name, (perPod.get(e.name) ?? 0) + 1);
  expect(perPod.size).toBe(N);
  expect([...perPod.values()].every((n) => n === 1)).toBe(true);
  expect(h.scheduler.stats.bound + rogue.stats.bound).toBe(N);
  console.log(`split brain: ${h.scheduler.stats.bound} + ${rogue.stats.bound} bound, ${h.scheduler.stats.conflicts + rogue.stats.conflicts} conflicts`);
}, 60_000);
