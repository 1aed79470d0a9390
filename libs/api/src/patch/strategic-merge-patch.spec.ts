import { isWakeError } from '@wake/events';
import { strategicMergePatch } from './strategic-merge-patch';

type Obj = Record<string, unknown>;
const podSpec = (spec: Obj): Obj => ({ spec: { template: { spec } } });
const deploy = (spec: Obj, metadata: Obj = { name: 'web' }): Obj => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata, ...podSpec(spec),
});
const containers = (o: Obj): unknown => ((o.spec as Obj).template as { spec: Obj }).spec.containers;

describe('strategicMergePatch: what kubectl sends', () => {
  const live = deploy({
    containers: [
      { name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 443 }] },
      { name: 'sidecar', image: 'busybox' },
    ],
  });

  it.each<[string, Obj, unknown]>([
    [
      'apply: new image, env B replaced by C, sidecar removed (kubectl-surface §6.2)',
      podSpec({
        '$setElementOrder/containers': [{ name: 'nginx' }],
        containers: [
          { '$setElementOrder/env': [{ name: 'A' }, { name: 'C' }], env: [{ name: 'C', value: '3' }, { $patch: 'delete', name: 'B' }], image: 'nginx:1.27', name: 'nginx' },
          { $patch: 'delete', name: 'sidecar' },
        ],
      }),
      [{ name: 'nginx', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }, { name: 'C', value: '3' }], ports: [{ containerPort: 80 }, { containerPort: 443 }] }],
    ],
    [
      'apply: an env var removed',
      podSpec({
        '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
        containers: [{ '$setElementOrder/env': [{ name: 'A' }], env: [{ $patch: 'delete', name: 'B' }], name: 'nginx' }],
      }),
      [
        { name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }, { containerPort: 443 }] },
        { name: 'sidecar', image: 'busybox' },
      ],
    ],
    [
      'apply: a port removed',
      podSpec({
        '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
        containers: [{ '$setElementOrder/ports': [{ containerPort: 80 }], name: 'nginx', ports: [{ $patch: 'delete', containerPort: 443 }] }],
      }),
      [
        { name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }] },
        { name: 'sidecar', image: 'busybox' },
      ],
    ],
    [
      'set image keeps the container order',
      podSpec({ '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }], containers: [{ image: 'busybox:2', name: 'sidecar' }] }),
      [
        { name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 443 }] },
        { name: 'sidecar', image: 'busybox:2' },
      ],
    ],
    [
      '$setElementOrder reorders and places a new container',
      podSpec({ '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'log' }, { name: 'nginx' }], containers: [{ name: 'log', image: 'fluent' }] }),
      [
        { name: 'sidecar', image: 'busybox' },
        { name: 'log', image: 'fluent' },
        { name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 443 }] },
      ],
    ],
    [
      'without $setElementOrder a new item goes before the live ones (apimachinery order)',
      podSpec({ containers: [{ name: 'log', image: 'fluent' }] }),
      [
        { name: 'log', image: 'fluent' },
        { name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 443 }] },
        { name: 'sidecar', image: 'busybox' },
      ],
    ],
    [
      '$patch: replace in a list makes the rest of the patch list the list',
      podSpec({ containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] }),
      [{ name: 'only', image: 'x' }],
    ],
  ])('%s', (_name, patch, expected) => {
    expect(containers(strategicMergePatch(live, patch, 'Deployment'))).toEqual(expected);
  });

  it('leaves both inputs untouched', () => {
    const before = structuredClone(live);
    const patch = podSpec({ containers: [{ $patch: 'delete', name: 'sidecar' }] });
    const patchBefore = structuredClone(patch);
    strategicMergePatch(live, patch, 'Deployment');
    expect(live).toEqual(before);
    expect(patch).toEqual(patchBefore);
  });
});

describe('strategicMergePatch: maps and directives', () => {
  it.each<[string, string, Obj, Obj, Obj]>([
    ['null deletes a map key (apply on a ConfigMap)', 'ConfigMap',
      { data: { a: '1', b: '2' }, metadata: { name: 'cfg' } },
      { data: { b: null, c: '3' }, metadata: { annotations: { note: 'x' } } },
      { data: { a: '1', c: '3' }, metadata: { name: 'cfg', annotations: { note: 'x' } } }],
    ['rollout resume removes spec.paused', 'Deployment',
      { spec: { paused: true, replicas: 2 } }, { spec: { paused: null } }, { spec: { replicas: 2 } }],
    ['rollout restart adds a template annotation', 'Deployment',
      { spec: { template: { metadata: { labels: { app: 'web' } } } } },
      { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': 't' } } } } },
      { spec: { template: { metadata: { labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': 't' } } } } }],
    ['cordon sets spec.unschedulable', 'Node',
      { spec: { podCIDR: '10.0.0.0/24' } }, { spec: { unschedulable: true } }, { spec: { podCIDR: '10.0.0.0/24', unschedulable: true } }],
    ['taints have no merge key: replaced', 'Node',
      { spec: { taints: [{ key: 'a', effect: 'NoSchedule' }] } }, { spec: { taints: [{ key: 'b', effect: 'NoExecute' }] } },
      { spec: { taints: [{ key: 'b', effect: 'NoExecute' }] } }],
    ['tolerations have no merge key: replaced', 'Pod',
      { spec: { tolerations: [{ key: 'a', operator: 'Exists' }] } }, { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } },
      { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } }],
    ['$patch: replace on a map', 'Deployment',
      { spec: { selector: { matchLabels: { app: 'web', tier: 'fe' } } } },
      { spec: { selector: { $patch: 'replace', matchLabels: { app: 'api' } } } },
      { spec: { selector: { matchLabels: { app: 'api' } } } }],
    ['$patch: delete on a map empties it', 'Pod',
      { spec: { affinity: { nodeAffinity: {} }, nodeName: 'n' } }, { spec: { affinity: { $patch: 'delete' } } },
      { spec: { affinity: {}, nodeName: 'n' } }],
    ['$patch: merge on a map merges', 'Pod',
      { metadata: { labels: { a: '1' } } }, { metadata: { labels: { $patch: 'merge', b: '2' } } },
      { metadata: { labels: { a: '1', b: '2' } } }],
    ['$retainKeys drops the keys of the other union member', 'Deployment',
      { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      { spec: { strategy: { type: 'Recreate' } } }],
    ['$retainKeys inside a volume item', 'Pod',
      { spec: { volumes: [{ name: 'v', emptyDir: {} }, { name: 'w', emptyDir: {} }] } },
      { spec: { volumes: [{ $retainKeys: ['configMap', 'name'], name: 'v', configMap: { name: 'cm' } }] } },
      { spec: { volumes: [{ name: 'v', configMap: { name: 'cm' } }, { name: 'w', emptyDir: {} }] } }],
    ['$deleteFromPrimitiveList/finalizers', 'ConfigMap',
      { metadata: { finalizers: ['a', 'b', 'c'] } }, { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
      { metadata: { finalizers: ['a', 'c'] } }],
    ['finalizers merge as a set, patch items first (apimachinery order)', 'ConfigMap',
      { metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['c', 'a'] } },
      { metadata: { finalizers: ['c', 'a', 'b'] } }],
    ['$setElementOrder on a primitive list', 'ConfigMap',
      { metadata: { finalizers: ['a', 'b'] } },
      { metadata: { '$setElementOrder/finalizers': ['b', 'c', 'a'], finalizers: ['c'] } },
      { metadata: { finalizers: ['b', 'c', 'a'] } }],
    ['ownerReferences merge by uid', 'Pod',
      { metadata: { ownerReferences: [{ uid: 'u1', name: 'rs1' }] } },
      { metadata: { ownerReferences: [{ uid: 'u1', controller: true }] } },
      { metadata: { ownerReferences: [{ uid: 'u1', name: 'rs1', controller: true }] } }],
    ['pod status conditions merge by type', 'Pod',
      { status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] } },
      { status: { '$setElementOrder/conditions': [{ type: 'Ready' }, { type: 'PodScheduled' }], conditions: [{ type: 'Ready', status: 'True' }] } },
      { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] } }],
    ['Service ports merge by port', 'Service',
      { spec: { ports: [{ port: 80, targetPort: 80 }, { port: 443 }] } }, { spec: { ports: [{ port: 80, targetPort: 8080 }] } },
      { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } }],
    ['volumeMounts merge by mountPath, imagePullSecrets by name, hostAliases by ip', 'Pod',
      { spec: { containers: [{ name: 'c', volumeMounts: [{ mountPath: '/a', name: 'x' }] }], imagePullSecrets: [{ name: 'r1' }], hostAliases: [{ ip: '1.1.1.1', hostnames: ['a'] }] } },
      { spec: { containers: [{ name: 'c', volumeMounts: [{ mountPath: '/a', readOnly: true }] }], imagePullSecrets: [{ name: 'r1' }], hostAliases: [{ ip: '1.1.1.1', hostnames: ['b'] }] } },
      { spec: { containers: [{ name: 'c', volumeMounts: [{ mountPath: '/a', name: 'x', readOnly: true }] }], imagePullSecrets: [{ name: 'r1' }], hostAliases: [{ ip: '1.1.1.1', hostnames: ['b'] }] } }],
    ['CronJob job template containers merge by name', 'CronJob',
      { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'a' }, { name: 'd', image: 'b' }] } } } } } },
      { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'd', image: 'z' }] } } } } } },
      { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'a' }, { name: 'd', image: 'z' }] } } } } } }],
    ['a list of a kind without merge keys is replaced', 'Endpoints',
      { subsets: [{ addresses: [{ ip: '1' }] }] }, { subsets: [{ addresses: [{ ip: '2' }] }] },
      { subsets: [{ addresses: [{ ip: '2' }] }] }],
    ['directives inside a value new to the object are applied, not stored', 'Pod',
      { spec: {} }, { spec: { containers: [{ name: 'c', env: [{ $patch: 'delete', name: 'X' }, { name: 'Y', value: '1' }] }] } },
      { spec: { containers: [{ name: 'c', env: [{ name: 'Y', value: '1' }] }] } }],
  ])('%s', (_name, kind, original, patch, expected) => {
    expect(strategicMergePatch(original, patch, kind)).toEqual(expected);
  });
});

describe('strategicMergePatch: rejected patches', () => {
  it.each<[string, string, unknown, string]>([
    ['$patch: merge in a list', 'Pod', { spec: { containers: [{ $patch: 'merge' }] } }, 'merging lists cannot yet be specified in the patch'],
    ['an unknown $patch value', 'Pod', { spec: { $patch: 'explode' } }, 'unknown patch type: explode'],
    ['a delete item without its merge key', 'Pod', { spec: { containers: [{ $patch: 'delete' }] } }, 'does not contain declared merge key: name'],
    ['a merge item without its merge key', 'Pod', { spec: { containers: [{ image: 'x' }] } }, 'does not contain declared merge key: name'],
    ['$setElementOrder disagreeing with the patch list', 'Pod',
      { spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ name: 'b' }] } }, "doesn't match $setElementOrder list"],
    ['$setElementOrder that is not a list', 'Pod', { spec: { '$setElementOrder/containers': 'a' } }, 'invalid patch format of setElementOrder list'],
    ['$retainKeys not naming a patched key', 'Deployment', { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } }, 'invalid patch format of retainKeys'],
    ['$deleteFromPrimitiveList without a field', 'Pod', { metadata: { $deleteFromPrimitiveList: ['a'] } }, 'invalid patch format of primitive list'],
    ['an unknown directive', 'Pod', { spec: { $frobnicate: 1 } }, 'unknown patch directive $frobnicate'],
    ['a list of lists', 'Pod', { metadata: { finalizers: [['a']] } }, 'lists of lists are not supported'],
    ['a patch that is not an object', 'Pod', ['a'], 'invalid JSON document'],
    ['a kind Wake does not know', 'Widget', {}, 'strategic merge patch is not supported for kind Widget'],
  ])('%s', (_name, kind, patch, message) => {
    const original = { metadata: { finalizers: ['x'] }, spec: { containers: [{ name: 'a' }] } };
    let caught: unknown;
    try {
      strategicMergePatch(original, patch, kind);
    } catch (e) {
      caught = e;
    }
    expect(isWakeError(caught, 'BadRequest')).toBe(true);
    expect((caught as Error).message).toContain(message);
  });
});
