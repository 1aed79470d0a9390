import { sealEvent, type KubeObject } from './envelope';

const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1' } };

describe('sealEvent', () => {
  it('fills id, correlation, key and time, and keeps one field order in the stored JSON', () => {
    const e = sealEvent({ type: 'Pod.Created', object: pod, actor: 'user:a' }, new Date(1_700_000_000_000));
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(e).toEqual({
      id: e.id, type: 'Pod.Created', kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', object: pod,
      actor: 'user:a', correlationId: e.id, time: '2023-11-14T22:13:20.000Z', schemaVersion: 1,
    });
    expect(Object.keys(e)).toEqual(['id', 'type', 'kind', 'namespace', 'name', 'uid', 'object', 'actor', 'correlationId', 'time', 'schemaVersion']);
    expect('causationId' in e).toBe(false);
  });

  it('carries the optional fields between correlationId and time', () => {
    const e = sealEvent({
      id: 'e2', type: 'Pod.Bound', object: pod, actor: 'system:scheduler', correlationId: 'c1', causationId: 'e1', causationSeq: 7, detail: { node: 'n1' },
    });
    expect(Object.keys(e)).toEqual(['id', 'type', 'kind', 'namespace', 'name', 'uid', 'object', 'actor', 'correlationId', 'causationId', 'causationSeq', 'detail', 'time', 'schemaVersion']);
    expect(e).toMatchObject({ id: 'e2', correlationId: 'c1', causationId: 'e1', causationSeq: 7, detail: { node: 'n1' } });
  });

  it('stamps the current time when none is given', () => {
    const before = Date.now();
    const t = Date.parse(sealEvent({ type: 'Pod.Created', object: pod, actor: 'user:a' }).time);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});
