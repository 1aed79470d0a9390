import { KINDS, type KubeObject } from '@wake/events';
import { podReferences, readOnlyThroughPods, type Actor } from '@wake/store';

/** authorization/v1 ResourceRule and NonResourceRule. */
export interface ResourceRule { verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames?: string[] }
export interface NonResourceRule { verbs: string[]; nonResourceURLs: string[] }
export interface RulesReviewStatus { resourceRules: ResourceRule[]; nonResourceRules: NonResourceRule[]; incomplete: boolean; evaluationError?: string }

/**
 * What `kubectl auth can-i --list` shows for `actor` in `namespace`: everything for users; for a
 * node, the reads and writes the Node authorizer and NodeRestriction allow it there, given the pods
 * bound to it (`podsOnNode`, all namespaces).
 */
export function rulesFor(actor: Actor, namespace: string, podsOnNode: readonly KubeObject[]): RulesReviewStatus {
  if (actor.type !== 'node') {
    return {
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    };
  }
  const node = actor.node;
  const rules: ResourceRule[] = [];
  const readable = KINDS.filter((k) => !readOnlyThroughPods(k.kind));
  for (const group of [...new Set(readable.map((k) => k.group))]) {
    rules.push({ verbs: ['get', 'list', 'watch'], apiGroups: [group], resources: readable.filter((k) => k.group === group).map((k) => k.plural) });
  }
  const here = podsOnNode.filter((p) => p.metadata.namespace === namespace);
  const refs = here.map(podReferences);
  const named = (resource: string, names: string[]) => {
    const unique = [...new Set(names)].sort();
    if (unique.length) rules.push({ verbs: ['get'], apiGroups: [''], resources: [resource], resourceNames: unique });
  };
  named('secrets', refs.flatMap((r) => r.secrets));
  named('configmaps', refs.flatMap((r) => r.configMaps));
  named('persistentvolumeclaims', refs.flatMap((r) => r.persistentVolumeClaims));
  rules.push({ verbs: ['create', 'get', 'update', 'patch'], apiGroups: [''], resources: ['nodes', 'nodes/status'], resourceNames: [node] });
  if (namespace === 'kube-node-lease') rules.push({ verbs: ['create', 'get', 'update', 'patch', 'delete'], apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: [node] });
  rules.push({ verbs: ['create', 'update', 'patch', 'delete'], apiGroups: [''], resources: ['events'] });
  const pods = here.map((p) => p.metadata.name).sort();
  if (pods.length) {
    rules.push({ verbs: ['update', 'patch'], apiGroups: [''], resources: ['pods/status'], resourceNames: pods });
    rules.push({ verbs: ['delete'], apiGroups: [''], resources: ['pods'], resourceNames: pods });
  }
  return {
    resourceRules: rules,
    nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version', '/openapi/*', '/healthz', '/livez', '/readyz'] }],
    incomplete: false,
  };
}
