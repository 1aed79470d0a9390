import type { V1Pod } from '@kubernetes/client-node';
import type { ObservedContainer, ObservedState } from '../runtime/observed';
import { containerSpecHash } from '../runtime/spec-hash';

/** Test fixtures for the pure lifecycle specs (no Docker). */
export const T0 = new Date('2026-01-01T00:00:00.000Z');
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
export const iso = (seconds: number) => at(seconds).toISOString();

export function pod(spec: Partial<NonNullable<V1Pod['spec']>> = {}, meta: Partial<NonNullable<V1Pod['metadata']>> = {}): V1Pod {
  return {
    metadata: { name: 'web', namespace: 'default', uid: 'uid-1', ...meta },
    spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'wake/busybox:1' }], ...spec },
  };
}

export const running = (startedAt = 0): ObservedState => ({ status: 'running', running: true, exitCode: 0, oomKilled: false, startedAt: iso(startedAt) });
export const exited = (exitCode: number, startedAt: number, finishedAt: number, oomKilled = false): ObservedState =>
  ({ status: 'exited', running: false, exitCode, oomKilled, startedAt: iso(startedAt), finishedAt: iso(finishedAt) });

export function sandbox(over: Partial<ObservedContainer> = {}): ObservedContainer {
  return observed({ id: 'sb1', name: 'POD', kind: 'sandbox', specHash: '', ip: '172.17.0.9', sandboxId: undefined, ...over });
}

export function observed(over: Partial<ObservedContainer> = {}, p: V1Pod = pod()): ObservedContainer {
  const name = over.name ?? 'app';
  const spec = [...(p.spec?.containers ?? []), ...(p.spec?.initContainers ?? [])].find((c) => c.name === name);
  return {
    id: `${name}-${over.restartCount ?? 0}`,
    podUid: 'uid-1', podName: 'web', podNamespace: 'default', node: 'n1',
    name, kind: 'app', restartCount: 0, specHash: spec ? containerSpecHash(spec) : '', backoffSeconds: 0, gracePeriodSeconds: 30,
    image: 'wake/busybox:1', imageID: 'sha256:abc', state: running(), createdAt: iso(0), sandboxId: 'sb1',
    ...over,
  };
}
