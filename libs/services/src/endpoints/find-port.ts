import type { Pod, ServicePort } from '../wire';

/**
 * The container port a Service port targets on one pod (`podutil.FindPort`): a number is used as is;
 * a name is looked up among the pod's container ports with the same protocol (sidecar init containers
 * included), so pods of one Service may serve it on different numbers. undefined: the pod lacks it.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? 'TCP';
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const c of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}
