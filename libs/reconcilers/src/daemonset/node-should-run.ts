import { mapSelector, nodeSelectorTerms, toleratesTaint } from '@wake/scheduling';
import type { Node, Taint } from '../common/wire';
import { daemonTolerations } from './daemon-tolerations';
import type { DaemonSet } from './types';

export interface ShouldRun {
  /** A daemon pod should be created on the node. */
  shouldRun: boolean;
  /** A daemon pod already there may stay (it tolerates every NoExecute taint). */
  shouldContinueRunning: boolean;
}

/**
 * `NodeShouldRunDaemonPod`: the template's nodeName (if any) must be the node; nodeSelector and
 * required node affinity must match; every NoSchedule/NoExecute taint must be tolerated by the
 * template's tolerations plus the daemon defaults. A node with only untolerated NoSchedule
 * taints keeps the pods it has.
 */
export function nodeShouldRunDaemonPod(ds: DaemonSet, node: Node): ShouldRun {
  const no = { shouldRun: false, shouldContinueRunning: false };
  const spec = ds.spec?.template?.spec;
  const name = node.metadata?.name ?? '';
  if (spec?.nodeName && spec.nodeName !== name) return no;
  const labels = node.metadata?.labels ?? {};
  if (!mapSelector(spec?.nodeSelector).matches(labels)) return no;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !nodeSelectorTerms(terms as never).matches({ name, labels })) return no;
  const tolerations = daemonTolerations(spec);
  const untolerated = (node.spec?.taints ?? []).filter(
    (t: Taint) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratesTaint(tolerations as never, t as never),
  );
  if (untolerated.length === 0) return { shouldRun: true, shouldContinueRunning: true };
  return { shouldRun: false, shouldContinueRunning: !untolerated.some((t) => t.effect === 'NoExecute') };
}
