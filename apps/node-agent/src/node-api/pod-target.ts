import type { V1Pod } from '@kubernetes/client-node';
import type { PodRef } from '@wake/node-api';

export type ErrorCode = 'NotFound' | 'BadRequest' | 'Internal';

export type PodTarget =
  | { readonly ok: true; readonly pod: V1Pod; readonly uid: string; readonly container: string }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/**
 * Which pod and container a logs/exec request means — answered only for a pod bound to this
 * node whose uid matches (a pod recreated under the same name is another pod). Pure.
 */
export function resolveTarget(ref: PodRef, pod: V1Pod | undefined, nodeName: string, opts: { includeInit?: boolean } = {}): PodTarget {
  const name = `${ref.namespace}/${ref.pod}`;
  if (!pod || pod.spec?.nodeName !== nodeName) return { ok: false, code: 'NotFound', message: `pod "${ref.pod}" not found on node "${nodeName}"` };
  if (ref.uid && pod.metadata?.uid !== ref.uid) return { ok: false, code: 'NotFound', message: `pod "${name}" with uid ${ref.uid} not found on node "${nodeName}"` };
  const containers = (pod.spec?.containers ?? []).map((c) => c.name);
  const all = [...(opts.includeInit ? (pod.spec?.initContainers ?? []).map((c) => c.name) : []), ...containers];
  if (!ref.container) {
    if (containers.length !== 1) {
      return { ok: false, code: 'BadRequest', message: `a container name must be specified for pod ${ref.pod}, choose one of: [${containers.join(' ')}]` };
    }
    return { ok: true, pod, uid: pod.metadata!.uid!, container: containers[0] };
  }
  if (!all.includes(ref.container)) {
    return { ok: false, code: 'BadRequest', message: `container ${ref.container} is not valid for pod ${ref.pod}` };
  }
  return { ok: true, pod, uid: pod.metadata!.uid!, container: ref.container };
}
