import type { KubeObject } from '@wake/events';
import { WakeError } from '@wake/events';
import type { Actor } from './actor';

export type WriteVerb = 'create' | 'update' | 'updateStatus' | 'delete' | 'bind';

/**
 * Node agents may only write their own Node, their own Lease in kube-node-lease, Events,
 * and the pods bound to their node (status and final deletion) — as Kubernetes'
 * NodeRestriction admission does. Enforced here, for every writer; not trusted to agents.
 * `current` is the stored object (for updates and deletes), `next` the object to write.
 */
export function checkNodeRestriction(actor: Actor, verb: WriteVerb, current: KubeObject | undefined, next: KubeObject | undefined): void {
  if (actor.type !== 'node') return;
  const node = actor.node;
  const obj = (next ?? current)!;
  const deny = (why: string): never => {
    throw new WakeError('Forbidden', `node "${node}" is not allowed to ${verb} ${obj.kind.toLowerCase()}s "${obj.metadata.name}": ${why}`);
  };
  switch (obj.kind) {
    case 'Node':
      if (obj.metadata.name !== node) deny('a node may only modify its own Node object');
      if (verb === 'delete') deny('a node may not delete its Node object');
      return;
    case 'Lease':
      if (obj.metadata.namespace !== 'kube-node-lease' || obj.metadata.name !== node) deny('a node may only renew its own lease in kube-node-lease');
      return;
    case 'Event':
      return;
    case 'Pod': {
      const boundTo = (p: KubeObject | undefined) => (p?.spec as { nodeName?: string } | undefined)?.nodeName;
      if (verb === 'create') deny('a node may not create pods');
      if (verb === 'bind') deny('a node may not bind pods');
      if (boundTo(current) !== node) deny(`the pod is not bound to node "${node}"`);
      if (verb === 'update') deny('a node may only update pod status');
      if (next && boundTo(next) !== node) deny('a node may not move a pod');
      return;
    }
    default:
      deny('not a kind a node writes');
  }
}
