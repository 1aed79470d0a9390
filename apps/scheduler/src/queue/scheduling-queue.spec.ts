import { ClusterSnapshot, makeNode, makePod, podInfo, schedule } from '@wake/scheduling';
import { SchedulingQueue } from './scheduling-queue';

const parkedFor = (q: SchedulingQueue, snapshot: ClusterSnapshot, key: string, pod = makePod(key, { cpu: '2' })) => {
  const d = schedule(pod, snapshot);
  expect(d.type).toBe('Unschedulable');
  q.park(key, podInfo(pod), d.record, 0);
};

describe('SchedulingQueue', () => {
  it('pops in FIFO order, once per key however often it is added', async () => {
    const q = new SchedulingQueue();
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    expect([await q.pop(), await q.pop(), await q.pop()]).toEqual(['a', 'b', 'c']);
    expect(q.stats.active).toBe(0);
  });

  it('never hands out a key that is in a cycle; an add meanwhile takes effect when the cycle is done', async () => {
    const q = new SchedulingQueue();
    q.add('a');
    expect(await q.pop()).toBe('a');
    q.add('a');
    expect(q.stats.active).toBe(0);
    q.done('a');
    expect(await q.pop()).toBe('a');
  });

  it('forgets removed keys', async () => {
    const q = new SchedulingQueue();
    q.add('a'); q.add('b'); q.remove('a');
    expect(await q.pop()).toBe('b');
  });

  it('waits while empty and returns undefined when woken to stop', async () => {
    const q = new SchedulingQueue();
    let running = true;
    const p = q.pop(() => running);
    setTimeout(() => q.add('x'), 5);
    expect(await p).toBe('x');
    const p2 = q.pop(() => running);
    running = false;
    q.wake();
    expect(await p2).toBeUndefined();
  });

  it('moves a parked pod back only when a change could help it', async () => {
    const s = new ClusterSnapshot();
    s.updateNode(makeNode('small', { cpu: '1' }));
    const q = new SchedulingQueue();
    parkedFor(q, s, 'big');
    expect(q.isParked('big')).toBe(true);
    const tooSmall = makeNode('small-2', { cpu: '1' });
    s.updateNode(tooSmall);
    expect(q.onChange({ type: 'NodeAdded', node: tooSmall }, s)).toEqual([]);
    const large = makeNode('large', { cpu: '8' });
    s.updateNode(large);
    expect(q.onChange({ type: 'NodeAdded', node: large }, s)).toEqual(['big']);
    expect(q.isParked('big')).toBe(false);
    expect(await q.pop()).toBe('big');
  });

  it('flushes pods parked for longer than the maximum age', () => {
    const s = new ClusterSnapshot();
    s.updateNode(makeNode('small', { cpu: '1' }));
    const q = new SchedulingQueue();
    parkedFor(q, s, 'big');
    expect(q.flush(60_000, 59_999)).toEqual([]);
    expect(q.flush(60_000, 60_000)).toEqual(['big']);
  });

  it('retries after a back-off', async () => {
    const q = new SchedulingQueue();
    q.addAfter('a', 10);
    expect(q.stats.backingOff).toBe(1);
    expect(await q.pop()).toBe('a');
    q.close();
  });
});
