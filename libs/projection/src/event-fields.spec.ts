import { parseEvent, readEventFields, scanEvent as scanBytes, type EventFields } from './event-fields';

const scanEvent = (text: string, seq: number) => scanBytes(Buffer.from(text), seq);
const read = (text: string, seq: number) => readEventFields(Buffer.from(text), seq);
const json = (parts: Buffer[]) => JSON.parse(Buffer.concat(parts).toString('utf8'));

const body = (object: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const o = object as { kind: string; metadata: { name: string; namespace?: string; uid?: string } };
  return JSON.stringify({
    id: 'e1', type: `${o.kind}.Updated`, kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name,
    uid: o.metadata.uid, object, actor: 'system:test', correlationId: 'e1', time: '2026-11-23T00:00:00.000Z', schemaVersion: 1, ...extra,
  });
};
const pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'default', uid: 'u1', labels: { app: 'web', 'a.b/c': 'd"e' }, annotations: { note: 'x\\"}{][,:'.repeat(20) } },
  spec: { containers: [{ name: 'c', image: 'i', args: ['{', '}', '"'] }], nodeName: 'node-1' },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
};

/** Both paths agree on every field, as JSON values (the texts may differ in key order). */
function expectSameValues(a: EventFields, b: EventFields) {
  expect({ ...a, labels: a.labels && JSON.parse(a.labels), object: json(a.object) })
    .toEqual({ ...b, labels: b.labels && JSON.parse(b.labels), object: json(b.object) });
}

describe('readEventFields', () => {
  const cases: Record<string, string> = {
    'a pod with labels, nodeName, escapes and brackets inside strings': body(pod),
    'a pod without labels or nodeName': body({ ...pod, metadata: { name: 'p', namespace: 'ns', uid: 'u' }, spec: {} }),
    'a cluster-scoped object, empty metadata but the name': body({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } }),
    'a non-pod with spec.nodeName (not projected)': body({ apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w', uid: 'u' }, spec: { nodeName: 'n' } }),
    'unicode, escaped unicode and numbers': body({ ...pod, metadata: { ...pod.metadata, name: 'é', labels: { k: '\u2028 ☃' } }, spec: { replicas: -1.5e3, nodeName: 'n' } }),
    'optional envelope fields and a detail object': body(pod, { causationId: 'c', causationSeq: 3, detail: { reason: '}' } }),
    'whitespace between tokens': JSON.stringify(JSON.parse(body(pod)), null, 2),
    'labels null': body({ ...pod, metadata: { ...pod.metadata, labels: null } }),
    'a deletion': body(pod, { type: 'Pod.Deleted' }),
    'duplicate keys (the last wins, whole, as in JSON.parse)': body(pod)
      .replace('"metadata":{', '"metadata":{"labels":{"old":"x"}},"spec":{"nodeName":"old"},"metadata":{')
      .replace('"spec":{"containers"', '"spec":{"nodeName":"older"},"spec":{"containers"'),
    'a pod whose later spec has no nodeName': body(pod).replace('"status":', '"spec":{"containers":[]},"status":'),
  };
  for (const [what, text] of Object.entries(cases)) {
    it(`scans ${what} to the same values JSON.parse gives`, () => {
      const fast = scanEvent(text, 42);
      expect(fast).toBeDefined();
      expectSameValues(fast!, parseEvent(text, 42));
      expect(json(fast!.object).metadata.resourceVersion).toBe('42');
    });
  }

  it('reads the fields a pod row needs', () => {
    const f = read(body(pod), 7);
    expect([f.type, f.kind, f.namespace, f.name, f.uid, f.nodeName]).toEqual(['Pod.Updated', 'Pod', 'default', 'web-1', 'u1', 'node-1']);
    expect(JSON.parse(f.labels!)).toEqual(pod.metadata.labels);
    expect(json(f.object)).toEqual({ ...pod, metadata: { ...pod.metadata, resourceVersion: '7' } });
  });

  it('leaves what it does not expect to JSON.parse, with the same result', () => {
    const stale = body({ ...pod, metadata: { ...pod.metadata, resourceVersion: '3' } });
    const escapedKey = body(pod).replace('"kind":"Pod"', '"ki\\u006ed":"Pod"');
    const numberName = body(pod).replace('"name":"web-1","uid"', '"name":5,"uid"');
    for (const text of [stale, escapedKey, numberName, '[1]', `${body(pod)} x`]) expect(scanEvent(text, 9)).toBeUndefined();
    expect(json(read(stale, 9).object).metadata.resourceVersion).toBe('9');
    expect(read(escapedKey, 9).kind).toBe('Pod');
  });

  it('reads a body that is a view into a larger buffer (as NATS delivers it) by its own bounds', () => {
    const text = body(pod);
    const big = Buffer.from(`xx${text}yy`);
    const view = new Uint8Array(big.buffer, big.byteOffset + 2, Buffer.byteLength(text));
    expect(json(readEventFields(view, 3).object).metadata.name).toBe('web-1');
  });

  it('reads an escaped string value exactly', () => {
    const text = body({ ...pod, metadata: { ...pod.metadata, name: 'a"b\\c' } });
    expect(scanEvent(text, 1)!.name).toBe('a"b\\c');
  });

  it('throws, naming the sequence, on a body that is not JSON', () => {
    expect(() => read('{"type": ', 5)).toThrow(/sequence 5/);
  });
});
