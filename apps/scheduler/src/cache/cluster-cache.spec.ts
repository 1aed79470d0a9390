import { makeNode, makePod, podInfo, schedule } from '@wake/scheduling';
import type { InformerEvent } from '@wake/runtime';
import type { KubeObject } from '@wake/events';
import { unschedulablePod, type PodObject } from '../binding/pod-scheduled';
import { SchedulingQueue } from '../queue/scheduling-queue';
import { ClusterCache } from './cluster-cache';

const ev = (type: InformerEvent['type'], o: unknown): InformerEvent => ({ type, object: o as KubeObject });

function setup() {
  const queue = new SchedulingQueue();
  const cache = new ClusterCache(queue, 'default-scheduler');
  return { queue, cache };
}

describe('ClusterCache', () => {
  it('queues pods that await scheduling and accounts bound ones on their node', async () => {
    const { queue, cache } = setup();
    cache.onNode(ev('ADDED', makeNode('n1', { cpu: '2' })));
    cache.onPod(ev('ADDED', makePod('pending')));
    const other = makePod('other');
    cache.onPod(ev('ADDED', { ...other, spec: { ...other.spec, schedulerName: 'gpu' } }));
    cache.onPod(ev('ADDED', makePod('running', { nodeName: 'n1', cpu: '1' })));
    expect(queue.stats.active).toBe(1);
    expect(await queue.pop()).toBe('default/pending');
    expect(cache.snapshot.node('n1')!.requested.milliCpu).toBe(1000);
  });

  it('places node-local claims: annotated ones pin their pods, assume places new ones, forget undoes that', () => {
    const { cache } = setup();
    for (const n of ['n1', 'n2']) cache.onNode(ev('ADDED', makeNode(n)));
    const claim = (name: string, node?: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default', resourceVersion: '3', ...(node ? { annotations: { 'volume.kubernetes.io/selected-node': node } } : {}) }, spec: {} });
    cache.onClaim(ev('ADDED', claim('old', 'n2')));
    cache.onClaim(ev('ADDED', claim('new')));
    const pod = makePod('web-0') as unknown as PodObject;
    pod.spec!.volumes = [{ name: 'a', persistentVolumeClaim: { claimName: 'old' } }, { name: 'b', persistentVolumeClaim: { claimName: 'new' } }, { name: 'c', persistentVolumeClaim: { claimName: 'missing' } }];
    expect(cache.snapshot.claimNode('default', 'old')).toBe('n2');
    const d = schedule(podInfo(pod as never), cache.snapshot);
    expect(d.type === 'Scheduled' && d.nodeName).toBe('n2');
    expect(cache.unplacedClaims(pod).map((c) => c.metadata.name)).toEqual(['new']);
    cache.assume(pod, 'n2');
    expect(cache.snapshot.claimNode('default', 'new')).toBe('n2');
    cache.forget('default/web-0');
    expect(cache.snapshot.claimNode('default', 'new')).toBeUndefined();
    cache.assume(pod, 'n2');
    cache.onClaim(ev('MODIFIED', claim('new', 'n2'))); // the scheduler's own write comes back
    cache.onPod(ev('MODIFIED', { ...pod, spec: { ...pod.spec, nodeName: 'n2' } }));
    expect(cache.snapshot.claimNode('default', 'new')).toBe('n2');
    cache.onClaim(ev('DELETED', claim('new', 'n2')));
    expect(cache.snapshot.claimNode('default', 'new')).toBeUndefined();
  });

  it('keeps an assumed pod on its node until the binding is seen, and frees it when the binding fails', () => {
    const { cache } = setup();
    cache.onNode(ev('ADDED', makeNode('n1', { cpu: '2' })));
    const pod = makePod('web', { cpu: '1' }) as unknown as PodObject;
    cache.assume(pod, 'n1');
    cache.onPod(ev('MODIFIED', pod)); // an unbound version arrives while the binding is in flight
    expect(cache.snapshot.node('n1')!.requested.milliCpu).toBe(1000);
    cache.forget('default/web');
    expect(cache.snapshot.node('n1')!.requested.milliCpu).toBe(0);
    cache.assume(pod, 'n1');
    cache.onPod(ev('MODIFIED', { ...pod, spec: { ...pod.spec, nodeName: 'n1' } }));
    expect(cache.isAssumed('default/web')).toBe(false);
    cache.forget('default/web'); // too late to forget: the binding is confirmed
    expect(cache.snapshot.node('n1')!.requested.milliCpu).toBe(1000);
  });

  it('leaves a parked pod parked when only its status changes, retries it when its spec changes or a node could help', async () => {
    const { queue, cache } = setup();
    cache.onNode(ev('ADDED', makeNode('n1', { cpu: '1' })));
    const pod = makePod('big', { cpu: '2' });
    cache.onPod(ev('ADDED', pod));
    const key = (await queue.pop())!;
    const d = schedule(pod, cache.snapshot);
    queue.park(key, podInfo(pod), d.record);
    queue.done(key);
    cache.onPod(ev('MODIFIED', unschedulablePod(pod as unknown as PodObject, 'no', new Date())));
    expect(queue.isParked(key)).toBe(true);
    cache.onNode(ev('ADDED', makeNode('n2', { cpu: '1' })));
    expect(queue.isParked(key)).toBe(true);
    cache.onNode(ev('ADDED', makeNode('n3', { cpu: '4' })));
    expect(queue.isParked(key)).toBe(false);
    expect(await queue.pop()).toBe(key);
  });

  it('retries a parked pod when a bound pod that blocked it is deleted', async () => {
    const { queue, cache } = setup();
    cache.onNode(ev('ADDED', makeNode('n1', { cpu: '2' })));
    const hog = makePod('hog', { nodeName: 'n1', cpu: '2' });
    cache.onPod(ev('ADDED', hog));
    const pod = makePod('web', { cpu: '1' });
    cache.onPod(ev('ADDED', pod));
    const key = (await queue.pop())!;
    queue.park(key, podInfo(pod), schedule(pod, cache.snapshot).record);
    queue.done(key);
    cache.onPod(ev('DELETED', hog));
    expect(await queue.pop()).toBe(key);
  });
});
