/** Valid objects of each kind, for specs to break one field at a time. */
type Obj = Record<string, any>;

const podSpec = () => ({ containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] });
const template = () => ({ metadata: { labels: { app: 'web' } }, spec: podSpec() });
const selector = () => ({ matchLabels: { app: 'web' } });
const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}) });

export const FIXTURES: Readonly<Record<string, () => Obj>> = {
  Pod: () => ({ apiVersion: 'v1', kind: 'Pod', metadata: meta('web', 'default'), spec: podSpec() }),
  Deployment: () => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web', 'default'), spec: { replicas: 2, selector: selector(), template: template() } }),
  ReplicaSet: () => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('web-1', 'default'), spec: { replicas: 2, selector: selector(), template: template() } }),
  DaemonSet: () => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('agent', 'default'), spec: { selector: selector(), template: template() } }),
  StatefulSet: () => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('db', 'default'), spec: { serviceName: 'db', selector: selector(), template: template() } }),
  Service: () => ({ apiVersion: 'v1', kind: 'Service', metadata: meta('web', 'default'), spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } }),
  ConfigMap: () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg', 'default'), data: { 'app.conf': 'x=1' } }),
  Secret: () => ({ apiVersion: 'v1', kind: 'Secret', metadata: meta('creds', 'default'), data: { password: 'c2VjcmV0' } }),
  Job: () => ({
    apiVersion: 'batch/v1', kind: 'Job', metadata: meta('pi', 'default'),
    spec: { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, spec: { ...podSpec(), restartPolicy: 'Never' } } },
  }),
  CronJob: () => ({
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('tick', 'default'),
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: 'OnFailure' } } } } },
  }),
  Namespace: () => ({ apiVersion: 'v1', kind: 'Namespace', metadata: meta('team-a') }),
  Node: () => ({ apiVersion: 'v1', kind: 'Node', metadata: meta('node-1'), spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } }),
  Lease: () => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta('scheduler', 'kube-system'), spec: { holderIdentity: 'a', leaseDurationSeconds: 15 } }),
  Event: () => ({ apiVersion: 'v1', kind: 'Event', metadata: meta('web.1', 'default'), involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' }, reason: 'Started', type: 'Normal' }),
  ServiceAccount: () => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', 'default') }),
  Endpoints: () => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta('web', 'default'), subsets: [{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 8080 }] }] }),
  EndpointSlice: () => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta('web-abc', 'default'), addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.5'] }], ports: [{ port: 8080 }] }),
  PersistentVolumeClaim: () => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('data', 'default'), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }),
  PodDisruptionBudget: () => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web', 'default'), spec: { minAvailable: 1, selector: selector() } }),
  HorizontalPodAutoscaler: () => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta('web', 'default'), spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 4, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] } }),
  ControllerRevision: () => ({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: meta('web-1', 'default'), revision: 1 }),
};

/** A fixture of `kind` changed by `edit`. */
export function fixture(kind: string, edit: (o: Obj) => void = () => undefined): Obj {
  const o = FIXTURES[kind]();
  edit(o);
  return o;
}
