import { sealEvent, type KubeObject } from './envelope';
import { isWakeError } from './errors';
import { checkEvent } from './validate-event';

const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web.v1', namespace: 'default', uid: 'u1' } };

function codeAndFields(f: () => unknown): { code: string; fields: string[] } | 'accepted' {
  try {
    f();
    return 'accepted';
  } catch (e) {
    if (!isWakeError(e)) throw e;
    return { code: e.code, fields: e.causes.map((c) => c.field) };
  }
}

describe('checkEvent', () => {
  it('returns the event serialized as JSON, UTF-8', () => {
    const e = sealEvent({ type: 'Pod.Created', object: { ...pod, metadata: { ...pod.metadata, annotations: { note: 'ünï' } } }, actor: 'user:a' });
    expect(Buffer.from(checkEvent(e)).toString('utf8')).toBe(JSON.stringify(e));
  });

  it('refuses an event id that cannot be a Nats-Msg-Id header', () => {
    for (const id of ['', 'a b', 'a\r\nX-Injected: 1', ' a', 'a\t']) {
      expect(codeAndFields(() => checkEvent(sealEvent({ id, type: 'Pod.Created', object: pod, actor: 'user:a' })))).toEqual({ code: 'Invalid', fields: ['id'] });
    }
    expect(codeAndFields(() => checkEvent(sealEvent({ id: 'evt-1:ü', type: 'Pod.Created', object: pod, actor: 'user:a' })))).toBe('accepted');
  });

  it('names every bad field at once', () => {
    const bad = { apiVersion: 'v2', kind: 'Pod', metadata: { name: 'Bad_Name', namespace: '' } };
    expect(codeAndFields(() => checkEvent(sealEvent({ type: 'Pod.created', object: bad, actor: '' })))).toEqual({
      code: 'Invalid', fields: ['apiVersion', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'type', 'actor'],
    });
  });

  it('refuses an event over the size limit', () => {
    expect(codeAndFields(() => checkEvent(sealEvent({ type: 'Pod.Created', object: pod, actor: 'user:a' }), { maxEventBytes: 100 }))).toEqual({ code: 'TooLarge', fields: [] });
  });
});
