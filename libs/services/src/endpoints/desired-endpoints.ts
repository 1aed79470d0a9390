import { isReady, podIP, podRef, selectedPods, shouldPodBeInEndpoints, shouldSetHostname } from './pod-endpoint';
import { findPort } from './find-port';
import { endpointsLabels } from './labels';
import { isHeadless, type EndpointAddress, type EndpointPort, type Endpoints, type EndpointSubset, type Pod, type Service } from '../wire';

/**
 * The core/v1 Endpoints a Service should have (the endpoints controller's syncService): one address per
 * selected pod with an IP, in `addresses` when ready (or when the Service publishes not-ready addresses),
 * else in `notReadyAddresses`; terminating pods left out unless published; ports resolved per pod
 * (named target ports may differ between pods), then repacked into subsets by identical port sets.
 */
export function desiredEndpoints(svc: Service, pods: readonly Pod[]): Endpoints {
  const publish = !!svc.spec?.publishNotReadyAddresses;
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  const add = (ports: EndpointPort[], address: EndpointAddress, ready: boolean) => {
    const key = JSON.stringify(ports);
    const g = groups.get(key) ?? { ports, ready: [], notReady: [] };
    groups.set(key, g);
    (ready ? g.ready : g.notReady).push(address);
  };
  for (const pod of selectedPods(svc, pods)) {
    if (!shouldPodBeInEndpoints(pod, publish)) continue;
    const address: EndpointAddress = {
      ip: podIP(pod)!,
      ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec!.hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: podRef(pod),
    };
    const ready = publish || isReady(pod);
    const svcPorts = svc.spec?.ports ?? [];
    if (!svcPorts.length) {
      if (isHeadless(svc)) add([], address, ready);
      continue;
    }
    const ports: EndpointPort[] = [];
    for (const sp of svcPorts) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    if (ports.length) add(sortPorts(ports), address, ready);
  }
  const subsets: EndpointSubset[] = [...groups.values()]
    .map((g) => ({
      ...(g.ready.length ? { addresses: sortAddresses(g.ready) } : {}),
      ...(g.notReady.length ? { notReadyAddresses: sortAddresses(g.notReady) } : {}),
      ...(g.ports.length ? { ports: g.ports } : {}),
    }))
    .sort((a, b) => subsetKey(a).localeCompare(subsetKey(b)));
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: svc.metadata?.name, namespace: svc.metadata?.namespace, labels: endpointsLabels(svc) },
    ...(subsets.length ? { subsets } : {}),
  };
}

const ipKey = (ip: string) => ip.split('.').map((o) => o.padStart(3, '0')).join('.');

function sortAddresses(xs: EndpointAddress[]): EndpointAddress[] {
  return [...xs].sort((a, b) => ipKey(a.ip).localeCompare(ipKey(b.ip)) || (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? ''));
}

function sortPorts(xs: EndpointPort[]): EndpointPort[] {
  return [...xs].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
}

function subsetKey(s: EndpointSubset): string {
  const first = s.addresses?.[0] ?? s.notReadyAddresses?.[0];
  return `${first ? ipKey(first.ip) : ''}|${JSON.stringify(s.ports ?? [])}`;
}
