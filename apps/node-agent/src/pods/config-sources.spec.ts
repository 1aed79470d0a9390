import type { V1Pod } from '@kubernetes/client-node';
import { podUses } from './config-sources';

const pod: V1Pod = {
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    imagePullSecrets: [{ name: 'regcred' }],
    containers: [{ name: 'c', image: 'i', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } }], envFrom: [{ configMapRef: { name: 'env-cm' } }] }],
    volumes: [{ name: 'v', projected: { sources: [{ configMap: { name: 'proj-cm' } }] } }],
  },
};

describe('podUses', () => {
  it.each([
    ['Secret', 'db', true], ['Secret', 'regcred', true], ['ConfigMap', 'env-cm', true], ['ConfigMap', 'proj-cm', true],
    ['ConfigMap', 'db', false], ['Secret', 'env-cm', false], ['Secret', 'nope', false],
  ] as const)('%s %s: %s', (kind, name, expected) => expect(podUses(pod, kind, name)).toBe(expected));
});
