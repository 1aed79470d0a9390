import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { intValue, milliValue } from './quantity';

/** Default requests the scheduler assumes for scoring when a container sets none (schedutil). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/**
 * A set of compute resources in scheduler units: milli-cpu, bytes, pod count and the
 * "scalar" resources (extended like `nvidia.com/gpu`, `hugepages-*`), all integers.
 */
export interface Resources {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  pods: number;
  /** Scalar resources by name; absent means 0. */
  scalar: Map<string, number>;
}

export const emptyResources = (): Resources => ({ milliCpu: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: new Map() });

/** cpu, memory, ephemeral-storage and pods are native; everything else that looks like a resource is scalar. */
export const isScalarResourceName = (name: string): boolean =>
  name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage' && name !== 'pods' &&
  (name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-'));

/** Parse a ResourceList (`{ cpu: "100m", memory: "1Gi", "nvidia.com/gpu": "1" }`). */
export function parseResourceList(list: Record<string, string> | undefined): Resources {
  const r = emptyResources();
  if (list) addResourceList(r, list);
  return r;
}

function addResourceList(r: Resources, list: Record<string, string>): void {
  for (const name in list) {
    const q = list[name];
    switch (name) {
      case 'cpu': r.milliCpu += milliValue(q); break;
      case 'memory': r.memory += intValue(q); break;
      case 'ephemeral-storage': r.ephemeralStorage += intValue(q); break;
      case 'pods': r.pods += intValue(q); break;
      default:
        if (isScalarResourceName(name)) r.scalar.set(name, (r.scalar.get(name) ?? 0) + intValue(q));
    }
  }
}

export function addResources(into: Resources, r: Resources, sign: 1 | -1 = 1): void {
  into.milliCpu += sign * r.milliCpu;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  into.pods += sign * r.pods;
  for (const [name, v] of r.scalar) {
    const next = (into.scalar.get(name) ?? 0) + sign * v;
    if (next === 0) into.scalar.delete(name);
    else into.scalar.set(name, next);
  }
}

function maxInto(into: Resources, r: Resources): void {
  into.milliCpu = Math.max(into.milliCpu, r.milliCpu);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  for (const [name, v] of r.scalar) into.scalar.set(name, Math.max(into.scalar.get(name) ?? 0, v));
}

const cloneResources = (r: Resources): Resources => ({ ...r, scalar: new Map(r.scalar) });

/** A pod's requests the way kube-scheduler computes them, plus the non-zero variant used for scoring. */
export interface PodRequests {
  requests: Resources;
  /** cpu/memory with the scheduler's defaults for containers that request nothing (scoring only). */
  nonZeroMilliCpu: number;
  nonZeroMemory: number;
}

/**
 * Effective requests (k8s `resourcehelper.PodRequests`): the sum of app containers plus
 * restartable (sidecar) init containers, against the max of each ordinary init container
 * (which runs alongside the sidecars started before it), plus `spec.overhead`.
 * Pod-level resources (`spec.resources`), when set, win for cpu/memory.
 */
export function podRequests(pod: V1Pod): PodRequests {
  const spec = pod.spec;
  const reqs = emptyResources();
  const nonZero = { cpu: 0, memory: 0 };
  for (const c of spec?.containers ?? []) {
    addResourceList(reqs, c.resources?.requests ?? {});
    addNonZero(nonZero, c);
  }
  const sidecars = emptyResources();
  const sidecarNonZero = { cpu: 0, memory: 0 };
  const initMax = emptyResources();
  const initNonZeroMax = { cpu: 0, memory: 0 };
  for (const c of spec?.initContainers ?? []) {
    const r = parseResourceList(c.resources?.requests);
    const nz = { cpu: 0, memory: 0 };
    addNonZero(nz, c);
    if (c.restartPolicy === 'Always') {
      addResources(sidecars, r);
      sidecarNonZero.cpu += nz.cpu;
      sidecarNonZero.memory += nz.memory;
      maxInto(initMax, sidecars);
      initNonZeroMax.cpu = Math.max(initNonZeroMax.cpu, sidecarNonZero.cpu);
      initNonZeroMax.memory = Math.max(initNonZeroMax.memory, sidecarNonZero.memory);
    } else {
      const withSidecars = cloneResources(r);
      addResources(withSidecars, sidecars);
      maxInto(initMax, withSidecars);
      initNonZeroMax.cpu = Math.max(initNonZeroMax.cpu, nz.cpu + sidecarNonZero.cpu);
      initNonZeroMax.memory = Math.max(initNonZeroMax.memory, nz.memory + sidecarNonZero.memory);
    }
  }
  addResources(reqs, sidecars);
  maxInto(reqs, initMax);
  let nonZeroMilliCpu = Math.max(nonZero.cpu + sidecarNonZero.cpu, initNonZeroMax.cpu);
  let nonZeroMemory = Math.max(nonZero.memory + sidecarNonZero.memory, initNonZeroMax.memory);

  const podLevel = spec?.resources?.requests;
  if (podLevel?.cpu !== undefined) nonZeroMilliCpu = reqs.milliCpu = milliValue(podLevel.cpu);
  if (podLevel?.memory !== undefined) nonZeroMemory = reqs.memory = intValue(podLevel.memory);

  if (spec?.overhead) {
    const overhead = parseResourceList(spec.overhead);
    addResources(reqs, overhead);
    nonZeroMilliCpu += overhead.milliCpu;
    nonZeroMemory += overhead.memory;
  }
  reqs.pods = 0;
  return { requests: reqs, nonZeroMilliCpu, nonZeroMemory };
}

function addNonZero(into: { cpu: number; memory: number }, c: V1Container): void {
  const r = c.resources?.requests;
  into.cpu += r?.cpu !== undefined ? milliValue(r.cpu) : DEFAULT_MILLI_CPU_REQUEST;
  into.memory += r?.memory !== undefined ? intValue(r.memory) : DEFAULT_MEMORY_REQUEST;
}
