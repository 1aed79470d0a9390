import type { KubeObject } from '@wake/events';
import { podReferences, type PodReferences } from './pod-references';

/** The kinds a node may read only when a pod bound to it references them (Kubernetes' Node authorizer). */
const READ_THROUGH_PODS: Readonly<Record<string, keyof PodReferences>> = {
  Secret: 'secrets',
  ConfigMap: 'configMaps',
  PersistentVolumeClaim: 'persistentVolumeClaims',
};

export const readOnlyThroughPods = (kind: string): boolean => kind in READ_THROUGH_PODS;

/** One request of a node, as an authorizer sees it (for list and watch, `name` comes from a metadata.name field selector). */
export interface NodeReadRequest {
  readonly verb: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: string;
}

/**
 * Why a node may not make this request of a read-through-pods kind whatever its pods are, in
 * Kubernetes' words (NodeAuthorizer.authorizeReadNamespacedObject); undefined when it depends on
 * the pods (see referencedByPodOn).
 */
export function nodeReadShapeRefusal(req: NodeReadRequest): string | undefined {
  if (req.verb !== 'get' && req.verb !== 'list' && req.verb !== 'watch') return 'can only read resources of this type';
  if (req.subresource) return 'cannot read subresource';
  if (!req.namespace) return 'can only read namespaced object of this type';
  if (!req.name) return 'No Object name found';
  return undefined;
}

/** Whether a pod bound to `node` in the object's namespace references it (pods elsewhere are ignored). */
export function referencedByPodOn(node: string, kind: string, namespace: string, name: string, pods: readonly KubeObject[]): boolean {
  const field = READ_THROUGH_PODS[kind];
  if (!field) return false;
  return pods.some((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === node
    && p.metadata.namespace === namespace
    && podReferences(p)[field].includes(name));
}

export const noRelationship = (node: string): string => `no relationship found between node '${node}' and this object`;

/** The whole decision, for one request and the pods bound to the node: undefined when allowed, else the reason. */
export function nodeReadRefusal(node: string, req: NodeReadRequest, podsOnNode: readonly KubeObject[]): string | undefined {
  if (!readOnlyThroughPods(req.kind)) return undefined;
  const shape = nodeReadShapeRefusal(req);
  if (shape) return shape;
  return referencedByPodOn(node, req.kind, req.namespace!, req.name!, podsOnNode) ? undefined : noRelationship(node);
}
