import { applyDefaults, validateObject } from '@wake/api';
import { kindInfo, WakeError, type KubeObject } from '@wake/events';
import { invalidError } from './invalid';
import { normalizeWrite, withoutNulls } from './strategies';
import { GENERATION_KINDS } from './prepare-create';
import { sameJson, specPart } from './same-json';

export type Subresource = 'status' | undefined;

export interface UpdatePlan {
  readonly object: KubeObject;
  /** The intent for the event: Updated, Scaled, MetadataUpdated, StatusUpdated. */
  readonly intent: string;
  /** false when the write changes nothing (no event is appended, as the apiserver skips no-op writes). */
  readonly changed: boolean;
  /** true when the object was being deleted and its last finalizer is gone: remove it. */
  readonly finalize: boolean;
}

const SERVER_OWNED = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const;

/**
 * The object as it will be stored after an update of the main resource or its status:
 * server-owned metadata kept, the other half (status, or spec) taken from the stored object,
 * generation bumped when the spec changes, defaults applied, validated against the old object.
 */
export function prepareUpdate(current: KubeObject, raw: KubeObject, subresource: Subresource): UpdatePlan {
  const incoming = subresource === 'status' ? (withoutNulls(raw) as KubeObject) : normalizeWrite(raw, 'update');
  const info = kindInfo(current.kind)!;
  if (incoming.metadata?.name !== current.metadata.name) {
    throw new WakeError('BadRequest', `the name of the object (${incoming.metadata?.name}) does not match the name on the URL (${current.metadata.name})`);
  }
  if (incoming.metadata.uid && incoming.metadata.uid !== current.metadata.uid) {
    throw new WakeError('Conflict', `Precondition failed: UID in precondition: ${incoming.metadata.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  let next: KubeObject;
  if (subresource === 'status') {
    // A status write changes status (and annotations/labels, as the apiserver's status strategies allow); spec stays.
    next = {
      ...current,
      metadata: { ...current.metadata, labels: incoming.metadata.labels, annotations: incoming.metadata.annotations },
      status: incoming.status,
    };
  } else {
    const meta: Record<string, unknown> = { ...incoming.metadata, namespace: current.metadata.namespace };
    for (const k of SERVER_OWNED) {
      if (current.metadata[k] === undefined) delete meta[k];
      else meta[k] = current.metadata[k];
    }
    next = { ...incoming, apiVersion: current.apiVersion, kind: current.kind, metadata: meta as KubeObject['metadata'] };
    if (info.subresources.includes('status')) {
      if (current.status === undefined) delete next.status;
      else next.status = current.status as KubeObject['status'];
    }
    if (current.metadata.deletionTimestamp) {
      const added = (next.metadata.finalizers as string[] | undefined ?? []).filter((f) => !((current.metadata.finalizers as string[] | undefined) ?? []).includes(f));
      if (added.length) throw new WakeError('Forbidden', `no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`);
    }
  }
  next = applyDefaults(next) as KubeObject;
  const specChanged = !sameJson(specPart(next), specPart(current));
  if (specChanged && GENERATION_KINDS.has(current.kind) && subresource !== 'status') {
    next = { ...next, metadata: { ...next.metadata, generation: ((current.metadata.generation as number | undefined) ?? 0) + 1 } };
  }
  const causes = validateObject(next, { operation: 'update', old: current });
  if (causes.length) throw invalidError(next, causes);
  const stripRv = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  const changed = !sameJson(stripRv(next), stripRv(current));
  const finalize = Boolean(next.metadata.deletionTimestamp) && !hasFinalizers(next) && !awaitsNodeAgent(next);
  return { object: next, intent: intentOf(current, next, subresource, specChanged), changed, finalize };
}

/**
 * A bound pod being deleted gracefully is removed by its node agent once its containers have
 * stopped, not by the last finalizer going: an unbound pod, or one whose grace is 0, has
 * nothing to wait for.
 */
function awaitsNodeAgent(obj: KubeObject): boolean {
  if (obj.kind !== 'Pod') return false;
  const nodeName = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
  return Boolean(nodeName) && obj.metadata.deletionGracePeriodSeconds !== 0;
}

export function hasFinalizers(obj: KubeObject): boolean {
  const meta = (obj.metadata.finalizers as string[] | undefined) ?? [];
  const spec = obj.kind === 'Namespace' ? ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []) : [];
  return meta.length + spec.length > 0;
}

function intentOf(current: KubeObject, next: KubeObject, subresource: Subresource, specChanged: boolean): string {
  if (subresource === 'status') return 'StatusUpdated';
  if (!specChanged) return 'MetadataUpdated';
  const cur = current.spec as { replicas?: number } | undefined;
  const nxt = next.spec as { replicas?: number } | undefined;
  if (cur && nxt && cur.replicas !== nxt.replicas && sameJson({ ...cur, replicas: 0 }, { ...nxt, replicas: 0 })) return 'Scaled';
  return 'Updated';
}
