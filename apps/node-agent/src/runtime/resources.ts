import type { V1Container } from '@kubernetes/client-node';
import { parseQuantity } from './quantity';

export interface DockerResources {
  NanoCpus?: number;
  CpuShares?: number;
  Memory?: number;
  MemorySwap?: number;
}

type ResourceName = 'cpu' | 'memory';

/** A request defaults to its limit when only the limit is given (as the API server defaults it). */
export function effectiveResources(c: V1Container): { limits: Partial<Record<ResourceName, number>>; requests: Partial<Record<ResourceName, number>> } {
  const read = (m: Record<string, string> | undefined, k: ResourceName) => parseQuantity(m?.[k]);
  const limits = { cpu: read(c.resources?.limits, 'cpu'), memory: read(c.resources?.limits, 'memory') };
  const requests = {
    cpu: read(c.resources?.requests, 'cpu') ?? limits.cpu,
    memory: read(c.resources?.requests, 'memory') ?? limits.memory,
  };
  return { limits, requests };
}

/**
 * Resources → Docker cgroup settings, as the kubelet maps them: limits.cpu → CFS quota
 * (NanoCpus), requests.cpu → shares (1024 per core, at least 2), limits.memory → Memory with
 * MemorySwap equal to it (no swap, so going past the limit is an OOM kill).
 */
export function toDockerResources(c: V1Container): DockerResources {
  const { limits, requests } = effectiveResources(c);
  const out: DockerResources = {};
  if (limits.cpu !== undefined && limits.cpu > 0) out.NanoCpus = Math.round(limits.cpu * 1e9);
  if (requests.cpu !== undefined) out.CpuShares = Math.max(2, Math.round(requests.cpu * 1024));
  if (limits.memory !== undefined && limits.memory > 0) {
    out.Memory = Math.round(limits.memory);
    out.MemorySwap = out.Memory;
  }
  return out;
}
