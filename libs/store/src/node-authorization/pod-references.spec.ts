import type { KubeObject } from '@wake/events';
import { podReferences, type PodReferences } from './pod-references';

const pod = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec });
const none: PodReferences = { secrets: [], configMaps: [], persistentVolumeClaims: [] };
const c = (extra: Record<string, unknown>) => ({ name: 'c', image: 'i', ...extra });

describe('podReferences', () => {
  it.each<[string, Record<string, unknown>, Partial<PodReferences>]>([
    ['nothing', { containers: [c({})] }, {}],
    ['no spec at all', {}, {}],
    ['imagePullSecrets', { imagePullSecrets: [{ name: 'regcred' }], containers: [c({})] }, { secrets: ['regcred'] }],
    ['env valueFrom secretKeyRef / configMapKeyRef', {
      containers: [c({ env: [{ name: 'A', value: 'x' }, { name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } }, { name: 'M', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode' } } }, { name: 'F', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] })],
    }, { secrets: ['db'], configMaps: ['cfg'] }],
    ['envFrom', { containers: [c({ envFrom: [{ secretRef: { name: 's1' } }, { configMapRef: { name: 'm1' }, prefix: 'X_' }] })] }, { secrets: ['s1'], configMaps: ['m1'] }],
    ['init and ephemeral containers too', {
      initContainers: [c({ envFrom: [{ secretRef: { name: 'init-s' } }] })],
      containers: [c({})],
      ephemeralContainers: [c({ env: [{ name: 'D', valueFrom: { configMapKeyRef: { name: 'debug-cm', key: 'k' } } }] })],
    }, { secrets: ['init-s'], configMaps: ['debug-cm'] }],
    ['secret and configMap volumes', { containers: [c({})], volumes: [{ name: 'a', secret: { secretName: 'tls' } }, { name: 'b', configMap: { name: 'conf' } }, { name: 'e', emptyDir: {} }] }, { secrets: ['tls'], configMaps: ['conf'] }],
    ['projected sources', {
      containers: [c({})],
      volumes: [{ name: 'p', projected: { sources: [{ secret: { name: 'ps' } }, { configMap: { name: 'pc' } }, { downwardAPI: { items: [] } }, { serviceAccountToken: { path: 't' } }] } }],
    }, { secrets: ['ps'], configMaps: ['pc'] }],
    ['claims and generic ephemeral volumes (named <pod>-<volume>)', {
      containers: [c({})],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } }, { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: {} } } }],
    }, { persistentVolumeClaims: ['data-web-0', 'web-scratch'] }],
    ['Secrets named by volume plugins', {
      containers: [c({})],
      volumes: [
        { name: 'a', azureFile: { secretName: 'az', shareName: 's' } }, { name: 'b', csi: { driver: 'd', nodePublishSecretRef: { name: 'csi-s' } } },
        { name: 'c', rbd: { monitors: [], image: 'i', secretRef: { name: 'ceph' } } }, { name: 'd', iscsi: { targetPortal: 't', iqn: 'q', lun: 0, secretRef: { name: 'chap' } } },
      ],
    }, { secrets: ['az', 'ceph', 'chap', 'csi-s'] }],
    ['duplicates once, sorted', {
      imagePullSecrets: [{ name: 'b' }],
      containers: [c({ envFrom: [{ secretRef: { name: 'b' } }, { secretRef: { name: 'a' } }] }), c({ name: 'd', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'a', key: 'k' } } }] })],
      volumes: [{ name: 'v', secret: { secretName: 'a' } }],
    }, { secrets: ['a', 'b'] }],
    ['optional references count (the node still needs to look)', { containers: [c({ envFrom: [{ configMapRef: { name: 'maybe', optional: true } }] })] }, { configMaps: ['maybe'] }],
  ])('%s', (_, spec, expected) => {
    expect(podReferences(pod(spec))).toEqual({ ...none, ...expected });
  });
});
