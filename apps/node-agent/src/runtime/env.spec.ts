import type { V1ConfigMap, V1Container, V1Pod, V1Secret } from '@kubernetes/client-node';
import { resolveEnv, type EnvLookups } from './env';
import { expandVars } from './expand-vars';

const pod: V1Pod = {
  metadata: { name: 'web', namespace: 'team', uid: 'u-1', labels: { app: 'web', tier: 'front' }, annotations: { note: 'hi' } },
  spec: { nodeName: 'n1', serviceAccountName: 'sa', containers: [] },
};
const cms: Record<string, V1ConfigMap> = { 'team/cfg': { data: { MODE: 'fast', 'bad key': 'x', LEVEL: '3' } } };
const secrets: Record<string, V1Secret> = { 'team/creds': { data: { PASSWORD: Buffer.from('s3cret').toString('base64') } } };
const lookups: EnvLookups = {
  configMap: (ns, n) => cms[`${ns}/${n}`],
  secret: (ns, n) => secrets[`${ns}/${n}`],
  podIP: '172.17.0.5',
  hostIP: '127.0.0.2',
  nodeAllocatable: { cpu: 2, memory: 8 * 2 ** 30 },
};
const env = (c: Partial<V1Container>) => {
  const r = resolveEnv({ name: 'app', ...c }, pod, lookups);
  return r.ok ? Object.fromEntries(r.env.map((e) => [e.name, e.value])) : r;
};

describe('resolveEnv', () => {
  it.each([
    ['value', { name: 'A', value: 'x' }, 'x'],
    ['configMapKeyRef', { name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } }, 'fast'],
    ['secretKeyRef (decoded)', { name: 'A', valueFrom: { secretKeyRef: { name: 'creds', key: 'PASSWORD' } } }, 's3cret'],
    ['metadata.name', { name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, 'web'],
    ['metadata.namespace', { name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }, 'team'],
    ['metadata.uid', { name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.uid' } } }, 'u-1'],
    ["metadata.labels['app']", { name: 'A', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }, 'web'],
    ["metadata.annotations['note']", { name: 'A', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['note']" } } }, 'hi'],
    ['metadata.labels', { name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } }, 'app="web"\ntier="front"'],
    ['spec.nodeName', { name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }, 'n1'],
    ['spec.serviceAccountName', { name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.serviceAccountName' } } }, 'sa'],
    ['status.podIP', { name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }, '172.17.0.5'],
    ['status.hostIP', { name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } }, '127.0.0.2'],
    ['limits.memory in Mi', { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } }, '64'],
    ['limits.cpu in millicores', { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } }, '500'],
    ['requests.cpu rounds up to cores', { name: 'A', valueFrom: { resourceFieldRef: { resource: 'requests.cpu' } } }, '1'],
  ])('%s', (_n, e, expected) => {
    expect(env({ env: [e], resources: { limits: { cpu: '500m', memory: '64Mi' } } })).toEqual({ A: expected });
  });

  it('an unset limit falls back to node allocatable', () => {
    expect(env({ env: [{ name: 'M', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Gi' } } }] })).toEqual({ M: '8' });
  });

  it('envFrom with prefix, skipping invalid names; env overrides envFrom', () => {
    expect(env({
      envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }, { secretRef: { name: 'creds' } }],
      env: [{ name: 'CFG_MODE', value: 'slow' }],
    })).toEqual({ CFG_MODE: 'slow', CFG_LEVEL: '3', PASSWORD: 's3cret' });
  });

  it('expands $(VAR) from earlier variables', () => {
    expect(env({ env: [{ name: 'A', value: 'one' }, { name: 'B', value: '$(A)-two-$(MISSING)-$$(A)' }] })).toEqual({ A: 'one', B: 'one-two-$(MISSING)-$(A)' });
  });

  it.each([
    [{ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }] }, 'configmap "nope" not found'],
    [{ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'NOPE' } } }] }, "couldn't find key NOPE in ConfigMap team/cfg"],
    [{ env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } }] }, 'secret "nope" not found'],
    [{ envFrom: [{ secretRef: { name: 'nope' } }] }, 'secret "nope" not found'],
  ])('missing source is CreateContainerConfigError (%#)', (c, message) => {
    expect(env(c)).toEqual({ ok: false, reason: 'CreateContainerConfigError', message });
  });

  it('optional refs are skipped when missing', () => {
    expect(env({
      envFrom: [{ configMapRef: { name: 'nope', optional: true } }],
      env: [
        { name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'NOPE', optional: true } } },
        { name: 'B', valueFrom: { secretKeyRef: { name: 'nope', key: 'k', optional: true } } },
        { name: 'C', value: 'c' },
      ],
    })).toEqual({ C: 'c' });
  });

  it('expandVars leaves a lone $ alone', () => {
    expect(expandVars('cost $5 $(X', new Map([['X', '1']]))).toBe('cost $5 $(X');
  });
});
