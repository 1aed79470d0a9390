import { MemoryEventLog, type KubeObject } from '@wake/events';
import { ClusterCache } from '../cache/cluster-cache';
import { Expectations } from './expectations';

const cm = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', uid: `u-${name}` } });

it('holds a key until the cache has applied the sequences its last writes produced', async () => {
  const log = new MemoryEventLog();
  const cache = new ClusterCache(log, ['ConfigMap']);
  await cache.start();
  const ex = new Expectations();
  expect(await ex.satisfied('k', cache, 10)).toBe(true);

  const seq = (await log.append({ type: 'ConfigMap.Created', object: cm('a'), actor: 't' }, { expect: 'absent' })).seq;
  ex.record('k', new Map([['ConfigMap', seq + 1]])); // a write the cache cannot have seen yet
  expect(await ex.satisfied('k', cache, 50)).toBe(false);
  const later = log.append({ type: 'ConfigMap.Created', object: cm('b'), actor: 't' }, { expect: 'absent' });
  expect(await ex.satisfied('k', cache, 2000)).toBe(true);
  expect((await later).seq).toBe(seq + 1);
  expect(cache.get('ConfigMap', 'default', 'b')).toBeDefined();
  expect(ex.size).toBe(0);
  await cache.stop();
});
