import type { V1Node, V1NodeCondition } from '@kubernetes/client-node';
import type { KubeObject } from '@wake/events';
import type { HostFacts, HostPressure } from './host-facts';

export const KUBELET_VERSION = 'v1.32.0-wake';

export interface NodeSettings {
  readonly nodeName: string;
  readonly nodeAddress: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly maxPods: number;
  readonly labels: Readonly<Record<string, string>>;
}

/** kubelet's eviction thresholds (hard defaults): memory.available<100Mi, nodefs.available<10%. */
const MEMORY_PRESSURE_BYTES = 100 * 2 ** 20;
const DISK_PRESSURE_FRACTION = 0.1;
const PID_PRESSURE_FRACTION = 0.05;

type Condition = Required<Pick<V1NodeCondition, 'type' | 'status' | 'reason' | 'message'>>;

export function nodeConditions(p: HostPressure): Condition[] {
  const pressure = (type: string, on: boolean, what: string): Condition => ({
    type,
    status: on ? 'True' : 'False',
    reason: on ? `KubeletHas${what}Pressure` : `KubeletHasSufficient${what}`,
    message: on ? `kubelet has ${what.toLowerCase()} pressure` : `kubelet has sufficient ${what === 'PID' ? 'PID' : what.toLowerCase()} available`,
  });
  return [
    pressure('MemoryPressure', p.memoryAvailableBytes < MEMORY_PRESSURE_BYTES, 'Memory'),
    pressure('DiskPressure', p.diskAvailableFraction < DISK_PRESSURE_FRACTION, 'Disk'),
    pressure('PIDPressure', p.pidsAvailableFraction < PID_PRESSURE_FRACTION, 'PID'),
    { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ];
}

const toKi = (bytes: number) => `${Math.floor(bytes / 1024)}Ki`;
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The Node as this agent reports it, from host facts, settings, pressure and the stored Node:
 * labels merged over the stored ones, conditions keep lastTransitionTime while unchanged and
 * carry `now` as their heartbeat. Pure.
 */
export function desiredNode(prev: KubeObject | undefined, facts: HostFacts, s: NodeSettings, pressure: HostPressure, now: Date): KubeObject {
  const capacity = { cpu: s.cpu ?? String(facts.cpus), memory: s.memory ?? toKi(facts.memoryBytes), pods: String(s.maxPods) };
  const prevConditions = ((prev as V1Node | undefined)?.status?.conditions ?? []) as V1NodeCondition[];
  const conditions = nodeConditions(pressure).map((c) => {
    const old = prevConditions.find((o) => o.type === c.type);
    const since = old && old.status === c.status && old.lastTransitionTime ? String(old.lastTransitionTime) : iso(now);
    return { ...c, lastHeartbeatTime: iso(now), lastTransitionTime: since };
  });
  const prevMeta = prev?.metadata;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      ...(prevMeta ?? {}),
      name: s.nodeName,
      labels: {
        ...(prevMeta?.labels ?? {}),
        'kubernetes.io/hostname': s.nodeName,
        'kubernetes.io/os': facts.os,
        'kubernetes.io/arch': facts.arch,
        'beta.kubernetes.io/os': facts.os,
        'beta.kubernetes.io/arch': facts.arch,
        ...s.labels,
      },
      annotations: { ...(prevMeta?.annotations ?? {}), 'node.alpha.kubernetes.io/ttl': '0', 'wake.dev/node-address': s.nodeAddress },
    },
    spec: (prev?.spec as object | undefined) ?? {},
    status: {
      capacity,
      allocatable: { ...capacity },
      conditions,
      addresses: [{ type: 'InternalIP', address: s.nodeAddress }, { type: 'Hostname', address: s.nodeName }],
      daemonEndpoints: { kubeletEndpoint: { Port: 0 } },
      nodeInfo: {
        machineID: facts.machineID,
        systemUUID: facts.machineID,
        bootID: facts.bootID,
        kernelVersion: facts.kernelVersion,
        osImage: facts.osImage,
        containerRuntimeVersion: facts.containerRuntimeVersion,
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        operatingSystem: facts.os,
        architecture: facts.arch,
      },
    },
  };
}

/** The Node without heartbeat times and resourceVersion: what "changed" means for a status report. */
export function nodeFingerprint(n: KubeObject | undefined): string {
  if (!n) return '';
  const status = (n.status ?? {}) as { conditions?: Array<Record<string, unknown>> };
  const conditions = (status.conditions ?? []).map(({ lastHeartbeatTime: _h, ...c }) => c);
  const { resourceVersion: _rv, ...metadata } = n.metadata;
  return JSON.stringify(sortKeys({ metadata, spec: n.spec, status: { ...status, conditions } }));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
