import type { V1Taint, V1Toleration } from '@kubernetes/client-node';

/** v1helper ToleratesTaint: empty key with Exists tolerates every taint; empty effect every effect. */
export function tolerates(t: V1Toleration, taint: V1Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Exists': return true;
    case 'Equal': case '': return (t.value ?? '') === (taint.value ?? '');
    default: return false;
  }
}

export const toleratesTaint = (tolerations: readonly V1Toleration[], taint: V1Taint): boolean => {
  for (let i = 0; i < tolerations.length; i++) if (tolerates(tolerations[i], taint)) return true;
  return false;
};
