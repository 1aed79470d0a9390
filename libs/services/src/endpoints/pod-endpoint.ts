import { isPodReady } from '@wake/reconcilers';
import type { Pod, Service } from '../wire';

/** The pod's IPv4 address, if it has one yet. */
export function podIP(pod: Pod): string | undefined {
  return pod.status?.podIP || pod.status?.podIPs?.find((p) => !p.ip.includes(':'))?.ip || undefined;
}

/**
 * Whether a pod belongs in a Service's endpoints at all (`ShouldPodBeInEndpoints`): it has an address,
 * it is not terminating (unless `includeTerminating`), and it has not finished for good.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!podIP(pod)) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return phase !== 'Failed' && phase !== 'Succeeded';
  if (policy === 'OnFailure') return phase !== 'Succeeded';
  return true;
}

/** A StatefulSet-style pod (hostname + subdomain = the Service's name) gets a DNS name under the Service. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec?.subdomain === svc.metadata?.name && pod.metadata?.namespace === svc.metadata?.namespace;
}

export const isReady = (pod: Pod): boolean => isPodReady(pod);

/** The pods a Service selects: same namespace, every selector label equal. An empty selector selects none here. */
export function selectedPods(svc: Service, pods: readonly Pod[]): Pod[] {
  const selector = svc.spec?.selector ?? {};
  const keys = Object.keys(selector);
  if (!keys.length) return [];
  return pods.filter((p) => p.metadata?.namespace === svc.metadata?.namespace && keys.every((k) => p.metadata?.labels?.[k] === selector[k]));
}

export function podRef(pod: Pod) {
  return { kind: 'Pod', namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '' };
}
