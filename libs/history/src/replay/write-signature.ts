import { intentOf, isRemoval, type KubeObject, type StoredEvent } from '@wake/events';
import {
  CONTROLLER_REVISION_HASH, DESIRED_REPLICAS as DESIRED, JOB_COMPLETION_INDEX as COMPLETION_INDEX, REVISION, targetNode, type Action, type Pod,
} from '@wake/reconcilers';

/**
 * A controller write described by what it decides, not byte for byte: a generated pod name, a
 * uid, a timestamp or the defaults the object library adds are not decisions. Both the recorded
 * writes (events) and today's actions become such strings, and are compared as multisets.
 *
 *   create Pod web-7d4b9- owner=ReplicaSet/web-7d4b9 pod-template-hash=7d4b9 images=wake/web:1
 *   create Pod agent-* owner=DaemonSet/agent revision=5f8c9 node=n2 images=wake/agent:1
 *   create Pod db-2 owner=StatefulSet/db revision=db-6d5f7 images=postgres:16
 *   create ReplicaSet web-7d4b9 owner=Deployment/web replicas=1 revision=1
 *   update ReplicaSet web-7d4b9 replicas=3 revision=1 desired=3
 *   status ReplicaSet web-7d4b9 replicas=3 labeled=3 ready=2 available=2 observed=1
 *   delete Pod web-7d4b9-x2x4z
 *
 * A StatefulSet's pod names are its decisions (which ordinal), so they are kept; a DaemonSet
 * pod's name is generated, but the node it is pinned to (nodeName or its `metadata.name`
 * node affinity) is kept.
 */
export type WriteVerb = 'create' | 'update' | 'status' | 'delete';


/** Today's write actions as signatures (events and requeues are not decisions compared). */
export function actionSignatures(actions: readonly Action[]): string[] {
  const out: string[] = [];
  for (const a of actions) {
    switch (a.type) {
      case 'create': out.push(signature('create', a.object as KubeObject)); break;
      case 'update': out.push(signature('update', a.object as KubeObject)); break;
      case 'updateStatus': out.push(signature('status', a.object as KubeObject)); break;
      case 'delete': out.push(`delete ${a.key.kind} ${a.key.name}`); break;
      case 'event':
      case 'requeueAfter': break;
      default: return assertNever(a);
    }
  }
  return out;
}

/** A recorded controller write as a signature. */
export function eventSignature(e: StoredEvent): string {
  return signature(recordedVerb(e), e.object);
}

/** Status writes recorded under an intent of their own: a Job's finishing status (`Job.Completed`, `Job.Failed`). */
const STATUS_INTENTS: Readonly<Record<string, ReadonlySet<string>>> = { Job: new Set(['Completed', 'Failed']) };

/** What a recorded write did, from its intent (the store names marks-for-deletion DeletionRequested). */
export function recordedVerb(e: StoredEvent): WriteVerb {
  const intent = intentOf(e.type);
  if (isRemoval(e) || intent === 'DeletionRequested') return 'delete';
  if (intent === 'Created') return 'create';
  if (intent === 'StatusUpdated' || STATUS_INTENTS[e.kind]?.has(intent)) return 'status';
  return 'update';
}

export function signature(verb: WriteVerb, o: KubeObject): string {
  const m = o.metadata;
  if (verb === 'delete') return `delete ${o.kind} ${m.name}`;
  const parts = [verb, o.kind];
  if (verb === 'create' && typeof m.generateName === 'string' && m.generateName) parts.push(`${m.generateName}*`);
  else parts.push(m.name);
  if (verb === 'status') return [...parts, ...statusFields(o)].join(' ');
  const owner = (m.ownerReferences as { kind: string; name: string; controller?: boolean }[] | undefined)?.find((r) => r.controller);
  if (verb === 'create' || o.kind === 'Pod') parts.push(`owner=${owner ? `${owner.kind}/${owner.name}` : 'none'}`);
  if (o.kind === 'Pod') {
    const hash = m.labels?.['pod-template-hash'];
    if (hash) parts.push(`pod-template-hash=${hash}`);
    const revision = m.labels?.[CONTROLLER_REVISION_HASH];
    if (revision) parts.push(`revision=${revision}`);
    const node = verb === 'create' ? targetNode(o as Pod) : undefined;
    if (node !== undefined) parts.push(`node=${node}`);
    const index = m.annotations?.[COMPLETION_INDEX];
    if (index !== undefined) parts.push(`index=${index}`);
    if (verb === 'create') parts.push(`images=${images(o).join(',')}`);
  } else {
    const spec = o.spec as { replicas?: number } | undefined;
    if (spec && 'replicas' in spec) parts.push(`replicas=${spec.replicas ?? 1}`);
    if (m.annotations?.[REVISION]) parts.push(`revision=${m.annotations[REVISION]}`);
    if (verb === 'update' && m.annotations?.[DESIRED]) parts.push(`desired=${m.annotations[DESIRED]}`);
    const imgs = images(o);
    if (imgs.length) parts.push(`images=${imgs.join(',')}`);
  }
  return parts.join(' ');
}

function images(o: KubeObject): string[] {
  const spec = (o.kind === 'Pod' ? o.spec : (o.spec as { template?: { spec?: unknown } } | undefined)?.template?.spec) as { containers?: { image?: string }[] } | undefined;
  return (spec?.containers ?? []).map((c) => c.image ?? '');
}

interface Condition { type: string; status: string; reason?: string }

/**
 * The counts and conditions of a status (timestamps and messages left out): for a ReplicaSet or
 * a Deployment their replica counts; for other kinds every number at the top of the status
 * (a Job's active/succeeded/failed/ready…, a DaemonSet's desired/current/ready…) and the names
 * of the objects listed in `active`; for a StatefulSet also its current and update revisions.
 */
function statusFields(o: KubeObject): string[] {
  const s = (o.status ?? {}) as Record<string, unknown>;
  const n = (k: string) => Number(s[k] ?? 0);
  const out = o.kind === 'Deployment'
    ? [`replicas=${n('replicas')}`, `updated=${n('updatedReplicas')}`, `ready=${n('readyReplicas')}`, `available=${n('availableReplicas')}`,
      `unavailable=${n('unavailableReplicas')}`, `observed=${n('observedGeneration')}`]
    : o.kind === 'ReplicaSet'
      ? [`replicas=${n('replicas')}`, `labeled=${n('fullyLabeledReplicas')}`, `ready=${n('readyReplicas')}`, `available=${n('availableReplicas')}`,
        `observed=${n('observedGeneration')}`]
      : Object.keys(s).filter((k) => typeof s[k] === 'number' && s[k] !== 0).sort().map((k) => `${k}=${s[k]}`);
  if (o.kind === 'StatefulSet') out.push(`currentRevision=${String(s.currentRevision ?? '')}`, `updateRevision=${String(s.updateRevision ?? '')}`);
  if (Array.isArray(s.active)) out.push(`active=${(s.active as { name?: string }[]).map((r) => r.name ?? '').sort().join(',')}`);
  if (o.kind === 'Deployment' && o.metadata.annotations?.[REVISION]) out.push(`revision=${o.metadata.annotations[REVISION]}`);
  const conditions = ((s.conditions ?? []) as Condition[]).map((c) => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ''}`).sort();
  if (conditions.length) out.push(`conditions=${conditions.join(',')}`);
  return out;
}

function assertNever(x: never): never {
  throw new Error(`unexpected action ${JSON.stringify(x)}`);
}
