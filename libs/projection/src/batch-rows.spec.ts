import { BatchBuilder, toBatchRows, type LogMessage } from './batch-rows';

const pod = (name: string, extra: { labels?: Record<string, string>; nodeName?: string; ns?: string } = {}) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: extra.ns ?? 'default', uid: `uid-${name}`, ...(extra.labels ? { labels: extra.labels } : {}) },
  spec: { containers: [], ...(extra.nodeName ? { nodeName: extra.nodeName } : {}) },
});
const event = (seq: number, type: string, object: ReturnType<typeof pod> | Record<string, unknown>): LogMessage => {
  const o = object as { kind: string; metadata: { name: string; namespace?: string; uid: string } };
  return {
    seq,
    body: JSON.stringify({ id: `e${seq}`, type, kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name, uid: o.metadata.uid, object, actor: 'test' }),
  };
};

const objectOf = (rows: ReturnType<typeof toBatchRows>, i: number) => rows.objects.toString('utf8', rows.objectAt[i], rows.objectAt[i] + rows.objectBytes[i]);

describe('toBatchRows', () => {
  it('keeps each object\'s newest event, whatever the order of the batch', () => {
    const batch = [
      event(1, 'Pod.Created', pod('a', { labels: { app: 'x' } })),
      event(2, 'Pod.Created', pod('b')),
      event(3, 'Pod.Bound', pod('a', { labels: { app: 'x' }, nodeName: 'n1' })),
      event(4, 'Pod.Deleted', pod('b')),
    ];
    for (const messages of [batch, [...batch].reverse()]) {
      const rows = toBatchRows(messages);
      expect(rows.events).toBe(4);
      const byName = Object.fromEntries(rows.name.map((n, i) => [n, { seq: rows.seq[i], deleted: rows.deleted[i], node: rows.nodeName[i] }]));
      expect(byName).toEqual({ a: { seq: 3, deleted: false, node: 'n1' }, b: { seq: 4, deleted: true, node: null } });
      const a = rows.name.indexOf('a');
      expect(JSON.parse(objectOf(rows, a)).metadata).toMatchObject({ resourceVersion: '3' });
      expect(JSON.parse(objectOf(rows, a)).spec.nodeName).toBe('n1');
    }
  });

  it('tells objects apart by kind, namespace and name', () => {
    const rows = toBatchRows([
      event(1, 'Pod.Created', pod('a', { ns: 'one' })),
      event(2, 'Pod.Created', pod('a', { ns: 'two' })),
      event(3, 'ConfigMap.Created', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'one', uid: 'u' } }),
    ]);
    expect(rows.seq).toEqual([1, 2, 3]);
    expect(rows.kind).toEqual(['Pod', 'Pod', 'ConfigMap']);
  });

  it('stores the object with resourceVersion = its sequence, labels as JSON, nodeName for pods only', () => {
    const stale = { ...pod('a', { labels: { app: 'x', tier: 'web' }, nodeName: 'n1' }) };
    (stale.metadata as Record<string, unknown>).resourceVersion = '1';
    const rows = toBatchRows([
      event(7, 'Pod.Updated', stale),
      event(8, 'Widget.Created', { apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w', uid: 'u' }, spec: { nodeName: 'n2' } }),
    ]);
    expect(JSON.parse(objectOf(rows, 0)).metadata.resourceVersion).toBe('7');
    expect(JSON.parse(objectOf(rows, 0)).spec.nodeName).toBe('n1');
    expect(JSON.parse(rows.labels[0]!)).toEqual({ app: 'x', tier: 'web' });
    expect(rows.nodeName).toEqual(['n1', null]);
    expect(rows.labels[1]).toBeNull();
    expect(rows.namespace[1]).toBe('');
    expect(rows.lastSeq).toBe(8);
  });

  it('makes the same bytes from the same events (a rebuild stores what the live projection stored)', () => {
    const batch = [event(1, 'Pod.Created', pod('a', { labels: { b: '2', a: '1' } })), event(2, 'Pod.Created', pod('b'))];
    expect(toBatchRows(batch)).toEqual(toBatchRows(batch.map((m) => ({ ...m }))));
  });

  it('grows its buffer as objects arrive, each row pointing at its own bytes', () => {
    const builder = new BatchBuilder(16);
    const names = Array.from({ length: 50 }, (_, i) => `pod-${i}`);
    names.forEach((n, i) => builder.add(event(i + 1, 'Pod.Created', pod(n, { labels: { i: String(i) } }))));
    const rows = builder.build();
    expect(rows.seq.length).toBe(50);
    names.forEach((n, i) => expect(JSON.parse(objectOf(rows, i)).metadata).toMatchObject({ name: n, labels: { i: String(i) }, resourceVersion: String(i + 1) }));
  });

  it('names the sequence of an event that is not JSON', () => {
    expect(() => toBatchRows([{ seq: 42, body: '{not json' }])).toThrow(/sequence 42/);
  });
});
