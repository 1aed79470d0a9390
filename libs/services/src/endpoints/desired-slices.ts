import { isReady, podIP, podRef, selectedPods, shouldPodBeInEndpoints, shouldSetHostname } from './pod-endpoint';
import { findPort } from './find-port';
import type { Pod, Service, SliceEndpoint, SlicePort } from '../wire';

/** As Kubernetes' `--max-endpoints-per-slice` default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** The content of one EndpointSlice: a port set and up to MAX_ENDPOINTS_PER_SLICE endpoints using it. */
export interface SliceContent {
  readonly portsKey: string;
  readonly ports: SlicePort[];
  readonly endpoints: SliceEndpoint[];
}

/**
 * The endpoints a Service's EndpointSlices should hold (the EndpointSlice controller's podToEndpoint):
 * every selected pod with an IP, terminating ones included, with conditions
 * ready = publishNotReadyAddresses || (pod Ready && not terminating), serving = pod Ready,
 * terminating = deletionTimestamp set. Grouped by resolved port set, sorted, chunked.
 * A Service that selects nothing still gets one empty slice (the controller's placeholder).
 */
export function desiredSliceContents(svc: Service, pods: readonly Pod[]): SliceContent[] {
  const publish = !!svc.spec?.publishNotReadyAddresses;
  const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  for (const pod of selectedPods(svc, pods)) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: SlicePort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    if ((svc.spec?.ports ?? []).length && !ports.length) continue;
    ports.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || (a.port ?? 0) - (b.port ?? 0));
    const serving = isReady(pod);
    const terminating = !!pod.metadata?.deletionTimestamp;
    const endpoint: SliceEndpoint = {
      addresses: [podIP(pod)!],
      conditions: { ready: publish || (serving && !terminating), serving, terminating },
      ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec!.hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: podRef(pod),
    };
    const key = JSON.stringify(ports);
    const g = groups.get(key) ?? { ports, endpoints: [] };
    groups.set(key, g);
    g.endpoints.push(endpoint);
  }
  const out: SliceContent[] = [];
  for (const [portsKey, g] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = g.endpoints.sort((a, b) => ipKey(a.addresses[0]).localeCompare(ipKey(b.addresses[0])) || (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? ''));
    for (let i = 0; i < sorted.length; i += MAX_ENDPOINTS_PER_SLICE) {
      out.push({ portsKey, ports: g.ports, endpoints: sorted.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  return out.length ? out : [{ portsKey: '[]', ports: [], endpoints: [] }];
}

const ipKey = (ip: string) => ip.split('.').map((o) => o.padStart(3, '0')).join('.');
