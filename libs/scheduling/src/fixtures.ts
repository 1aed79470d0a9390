import type { V1Node, V1Pod, V1Taint, V1Toleration, V1Affinity, V1ContainerPort, V1TopologySpreadConstraint, V1OwnerReference } from '@kubernetes/client-node';

/**
 * Small builders for Node and Pod objects, for tests and benchmarks (simulated nodes have no
 * agent behind them; label them so, e.g. `wake.dev/simulated: "true"`).
 */
export interface NodeSpec {
  cpu?: string;
  memory?: string;
  pods?: string;
  extended?: Record<string, string>;
  labels?: Record<string, string>;
  taints?: V1Taint[];
  unschedulable?: boolean;
  ready?: 'True' | 'False' | 'Unknown';
  networkUnavailable?: boolean;
}

export function makeNode(name: string, s: NodeSpec = {}): V1Node {
  const allocatable = { cpu: s.cpu ?? '4', memory: s.memory ?? '8Gi', pods: s.pods ?? '110', ...s.extended };
  const conditions = [{ type: 'Ready', status: s.ready ?? 'True' }];
  if (s.networkUnavailable) conditions.push({ type: 'NetworkUnavailable', status: 'True' });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...s.labels } },
    spec: { taints: s.taints, unschedulable: s.unschedulable },
    status: { allocatable, capacity: allocatable, conditions },
  };
}

export interface PodSpec {
  namespace?: string;
  uid?: string;
  nodeName?: string;
  cpu?: string;
  memory?: string;
  extended?: Record<string, string>;
  labels?: Record<string, string>;
  nodeSelector?: Record<string, string>;
  tolerations?: V1Toleration[];
  affinity?: V1Affinity;
  ports?: V1ContainerPort[];
  topologySpreadConstraints?: V1TopologySpreadConstraint[];
  owner?: Pick<V1OwnerReference, 'kind' | 'name' | 'uid'>;
  phase?: string;
}

export function makePod(name: string, s: PodSpec = {}): V1Pod {
  const requests: Record<string, string> = { ...s.extended };
  if (s.cpu) requests.cpu = s.cpu;
  if (s.memory) requests.memory = s.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: s.namespace ?? 'default',
      uid: s.uid ?? `uid-${s.namespace ?? 'default'}-${name}`,
      labels: s.labels,
      ownerReferences: s.owner ? [{ apiVersion: 'apps/v1', controller: true, ...s.owner }] : undefined,
    },
    spec: {
      nodeName: s.nodeName,
      nodeSelector: s.nodeSelector,
      tolerations: s.tolerations,
      affinity: s.affinity,
      topologySpreadConstraints: s.topologySpreadConstraints,
      containers: [{ name: 'app', image: 'busybox', resources: { requests }, ports: s.ports }],
    },
    status: s.phase ? { phase: s.phase } : undefined,
  };
}
