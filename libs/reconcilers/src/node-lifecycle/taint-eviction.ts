import { millis } from '../common/time';
import type { Pod, Taint, Toleration } from '../common/wire';
import { NOT_READY, UNREACHABLE } from './node-taints';

/** `DefaultTolerationSeconds` admission: 300 s for not-ready and unreachable. */
export const DEFAULT_TOLERATION_SECONDS = 300;

function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.operator ?? 'Equal') === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/**
 * The pod's tolerations, plus the ones the DefaultTolerationSeconds admission adds when the
 * pod has none for not-ready / unreachable (pass `undefined` to not assume them).
 */
export function effectiveTolerations(pod: Pod, defaultSeconds: number | undefined): Toleration[] {
  const own = pod.spec?.tolerations ?? [];
  if (defaultSeconds === undefined) return own;
  const extra: Toleration[] = [];
  for (const key of [NOT_READY, UNREACHABLE]) {
    const probe: Taint = { key, effect: 'NoExecute' };
    if (!own.some((t) => tolerates(t, probe))) extra.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: defaultSeconds });
  }
  return [...own, ...extra];
}

/**
 * NoExecute taint manager: when must a pod on a node with these taints be evicted?
 * 'never' when every NoExecute taint is tolerated forever; otherwise the epoch ms at which
 * the shortest tolerationSeconds (counted from each taint's timeAdded) runs out, or `now`
 * when a taint is not tolerated at all.
 */
export function evictionTime(pod: Pod, taints: readonly Taint[], now: Date, defaultSeconds: number | undefined): number | 'never' {
  const tolerations = effectiveTolerations(pod, defaultSeconds);
  let at: number | 'never' = 'never';
  for (const taint of taints.filter((t) => t.effect === 'NoExecute')) {
    const matching = tolerations.filter((t) => tolerates(t, taint));
    if (matching.length === 0) return now.getTime();
    const secs = matching.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined && s !== null);
    if (secs.length === 0) continue;
    const added = millis(taint.timeAdded) ?? now.getTime();
    const due = added + Math.max(0, Math.min(...secs)) * 1000;
    at = at === 'never' ? due : Math.min(at, due);
  }
  return at;
}
