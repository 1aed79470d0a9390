import { WakeError, type KubeObject } from '@wake/events';
import { invalidError } from '../invalid';
import { prepareUpdate } from '../prepare-update';
import { withCondition, type PodObject } from './pod-condition';

export interface BindRequest {
  /** The node the pod goes to (Binding target.name). */
  readonly nodeName: string;
  /** When the binding happens (PodScheduled's lastTransitionTime). */
  readonly now: Date;
  /** Binding metadata.uid: a precondition that the pod is this one, not one recreated under its name. */
  readonly uid?: string;
  /** Binding metadata.annotations, merged into the pod's as the apiserver does. */
  readonly annotations?: Readonly<Record<string, string>>;
}

const cannotBind = (pod: KubeObject, why: string) =>
  new WakeError('Conflict', `Operation cannot be fulfilled on pods/binding "${pod.metadata.name}": ${why}`);

/**
 * The pod as a binding leaves it, in one write, as the apiserver's pods/binding does
 * (BindingREST.setPodHostAndAnnotations): spec.nodeName set, the binding's annotations merged and
 * PodScheduled=True. Refused with Kubernetes' errors when the target is missing, the pod is another
 * one (uid precondition), already assigned, being deleted or still gated. The spec change passes the
 * shared update rules (defaults; validation against the old pod: nodeName may only go from empty to set).
 */
export function planBind(pod: PodObject, req: BindRequest): PodObject {
  if (!req.nodeName) {
    throw invalidError({ kind: 'Binding', metadata: { name: pod.metadata.name } }, [{ field: 'target.name', reason: 'FieldValueRequired', message: 'Required value' }]);
  }
  if (req.uid && req.uid !== pod.metadata.uid) {
    throw new WakeError('Conflict', `Operation cannot be fulfilled on pods "${pod.metadata.name}": Precondition failed: UID in precondition: ${req.uid}, UID in object meta: ${pod.metadata.uid ?? ''}`);
  }
  const name = pod.metadata.name;
  if (pod.metadata.deletionTimestamp) throw cannotBind(pod, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (pod.spec?.nodeName) throw cannotBind(pod, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  if (pod.spec?.schedulingGates?.length) throw cannotBind(pod, `pod ${name} has non-empty .spec.schedulingGates`);
  const annotated: PodObject = req.annotations && Object.keys(req.annotations).length
    ? { ...pod, metadata: { ...pod.metadata, annotations: { ...(pod.metadata.annotations ?? {}), ...req.annotations } } }
    : pod;
  const target = withCondition({ ...annotated, spec: { ...annotated.spec, nodeName: req.nodeName } }, { type: 'PodScheduled', status: 'True' }, req.now);
  // The spec goes through the shared update rules; the status is the pod's with the one condition set above.
  const withSpec = prepareUpdate(pod, target, undefined).object;
  return { ...withSpec, status: target.status };
}
