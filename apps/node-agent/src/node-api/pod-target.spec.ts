import type { V1Pod } from '@kubernetes/client-node';
import { resolveTarget } from './pod-target';

const pod = (containers: string[], nodeName = 'n1', init: string[] = []): V1Pod => ({
  metadata: { name: 'p', namespace: 'default', uid: 'u1' },
  spec: { nodeName, containers: containers.map((name) => ({ name })), initContainers: init.map((name) => ({ name })) },
});
const ref = { namespace: 'default', pod: 'p', uid: 'u1' };

it('answers only for a pod bound to this node with the same uid', () => {
  expect(resolveTarget(ref, undefined, 'n1')).toMatchObject({ ok: false, code: 'NotFound' });
  expect(resolveTarget(ref, pod(['c'], 'n2'), 'n1')).toMatchObject({ ok: false, code: 'NotFound' });
  expect(resolveTarget({ ...ref, uid: 'other' }, pod(['c']), 'n1')).toMatchObject({ ok: false, code: 'NotFound' });
  expect(resolveTarget(ref, pod(['c']), 'n1')).toMatchObject({ ok: true, uid: 'u1', container: 'c' });
});

it('defaults to the only container and asks for a name when there are several', () => {
  expect(resolveTarget(ref, pod(['a', 'b']), 'n1')).toMatchObject({ ok: false, code: 'BadRequest', message: expect.stringContaining('choose one of: [a b]') });
  expect(resolveTarget({ ...ref, container: 'b' }, pod(['a', 'b']), 'n1')).toMatchObject({ ok: true, container: 'b' });
  expect(resolveTarget({ ...ref, container: 'zz' }, pod(['a']), 'n1')).toMatchObject({ ok: false, code: 'BadRequest' });
  // logs may name an init container; exec may not
  expect(resolveTarget({ ...ref, container: 'setup' }, pod(['a'], 'n1', ['setup']), 'n1', { includeInit: true })).toMatchObject({ ok: true, container: 'setup' });
  expect(resolveTarget({ ...ref, container: 'setup' }, pod(['a'], 'n1', ['setup']), 'n1')).toMatchObject({ ok: false });
});
