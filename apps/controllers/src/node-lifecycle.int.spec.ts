import type { KubeObject } from '@wake/events';
import { ADMIN, Harness } from './testing/harness';
import { deployment, isReady, isTerminating, type Pod } from './testing/fixtures';

// A simulated node stops renewing its lease: Ready=Unknown, tainted unreachable, its pods
// evicted after the (short) toleration and replaced on the other nodes; it comes back untainted.
let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ config: { nodeMonitorGraceSeconds: 2, defaultTolerationSeconds: 2 }, simulated: { renewIntervalMs: 300 } });
}, 60_000);
afterAll(async () => { await h?.stop(); }, 60_000);

type Node = KubeObject & { spec?: { taints?: Array<{ key: string; effect: string }> }; status?: { conditions?: Array<{ type: string; status: string; reason?: string }> } };
const ready = (n: Node | undefined) => n?.status?.conditions?.find((c) => c.type === 'Ready');
const live = () => h.list<Pod>('Pod', 'default', { app: 'spread' }).filter((p) => !isTerminating(p));

it('marks a silent node Unknown, taints it, evicts and replaces its pods, and untaints it when it returns', async () => {
  await h.store.create(deployment('spread', 6, 'nginx:1'), { actor: ADMIN });
  await h.until(() => live().filter(isReady).length === 6, '6 ready pods');
  const victims = live().filter((p) => p.spec?.nodeName === 'sim-0').map((p) => p.metadata.name);
  expect(victims.length).toBeGreaterThan(0);

  const stoppedAt = Date.now();
  h.agent.pause('sim-0');
  await h.until(() => ready(h.get<Node>('Node', 'sim-0', ''))?.status === 'Unknown', 'sim-0 Ready=Unknown', 15_000);
  const unknownAfter = Date.now() - stoppedAt;
  expect(unknownAfter).toBeGreaterThanOrEqual(1500);
  expect(ready(h.get<Node>('Node', 'sim-0', ''))?.reason).toBe('NodeStatusUnknown');
  await h.until(() => (h.get<Node>('Node', 'sim-0', '')?.spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute'), 'the unreachable NoExecute taint');

  // Evicted after the toleration: marked for deletion (the dead node cannot finish it), and replaced elsewhere.
  await h.until(() => victims.every((n) => isTerminating(h.get('Pod', n)!)), 'the pods of sim-0 to be evicted', 15_000);
  await h.until(() => live().filter(isReady).length === 6 && live().every((p) => p.spec?.nodeName !== 'sim-0'), '6 ready replacements on the other nodes', 15_000);
  const evictions = h.list('Event').filter((e) => e.reason === 'TaintManagerEviction');
  expect(evictions.length).toBeGreaterThanOrEqual(victims.length);
  expect(h.list('Event').some((e) => e.reason === 'NodeNotReady' && (e.involvedObject as { name: string }).name === 'sim-0')).toBe(true);

  // The node comes back: Ready=True, untainted, the evicted pods cleaned up, never more live pods than replicas.
  await h.agent.resume('sim-0');
  await h.until(() => {
    const n = h.get<Node>('Node', 'sim-0', '');
    return ready(n)?.status === 'True' && !(n?.spec?.taints ?? []).some((t) => t.key.startsWith('node.kubernetes.io/'));
  }, 'sim-0 back and untainted');
  await h.until(() => victims.every((n) => !h.get('Pod', n)), 'the evicted pods to be removed by the returning node');
  expect(live()).toHaveLength(6);
}, 90_000);
