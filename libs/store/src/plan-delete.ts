import { WakeError, type KubeObject } from '@wake/events';
import { hasFinalizers } from './prepare-update';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  readonly propagationPolicy?: PropagationPolicy;
  readonly gracePeriodSeconds?: number;
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
}

export type DeletePlan =
  | { readonly type: 'remove'; readonly object: KubeObject }
  | { readonly type: 'mark'; readonly object: KubeObject }
  | { readonly type: 'unchanged'; readonly object: KubeObject };

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * What a delete does, as the apiserver decides it: remove at once, or mark the object with
 * deletionTimestamp while finalizers (propagation, namespace content) or a bound pod's graceful
 * termination run; a second delete of a marked object changes nothing unless it forces a pod.
 */
export function planDelete(current: KubeObject, opts: DeleteOptions, now: Date): DeletePlan {
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw new WakeError('Conflict', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw new WakeError('Conflict', `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
  }
  const isPod = current.kind === 'Pod';
  const pod = current as KubeObject & { spec?: { nodeName?: string; terminationGracePeriodSeconds?: number }; status?: { phase?: string } };
  const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const grace = isPod && pod.spec?.nodeName && !terminal
    ? opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30
    : 0;

  if (current.metadata.deletionTimestamp) {
    if (isPod && opts.gracePeriodSeconds === 0 && !hasFinalizers(current)) return { type: 'remove', object: current };
    return { type: 'unchanged', object: current };
  }
  const finalizers = [...((current.metadata.finalizers as string[] | undefined) ?? [])];
  if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
  if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
  const marked = (extraSeconds: number): KubeObject => ({
    ...current,
    metadata: {
      ...current.metadata,
      deletionTimestamp: iso(new Date(now.getTime() + extraSeconds * 1000)),
      deletionGracePeriodSeconds: extraSeconds,
      ...(finalizers.length ? { finalizers } : {}),
    },
    ...(current.kind === 'Namespace' ? { status: { ...(current.status as object), phase: 'Terminating' } } : {}),
  });
  const withFinalizers = { ...current, metadata: { ...current.metadata, finalizers } };
  if (grace > 0 || hasFinalizers(withFinalizers)) return { type: 'mark', object: marked(grace) };
  return { type: 'remove', object: marked(0) };
}
