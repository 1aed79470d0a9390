import type { KubeObject, StoredEvent } from '@wake/events';

let nextId = 0;

/** A stored event for specs: the object after the change, with defaults for the envelope. */
export function ev(seq: number, type: string, object: KubeObject, extra: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id: extra.id ?? `e${seq}-${nextId++}`,
    type, kind: object.kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name,
    uid: object.metadata.uid ?? '', object, actor: 'user:alice', correlationId: 'c1',
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(), schemaVersion: 1, seq, ...extra,
  };
}

export function obj(kind: string, name: string, rest: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, namespace: kind === 'Node' ? undefined : 'default', uid: `uid-${name}`, ...meta }, ...rest };
}
