/**
 * The create-only review resources kubectl's `auth can-i` and `auth whoami` post to, as kube-apiserver
 * lists them: cluster-scoped, verb `create` only, never stored (apps/gateway/src/auth/self-reviews.ts).
 */
export const REVIEW_RESOURCES = [
  { group: 'authentication.k8s.io', resource: 'selfsubjectreviews', kind: 'SelfSubjectReview' },
  { group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview' },
  { group: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews', kind: 'SelfSubjectRulesReview' },
] as const;

export const REVIEW_VERSION = 'v1';
const VERBS = ['create'];

export const reviewGroups = (): string[] => [...new Set(REVIEW_RESOURCES.map((r) => r.group))];
const resourcesOf = (group: string) => REVIEW_RESOURCES.filter((r) => r.group === group);

function groupEntry(group: string) {
  const gv = { groupVersion: `${group}/${REVIEW_VERSION}`, version: REVIEW_VERSION };
  return { name: group, versions: [gv], preferredVersion: gv };
}

/** Entries of /apis (APIGroupList). */
export const reviewApiGroups = () => reviewGroups().map(groupEntry);

/** GET /apis/<group>, or undefined for another group. */
export function reviewApiGroupDocument(group: string) {
  return reviewGroups().includes(group) ? { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group) } : undefined;
}

/** GET /apis/<group>/v1, or undefined. */
export function reviewApiResourceList(group: string, version: string) {
  if (!reviewGroups().includes(group) || version !== REVIEW_VERSION) return undefined;
  return {
    kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${group}/${REVIEW_VERSION}`,
    resources: resourcesOf(group).map((r) => ({ name: r.resource, singularName: r.kind.toLowerCase(), namespaced: false, kind: r.kind, verbs: VERBS })),
  };
}

/** Items of aggregated discovery (/apis, apidiscovery.k8s.io/v2). */
export function reviewAggregatedGroups() {
  return reviewGroups().map((group) => ({
    metadata: { name: group },
    versions: [{
      version: REVIEW_VERSION, freshness: 'Current',
      resources: resourcesOf(group).map((r) => ({
        resource: r.resource, responseKind: { group, version: REVIEW_VERSION, kind: r.kind },
        scope: 'Cluster', singularResource: r.kind.toLowerCase(), verbs: VERBS, subresources: [] as never[],
      })),
    }],
  }));
}
