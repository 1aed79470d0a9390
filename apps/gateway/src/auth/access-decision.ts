import { kindByResource, WakeError, type KubeObject } from '@wake/events';
import { checkNodeRestriction, nodeReadRefusal, readOnlyThroughPods, type Actor, type WriteVerb } from '@wake/store';

/** authorization/v1 ResourceAttributes, as kubectl auth can-i sends them. */
export interface ResourceAttributes {
  readonly namespace?: string;
  readonly verb?: string;
  readonly group?: string;
  readonly version?: string;
  readonly resource?: string;
  readonly subresource?: string;
  readonly name?: string;
}

export interface AccessDecision {
  readonly allowed: boolean;
  readonly reason: string;
}

/** What a node's decision may depend on: the named object as stored, and the pods bound to the node. */
export interface NodeFacts {
  readonly current?: KubeObject;
  readonly podsOnNode: readonly KubeObject[];
}

const READS = new Set(['get', 'list', 'watch']);
const WRITES: Readonly<Record<string, WriteVerb>> = { create: 'create', update: 'update', patch: 'update', delete: 'delete', deletecollection: 'delete' };

export const USERS_ALLOWED = 'Wake authorizes every authenticated user for everything (no RBAC)';

/**
 * Whether the gateway would let `actor` make this request, by the same rules it enforces:
 * users are allowed everything; nodes are limited by the Node authorizer for reads of Secrets,
 * ConfigMaps and PersistentVolumeClaims (only those a pod bound to the node references) and by
 * NodeRestriction for writes (their own Node and Lease, Events, status and deletion of their pods).
 */
export function decideAccess(actor: Actor, attrs: ResourceAttributes, facts: NodeFacts): AccessDecision {
  if (actor.type !== 'node') return { allowed: true, reason: USERS_ALLOWED };
  const verb = attrs.verb ?? '';
  const info = kindByResource(attrs.group ?? '', attrs.resource ?? '');
  if (verb === '*' || attrs.resource === '*') return { allowed: false, reason: 'a node is allowed only specific verbs on specific resources' };
  if (READS.has(verb)) {
    if (attrs.group === 'metrics.k8s.io') return { allowed: false, reason: 'the system:node role grants nothing in metrics.k8s.io' };
    if (!info || !readOnlyThroughPods(info.kind)) return { allowed: true, reason: 'nodes may read this resource' };
    const refusal = nodeReadRefusal(actor.node, { verb, kind: info.kind, namespace: attrs.namespace || undefined, name: attrs.name || undefined, subresource: attrs.subresource || undefined }, facts.podsOnNode);
    return refusal ? { allowed: false, reason: refusal } : { allowed: true, reason: `a pod bound to node "${actor.node}" references it` };
  }
  const write = WRITES[verb];
  if (!write || !info) return { allowed: false, reason: `node "${actor.node}" may not ${verb} ${attrs.resource ?? ''}` };
  if (info.kind === 'Pod' && attrs.subresource === 'binding') return { allowed: false, reason: 'a node may not bind pods' };
  const object: KubeObject = facts.current ?? { apiVersion: info.version, kind: info.kind, metadata: { name: attrs.name ?? '', namespace: attrs.namespace || undefined } } as KubeObject;
  const writeVerb: WriteVerb = write === 'update' && attrs.subresource === 'status' ? 'updateStatus' : write;
  try {
    if (writeVerb === 'create') checkNodeRestriction(actor, 'create', undefined, object);
    else if (writeVerb === 'delete') checkNodeRestriction(actor, 'delete', object, undefined);
    else checkNodeRestriction(actor, writeVerb, object, object);
    return { allowed: true, reason: 'allowed by NodeRestriction' };
  } catch (e) {
    if (e instanceof WakeError) return { allowed: false, reason: e.message };
    throw e;
  }
}
