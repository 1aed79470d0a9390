import type { KubeObject } from '@wake/events';
import { SIMULATED_LABEL } from './config';

/** The taint that keeps workloads off simulated nodes unless they ask for them. */
export const SIMULATED_TAINT = { key: SIMULATED_LABEL, value: 'true', effect: 'NoSchedule' };
export const SIMULATED_TOLERATION = { key: SIMULATED_LABEL, operator: 'Equal', value: 'true', effect: 'NoSchedule' };
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

const seconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const micro = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

export function readyCondition(now: Date) {
  return {
    type: 'Ready', status: 'True', reason: 'KubeletReady',
    message: 'SIMULATED node agent is posting ready status (no containers run)',
    lastHeartbeatTime: seconds(now), lastTransitionTime: seconds(now),
  };
}

/** A SIMULATED Node: labelled, annotated and (by default) tainted as such; Ready=True. */
export function simulatedNode(name: string, now: Date, taint: boolean): KubeObject {
  const quiet = (type: string, reason: string) => ({ type, status: 'False', reason, message: 'simulated', lastHeartbeatTime: seconds(now), lastTransitionTime: seconds(now) });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { [SIMULATED_LABEL]: 'true', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' },
      annotations: { [SIMULATED_LABEL]: 'SIMULATED node for scale benchmarks: pods bound here are reported Running without running any container' },
    },
    spec: taint ? { taints: [SIMULATED_TAINT] } : {},
    status: {
      capacity: { cpu: '64', memory: '256Gi', pods: '250' },
      allocatable: { cpu: '64', memory: '256Gi', pods: '250' },
      conditions: [
        readyCondition(now),
        quiet('MemoryPressure', 'KubeletHasSufficientMemory'),
        quiet('DiskPressure', 'KubeletHasNoDiskPressure'),
        quiet('PIDPressure', 'KubeletHasSufficientPID'),
      ],
      addresses: [{ type: 'InternalIP', address: '127.0.0.1' }, { type: 'Hostname', address: name }],
      nodeInfo: {
        machineID: name, systemUUID: name, bootID: name, kernelVersion: 'simulated', osImage: 'Wake simulated node',
        containerRuntimeVersion: 'simulated://0', kubeletVersion: 'v1.32.0-wake-simulated', kubeProxyVersion: 'v1.32.0-wake-simulated',
        operatingSystem: 'linux', architecture: 'amd64',
      },
    },
  };
}

export function nodeLease(node: KubeObject, leaseDurationSeconds: number, now: Date): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: node.metadata.name,
      namespace: NODE_LEASE_NAMESPACE,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid! }],
    },
    spec: { holderIdentity: node.metadata.name, leaseDurationSeconds, renewTime: micro(now) },
  };
}

export function renewed(lease: KubeObject, now: Date): KubeObject {
  return { ...lease, spec: { ...(lease.spec as object), renewTime: micro(now) } };
}

interface PodLike { spec?: { containers?: Array<{ name: string; image?: string }> }; status?: { conditions?: Array<{ type: string; status: string }>; phase?: string; startTime?: string } }

/** True when the pod already shows what the simulated agent reports. */
export function reportedRunning(pod: KubeObject): boolean {
  const p = pod as KubeObject & PodLike;
  return p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The status a node agent would report once every container runs and is ready (SIMULATED: nothing runs). */
export function runningStatus(pod: KubeObject, podIP: string, now: Date): KubeObject {
  const p = pod as KubeObject & PodLike;
  const t = seconds(now);
  const cond = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: t });
  const startTime = p.status?.startTime ?? t;
  return {
    ...pod,
    status: {
      phase: 'Running',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(cond),
      hostIP: '127.0.0.1', hostIPs: [{ ip: '127.0.0.1' }],
      podIP, podIPs: [{ ip: podIP }],
      startTime,
      qosClass: 'BestEffort',
      containerStatuses: (p.spec?.containers ?? []).map((c) => ({
        name: c.name, image: c.image ?? '', imageID: `simulated://${c.image ?? ''}`,
        containerID: `simulated://${pod.metadata.uid}/${c.name}`,
        ready: true, started: true, restartCount: 0, state: { running: { startedAt: startTime } },
      })),
    },
  };
}

/** Whether a pod tolerates the simulated nodes' taint. */
export function toleratesSimulated(pod: KubeObject): boolean {
  const tolerations = ((pod.spec as { tolerations?: Array<{ key?: string; operator?: string; value?: string; effect?: string }> } | undefined)?.tolerations) ?? [];
  return tolerations.some((t) => (t.operator === 'Exists' && (!t.key || t.key === SIMULATED_LABEL))
    || (t.key === SIMULATED_LABEL && (t.value ?? '') === 'true' && (!t.effect || t.effect === 'NoSchedule')));
}
