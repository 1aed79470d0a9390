import { toTable } from './to-table';

const now = new Date('2025-01-10T00:00:00Z');
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', uid: 'u', creationTimestamp: '2025-01-09T21:00:00Z', ...extra });
const tmpl = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'log', image: 'fluent' }] } };

const cpuTarget = (pct: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: pct } } });

describe('toTable', () => {
  it('builds the Table envelope with PartialObjectMetadata rows', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg', { labels: { a: 'b' } }), data: { a: '1' }, binaryData: { b: 'AA==' } };
    expect(toTable([cm], 'ConfigMap', { now, listMeta: { resourceVersion: '42' } })).toEqual({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '42' },
      columnDefinitions: [
        expect.objectContaining({ name: 'Name', type: 'string', format: 'name', priority: 0 }),
        expect.objectContaining({ name: 'Data', type: 'string', format: '', priority: 0 }),
        expect.objectContaining({ name: 'Age', type: 'string', format: '', priority: 0 }),
      ],
      rows: [{ cells: ['cfg', 2, '3h'], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: cm.metadata } }],
    });
  });

  it('includeObject=Object carries the object with its type meta, None carries nothing', () => {
    const ns = { metadata: { name: 'dev', creationTimestamp: '2025-01-09T00:00:00Z' }, status: { phase: 'Active' } };
    expect(toTable([ns], 'Namespace', { now, includeObject: 'Object' }).rows[0].object).toEqual({ apiVersion: 'v1', kind: 'Namespace', ...ns });
    expect(toTable([ns], 'Namespace', { now, includeObject: 'None' }).rows[0]).toEqual({ cells: ['dev', 'Active', '24h'] });
  });

  it('marks -o wide columns with priority 1', () => {
    const cols = toTable([], 'Deployment', { now }).columnDefinitions.map((c) => `${c.name}:${c.priority}`);
    expect(cols).toEqual(['Name:0', 'Ready:0', 'Up-to-date:0', 'Available:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1']);
    expect(toTable([], 'Pod', { now }).columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    expect(toTable([], 'PodDisruptionBudget', { now }).columnDefinitions.map((c) => `${c.name}:${c.type}`))
      .toEqual(['Name:string', 'Min Available:string', 'Max Unavailable:string', 'Allowed Disruptions:integer', 'Age:string']);
    expect(toTable([], 'HorizontalPodAutoscaler', { now }).columnDefinitions.map((c) => `${c.name}:${c.type}`))
      .toEqual(['Name:string', 'Reference:string', 'Targets:string', 'MinPods:string', 'MaxPods:string', 'Replicas:string', 'Age:string']);
    expect(toTable([], 'Event', { now }).columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
  });

  it.each<[string, string, unknown, unknown[]]>([
    ['Deployment', 'Deployment', { metadata: meta('web'), spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tmpl }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } },
      ['web', '2/3', 3, 2, '3h', 'nginx,log', 'nginx:1.27,fluent', 'app=web']],
    ['ReplicaSet', 'ReplicaSet', { metadata: meta('web-1'), spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '1' } }, template: tmpl }, status: { replicas: 2, readyReplicas: 1 } },
      ['web-1', 2, 2, 1, '3h', 'nginx,log', 'nginx:1.27,fluent', 'app=web,pod-template-hash=1']],
    ['DaemonSet', 'DaemonSet', { metadata: meta('agent'), spec: { selector: { matchLabels: { app: 'a' } }, template: { spec: { ...tmpl.spec, nodeSelector: { os: 'linux' } } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 } },
      ['agent', 3, 3, 2, 3, 2, 'os=linux', '3h', 'nginx,log', 'nginx:1.27,fluent', 'app=a']],
    ['StatefulSet', 'StatefulSet', { metadata: meta('db'), spec: { replicas: 3, template: tmpl }, status: { readyReplicas: 1 } },
      ['db', '1/3', '3h', 'nginx,log', 'nginx:1.27,fluent']],
    ['Job complete', 'Job', { metadata: meta('j'), spec: { completions: 1, selector: { matchLabels: { 'job-name': 'j' } }, template: tmpl }, status: { succeeded: 1, startTime: '2025-01-09T21:00:00Z', completionTime: '2025-01-09T21:00:42Z', conditions: [{ type: 'Complete', status: 'True' }] } },
      ['j', 'Complete', '1/1', '42s', '3h', 'nginx,log', 'nginx:1.27,fluent', 'job-name=j']],
    ['Job running in parallel', 'Job', { metadata: meta('j'), spec: { parallelism: 3, template: tmpl }, status: { succeeded: 0, startTime: '2025-01-09T23:57:00Z' } },
      ['j', 'Running', '0/1 of 3', '3m', '3h', 'nginx,log', 'nginx:1.27,fluent', '<none>']],
    ['CronJob', 'CronJob', { metadata: meta('c'), spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template: tmpl } } }, status: { active: [{ name: 'c-1' }], lastScheduleTime: '2025-01-09T23:55:00Z' } },
      ['c', '*/5 * * * *', '<none>', 'False', 1, '5m', '3h', 'nginx,log', 'nginx:1.27,fluent', '<none>']],
    ['ControllerRevision', 'ControllerRevision', { metadata: meta('web-abc', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'x', controller: true }] }), revision: 2 },
      ['web-abc', 'statefulset.apps/web', 2, '3h']],
    ['Service ClusterIP', 'Service', { metadata: meta('web'), spec: { type: 'ClusterIP', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }], selector: { app: 'web' } } },
      ['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP,53/UDP', '3h', 'app=web']],
    ['Service NodePort', 'Service', { metadata: meta('np'), spec: { type: 'NodePort', clusterIP: '10.96.0.11', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } },
      ['np', 'NodePort', '10.96.0.11', '<none>', '80:30080/TCP', '3h', '<none>']],
    ['Service LoadBalancer pending', 'Service', { metadata: meta('lb'), spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.12'], ports: [] } },
      ['lb', 'LoadBalancer', '10.96.0.12', '<pending>', '<none>', '3h', '<none>']],
    ['Service ExternalName', 'Service', { metadata: meta('ext'), spec: { type: 'ExternalName', externalName: 'example.com' } },
      ['ext', 'ExternalName', '<none>', 'example.com', '<none>', '3h', '<none>']],
    ['Endpoints', 'Endpoints', { metadata: meta('web'), subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }, { ip: '10.0.0.4' }], ports: [{ port: 80 }] }] },
      ['web', '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...', '3h']],
    ['Endpoints without subsets', 'Endpoints', { metadata: meta('none') }, ['none', '<none>', '3h']],
    ['Node cordoned', 'Node', { metadata: meta('node-1', { labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'worker' } }), spec: { unschedulable: true },
      status: { conditions: [{ type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '127.0.0.2' }], nodeInfo: { kubeletVersion: 'v1.32.4-wake', osImage: 'Debian', kernelVersion: '6.1', containerRuntimeVersion: 'docker://24' } } },
      ['node-1', 'Ready,SchedulingDisabled', 'control-plane,worker', '3h', 'v1.32.4-wake', '127.0.0.2', '<none>', 'Debian', '6.1', 'docker://24']],
    ['Node not ready, no roles', 'Node', { metadata: meta('node-2'), status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } },
      ['node-2', 'NotReady', '<none>', '3h', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']],
    ['Node without conditions', 'Node', { metadata: meta('node-3') }, ['node-3', 'Unknown', '<none>', '3h', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']],
    ['Secret', 'Secret', { metadata: meta('s'), type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } }, ['s', 'kubernetes.io/tls', 2, '3h']],
    ['ServiceAccount', 'ServiceAccount', { metadata: meta('default') }, ['default', 0, '3h']],
    ['PVC bound', 'PersistentVolumeClaim', { metadata: meta('data'), spec: { volumeName: 'pv-1', storageClassName: 'local' }, status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] } },
      ['data', 'Bound', 'pv-1', '1Gi', 'RWO,RWX', 'local', '<unset>', '3h', '<unset>']],
    ['PVC pending', 'PersistentVolumeClaim', { metadata: meta('data'), spec: {}, status: { phase: 'Pending' } },
      ['data', 'Pending', '', '', '', '', '<unset>', '3h', '<unset>']],
    ['Event', 'Event', { metadata: meta('solo.1'), type: 'Warning', reason: 'BackOff', message: ' Back-off restarting failed container \n', count: 4, source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: '2025-01-09T23:00:00Z', lastTimestamp: '2025-01-09T23:58:00Z', involvedObject: { kind: 'Pod', name: 'solo', fieldPath: 'spec.containers{main}' } },
      ['2m', 'Warning', 'BackOff', 'pod/solo', 'spec.containers{main}', 'kubelet, node-1', 'Back-off restarting failed container', '60m', 4, 'solo.1']],
    ['Event of the new API with a series', 'Event', { metadata: meta('e'), type: 'Normal', reason: 'Scheduled', eventTime: '2025-01-09T23:50:00.000000Z', reportingComponent: 'wake-scheduler',
      series: { count: 2, lastObservedTime: '2025-01-09T23:59:00.000000Z' }, involvedObject: { kind: 'Node' } },
      ['60s', 'Normal', 'Scheduled', 'node', '', 'wake-scheduler', '', '10m', 2, 'e']],
    ['Lease', 'Lease', { metadata: meta('node-1'), spec: { holderIdentity: 'node-1' } }, ['node-1', 'node-1', '3h']],
    ['EndpointSlice', 'EndpointSlice', { metadata: meta('web-x'), addressType: 'IPv4', ports: [{ port: 80 }, { name: 'metrics' }, {}], endpoints: [{ addresses: ['10.0.0.1'] }] },
      ['web-x', 'IPv4', '80,metrics,*', '10.0.0.1', '3h']],
    ['EndpointSlice empty', 'EndpointSlice', { metadata: meta('web-y'), addressType: 'IPv4', endpoints: [] }, ['web-y', 'IPv4', '<unset>', '<unset>', '3h']],
    ['PodDisruptionBudget minAvailable', 'PodDisruptionBudget', { metadata: meta('web'), spec: { minAvailable: 2 }, status: { disruptionsAllowed: 0 } }, ['web', '2', 'N/A', 0, '3h']],
    ['PodDisruptionBudget maxUnavailable percent, no status yet', 'PodDisruptionBudget', { metadata: meta('web'), spec: { maxUnavailable: '25%' } }, ['web', 'N/A', '25%', 0, '3h']],
    ['HorizontalPodAutoscaler before its first sync', 'HorizontalPodAutoscaler', { metadata: meta('busy'), spec: { scaleTargetRef: { kind: 'Deployment', name: 'busy' }, minReplicas: 1, maxReplicas: 3, metrics: [cpuTarget(50)] } },
      ['busy', 'Deployment/busy', 'cpu: <unknown>/50%', '1', 3, 0, '3h']],
    ['HorizontalPodAutoscaler with a current utilization', 'HorizontalPodAutoscaler', { metadata: meta('busy'), spec: { scaleTargetRef: { kind: 'Deployment', name: 'busy' }, maxReplicas: 3, metrics: [cpuTarget(50)] },
      status: { currentReplicas: 3, desiredReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 145, averageValue: '145m' } } }] } },
      ['busy', 'Deployment/busy', 'cpu: 145%/50%', '<unset>', 3, 3, '3h']],
    ['HorizontalPodAutoscaler with an AverageValue target and three metrics', 'HorizontalPodAutoscaler', { metadata: meta('m'), spec: { scaleTargetRef: { kind: 'StatefulSet', name: 'db' }, minReplicas: 2, maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }, cpuTarget(70), cpuTarget(90)] },
      status: { currentMetrics: [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '52428800' } } }] } },
      ['m', 'StatefulSet/db', 'memory: 52428800/100Mi, cpu: <unknown>/70% + 1 more...', '2', 5, 0, '3h']],
    ['a kind without a printer', 'Widget', { metadata: meta('w') }, ['w', '3h']],
  ])('%s', (_n, kind, object, cells) => {
    expect(toTable([object], kind, { now }).rows[0].cells).toEqual(cells);
  });
});
