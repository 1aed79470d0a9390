import { MemoryEventLog, type KubeObject } from '@wake/events';
import { Informer, type InformerEvent } from './informer';

const cm = (name: string, v: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', uid: `u-${name}` }, data: { v } });
const actor = 'user:test';

it('lists, then follows the log: adds, modifications and deletions, in order, for its kind only', async () => {
  const log = new MemoryEventLog();
  const a = await log.append({ type: 'ConfigMap.Created', object: cm('a', '1'), actor }, { expect: 'absent' });
  await log.append({ type: 'Node.Registered', object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', uid: 'n' } }, actor }, { expect: 'absent' });
  const informer = new Informer(log, { kind: 'ConfigMap' });
  const seen: string[] = [];
  informer.on((e: InformerEvent) => seen.push(`${e.type} ${e.object.metadata.name} ${(e.object.data as { v: string }).v}`));
  await informer.start();
  expect(informer.list().map((o) => o.metadata.name)).toEqual(['a']);
  const a2 = await log.append({ type: 'ConfigMap.Updated', object: cm('a', '2'), actor }, { expect: a.seq });
  const b = await log.append({ type: 'ConfigMap.Created', object: cm('b', '1'), actor }, { expect: 'absent' });
  await log.append({ type: 'ConfigMap.Deleted', object: cm('a', '2'), actor }, { expect: a2.seq });
  await new Promise((r) => setTimeout(r, 10));
  expect(seen).toEqual(['ADDED a 1', 'MODIFIED a 2', 'ADDED b 1', 'DELETED a 2']);
  expect(informer.get('default', 'b')?.metadata.resourceVersion).toBe(String(b.seq));
  expect(informer.get('default', 'a')).toBeUndefined();
  await informer.stop();
});

it('starts from a projection snapshot and does not replay what the snapshot already holds', async () => {
  const log = new MemoryEventLog();
  const a = await log.append({ type: 'ConfigMap.Created', object: cm('a', '1'), actor }, { expect: 'absent' });
  const source = { snapshot: async () => ({ objects: [{ ...cm('a', '1'), metadata: { ...cm('a', '1').metadata, resourceVersion: String(a.seq) } }], seq: a.seq }) };
  const informer = new Informer(log, { kind: 'ConfigMap' }, source);
  const seen: string[] = [];
  informer.on((e) => seen.push(`${e.type} ${e.object.metadata.name}`));
  await informer.start();
  await log.append({ type: 'ConfigMap.Updated', object: cm('a', '2'), actor }, { expect: a.seq });
  await new Promise((r) => setTimeout(r, 10));
  expect(seen).toEqual(['ADDED a', 'MODIFIED a']);
  await informer.stop();
});
