import { WakeError } from '@wake/events';
import type { PodRef } from '@wake/node-api';
import type { GatewayDeps } from '../server/context';

/** The node a pod runs on and the container a logs/exec request means, checked as the apiserver checks them. */
export async function podTarget(deps: GatewayDeps, namespace: string, name: string, container: string | null): Promise<{ node: string; ref: PodRef }> {
  const pod = await deps.store.mustGet({ kind: 'Pod', namespace, name });
  const spec = (pod.spec ?? {}) as { nodeName?: string; containers?: { name: string }[]; initContainers?: { name: string }[] };
  const names = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c) => c.name);
  let chosen = container ?? undefined;
  if (!chosen) {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    if (annotated && names.includes(annotated)) chosen = annotated;
    else if ((spec.containers ?? []).length === 1) chosen = spec.containers![0].name;
    else throw new WakeError('BadRequest', `a container name must be specified for pod ${name}, choose one of: [${(spec.containers ?? []).map((c) => c.name).join(' ')}]`);
  } else if (!names.includes(chosen)) {
    throw new WakeError('BadRequest', `container ${chosen} is not valid for pod ${name}`);
  }
  if (!spec.nodeName) throw new WakeError('BadRequest', `pod ${name} does not have a host assigned`);
  return { node: spec.nodeName, ref: { namespace, pod: name, uid: pod.metadata.uid ?? '', container: chosen } };
}

