import type { KubeObject } from '@wake/events';

/**
 * Per-kind rules the apiserver's REST strategies apply to what clients write, before defaulting:
 * a Secret's `stringData` is folded into `data` (base64) and never stored; a new Pod starts
 * in phase Pending (its status is otherwise the node agent's to write).
 */
export function normalizeWrite(obj: KubeObject, operation: 'create' | 'update'): KubeObject {
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
  return out;
}
