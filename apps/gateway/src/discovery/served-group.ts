/** A resource of an API group Wake serves outside the kinds table (no objects in the log). */
export interface ServedResource {
  readonly name: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** '' when upstream leaves it empty (metrics-server's resources). */
  readonly singularName: string;
}

export interface ServedGroup {
  readonly group: string;
  readonly version: string;
  readonly resources: readonly ServedResource[];
  readonly verbs: readonly string[];
}

/**
 * How discovery shows such a group (history.wake.dev, metrics.k8s.io): its entry in /apis, the
 * APIGroup and APIResourceList documents, and its item in aggregated discovery — one shape for
 * every such group, from its data.
 */
export function describeServedGroup(g: ServedGroup) {
  const apiVersion = `${g.group}/${g.version}`;
  const groupVersion = { groupVersion: apiVersion, version: g.version };
  const apiGroup = () => ({ name: g.group, versions: [groupVersion], preferredVersion: groupVersion });
  return {
    /** The entry of /apis (APIGroupList). */
    apiGroup,
    /** GET /apis/<group> */
    apiGroupDocument: () => ({ kind: 'APIGroup', apiVersion: 'v1', ...apiGroup() }),
    /** GET /apis/<group>/<version> */
    apiResourceList: () => ({
      kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersion,
      resources: g.resources.map((r) => ({ name: r.name, singularName: r.singularName, namespaced: r.namespaced, kind: r.kind, verbs: [...g.verbs] })),
    }),
    /** The item of aggregated discovery (/apis, apidiscovery.k8s.io/v2). */
    aggregatedGroup: () => ({
      metadata: { name: g.group },
      versions: [{
        version: g.version, freshness: 'Current',
        resources: g.resources.map((r) => ({
          resource: r.name, responseKind: { group: g.group, version: g.version, kind: r.kind },
          scope: r.namespaced ? 'Namespaced' : 'Cluster', singularResource: r.singularName, verbs: [...g.verbs], subresources: [] as never[],
        })),
      }],
    }),
  };
}
