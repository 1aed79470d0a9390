import type { NodeInfo } from '../node-info';
import type { PodInfo } from '../pod-info';

export interface ResourceWeight {
  readonly name: string;
  readonly weight: number;
}

export const DEFAULT_SCORED_RESOURCES: readonly ResourceWeight[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/**
 * resourceAllocationScorer.calculateResourceAllocatableRequest: what the node would have requested
 * with the pod on it, and its allocatable. `nonZero` uses the default cpu/memory for containers
 * with no request (LeastAllocated / MostAllocated); BalancedAllocation uses real requests.
 * A scalar resource the pod does not request is not scored (returns allocatable 0).
 */
export function allocatableAndRequested(pod: PodInfo, node: NodeInfo, resource: string, nonZero: boolean): AllocatableRequested {
  const out = scratch; // reused: the hot path allocates nothing
  switch (resource) {
    case 'cpu':
      out.allocatable = node.allocatable.milliCpu;
      out.requested = nonZero ? node.nonZeroMilliCpu + pod.nonZeroMilliCpu : node.requested.milliCpu + pod.requests.milliCpu;
      return out;
    case 'memory':
      out.allocatable = node.allocatable.memory;
      out.requested = nonZero ? node.nonZeroMemory + pod.nonZeroMemory : node.requested.memory + pod.requests.memory;
      return out;
    case 'ephemeral-storage':
      out.allocatable = node.allocatable.ephemeralStorage;
      out.requested = node.requested.ephemeralStorage + pod.requests.ephemeralStorage;
      return out;
    default: {
      const podRequest = pod.requests.scalar.get(resource) ?? 0;
      out.allocatable = podRequest === 0 ? 0 : node.allocatable.scalar.get(resource) ?? 0;
      out.requested = podRequest === 0 ? 0 : (node.requested.scalar.get(resource) ?? 0) + podRequest;
      return out;
    }
  }
}

/** Read both fields before the next call: the object is shared. */
export interface AllocatableRequested {
  allocatable: number;
  requested: number;
}
const scratch: AllocatableRequested = { allocatable: 0, requested: 0 };
