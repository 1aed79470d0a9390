import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '@wake/events';

/** The field manager `kubectl rollout undo|restart|pause|resume` names on its PATCH. */
export const KUBECTL_ROLLOUT_MANAGER = 'kubectl-rollout';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const WORKLOADS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

type Spec = { template?: { metadata?: { annotations?: Record<string, string> } }; paused?: boolean };

/**
 * The intent of a `kubectl rollout` write, which the apiserver sees only as a spec update:
 * `undo` replaces the pod template with an older revision's (RolledBack), `restart` stamps the
 * template's restartedAt annotation (Restarted), `pause`/`resume` flip spec.paused. Undefined for
 * any other write, which keeps its derived intent (Updated, Scaled…).
 */
export function rolloutIntent(current: KubeObject, next: KubeObject, fieldManager: string | undefined): string | undefined {
  if (fieldManager !== KUBECTL_ROLLOUT_MANAGER || !WORKLOADS.has(next.kind)) return undefined;
  const cur = (current.spec ?? {}) as Spec;
  const nxt = (next.spec ?? {}) as Spec;
  if (!isDeepStrictEqual(cur.template, nxt.template)) {
    return isDeepStrictEqual(withoutRestartedAt(cur.template), withoutRestartedAt(nxt.template)) ? 'Restarted' : 'RolledBack';
  }
  if (Boolean(cur.paused) !== Boolean(nxt.paused)) return nxt.paused ? 'Paused' : 'Resumed';
  return undefined;
}

function withoutRestartedAt(template: Spec['template']): Spec['template'] {
  const annotations = { ...template?.metadata?.annotations };
  delete annotations[RESTARTED_AT];
  return { ...template, metadata: { ...template?.metadata, annotations } };
}

/**
 * `kubectl rollout undo` of a Deployment: a JSON patch of exactly two replaces, the pod template
 * (an older ReplicaSet's) and the annotations (kubectl's polymorphichelpers getDeploymentPatch).
 * The apiserver cannot tell it from an edit otherwise: this shape is the only mark it leaves.
 */
export function isKubectlUndoPatch(kind: string, body: unknown, contentType: string): boolean {
  if (kind !== 'Deployment' || !contentType.startsWith('application/json-patch+json') || !Array.isArray(body) || body.length !== 2) return false;
  const ops = body as Array<{ op?: unknown; path?: unknown }>;
  return ops[0]?.op === 'replace' && ops[0]?.path === '/spec/template' && ops[1]?.op === 'replace' && ops[1]?.path === '/metadata/annotations';
}
