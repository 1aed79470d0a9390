// Services: ClusterIP/NodePort allocation through the log, the Endpoints/EndpointSlice reconciler,
// and the pure programs of the node agent's proxy and cluster DNS.
export * from './wire';
export * from './net/ipv4';

export * from './allocation/ranges';
export * from './allocation/allocation-objects';
export * from './allocation/allocation-errors';
export { planAllocation, needsClusterIP, needsNodePorts, nodePortsOf, type AllocationPlan, type IPNeed, type PortNeed } from './allocation/plan-allocation';
export { withAllocations } from './allocation/with-allocations';
export { freeCandidates } from './allocation/pick-free';
export { ServiceAllocator, type ServiceAllocatorOptions, type Allocation } from './allocation/service-allocator';
export { repairAllocations, removedServiceValues, type RepairObserved, type RepairEnv, type RemovedServiceValues } from './allocation/repair-allocations';

export { findPort } from './endpoints/find-port';
export { podIP, shouldPodBeInEndpoints, shouldSetHostname, selectedPods } from './endpoints/pod-endpoint';
export { SERVICE_NAME_LABEL, MANAGED_BY_LABEL, SLICE_CONTROLLER, HEADLESS_LABEL } from './endpoints/labels';
export { desiredEndpoints } from './endpoints/desired-endpoints';
export { desiredSliceContents, MAX_ENDPOINTS_PER_SLICE, type SliceContent } from './endpoints/desired-slices';
export { reconcileEndpoints, type EndpointsObserved, type EndpointsEnv } from './endpoints/reconcile-endpoints';

export * from './proxy/endpoint-source';
export * from './proxy/proxy-rules';
export { Balancer, backendKey } from './proxy/balancer';

export * from './dns/cluster-zone';
export * from './dns/resolve-name';
export * from './dns/resolv-conf';

export * from './pod-network/pod-routes';
export * from './pod-network/cluster-ip-addresses';
