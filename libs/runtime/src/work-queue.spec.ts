import { WorkQueue } from './work-queue';

it('works a key once however often it is queued, never concurrently, and retries failures with back-off', async () => {
  const q = new WorkQueue({ baseDelayMs: 5 });
  const worked: string[] = [];
  let active = 0;
  let maxActive = 0;
  let failuresLeft = 2;
  const done = q.run(async (key) => {
    active++; maxActive = Math.max(maxActive, active);
    worked.push(key);
    await new Promise((r) => setTimeout(r, 5));
    active--;
    if (key === 'flaky' && failuresLeft-- > 0) throw new Error('transient');
  }, 1);
  q.add('a'); q.add('a'); q.add('b'); q.add('a'); q.add('flaky');
  await new Promise((r) => setTimeout(r, 120));
  q.stop();
  await done;
  expect(worked.filter((k) => k === 'a')).toHaveLength(1);
  expect(worked.filter((k) => k === 'flaky')).toHaveLength(3);
  expect(maxActive).toBe(1);
});

it('requeues a key that changed while it was being worked', async () => {
  const q = new WorkQueue();
  const worked: string[] = [];
  const done = q.run(async (key) => {
    worked.push(key);
    if (worked.length === 1) { q.add('a'); await new Promise((r) => setTimeout(r, 5)); }
  }, 2);
  q.add('a');
  await new Promise((r) => setTimeout(r, 30));
  q.stop();
  await done;
  expect(worked).toEqual(['a', 'a']);
});
