import type { KubeObject } from '@wake/events';

/**
 * Per-kind rules the apiserver's REST strategies apply to what clients write, before defaulting:
 * a Secret's `stringData` is folded into `data` (base64) and never stored; a new Pod starts
 * in phase Pending (its status is otherwise the node agent's to write); a new PodDisruptionBudget
 * starts with no status (the disruption controller's to write: a client cannot hand itself a budget), and
 * so does a new HorizontalPodAutoscaler (the autoscaler's to write).
 */
export function normalizeWrite(raw: KubeObject, operation: 'create' | 'update'): KubeObject {
  const obj = withoutNulls(raw) as KubeObject;
  let out = obj;
  if (obj.kind === 'Secret' && obj.stringData && typeof obj.stringData === 'object') {
    const data: Record<string, string> = { ...((obj.data as Record<string, string> | undefined) ?? {}) };
    for (const [k, v] of Object.entries(obj.stringData as Record<string, unknown>)) data[k] = Buffer.from(String(v)).toString('base64');
    const { stringData: _s, ...rest } = obj;
    out = { ...(rest as KubeObject), data };
  }
  if (operation === 'create' && obj.kind === 'Pod') {
    const status = (obj.status ?? {}) as Record<string, unknown>;
    if (!status.phase) out = { ...out, status: { ...status, phase: 'Pending' } };
  }
  if (operation === 'create' && (obj.kind === 'PodDisruptionBudget' || obj.kind === 'HorizontalPodAutoscaler') && out.status !== undefined) {
    const { status: _status, ...rest } = out;
    out = rest as KubeObject;
  }
  return out;
}

/**
 * Objects are stored as the apiserver stores them after decoding into Go types: a `null`
 * field is simply absent (kubectl sends `"creationTimestamp": null` inside templates, e.g. in
 * `rollout undo`). Without this, equal templates would compare unequal.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}

/**
 * The Job strategy on create (unless spec.manualSelector): a selector on the Job's own uid, and
 * the matching labels on the pod template — batch.kubernetes.io/controller-uid and job-name,
 * plus the legacy controller-uid/job-name labels Kubernetes still sets.
 */
export function generateJobSelector(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Job') return obj;
  const spec = (obj.spec ?? {}) as { manualSelector?: boolean; selector?: unknown; template?: { metadata?: { labels?: Record<string, string> } } };
  if (spec.manualSelector) return obj;
  const uid = obj.metadata.uid!;
  const name = obj.metadata.name;
  const template = spec.template ?? {};
  const labels = {
    ...(template.metadata?.labels ?? {}),
    'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name,
  };
  return {
    ...obj,
    spec: {
      ...spec,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { ...template, metadata: { ...(template.metadata ?? {}), labels } },
    },
  };
}
