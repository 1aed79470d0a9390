import { kindInfo } from '@wake/events';

type Getter = (o: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Field labels each kind supports in field selectors, with how to read them (from each API
 * group's `AddFieldLabelConversionFunc` / `ToSelectableFields`, release-1.32). Every kind
 * supports `metadata.name`; namespaced kinds also `metadata.namespace`.
 */
const byKind: Record<string, Record<string, Getter>> = {
  Pod: {
    'spec.nodeName': (o) => o.spec?.nodeName,
    'spec.restartPolicy': (o) => o.spec?.restartPolicy,
    'spec.schedulerName': (o) => o.spec?.schedulerName,
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName,
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork ?? false),
    'status.phase': (o) => o.status?.phase,
    'status.podIP': (o) => o.status?.podIPs?.[0]?.ip ?? o.status?.podIP,
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName,
  },
  Event: {
    'involvedObject.kind': (o) => o.involvedObject?.kind,
    'involvedObject.namespace': (o) => o.involvedObject?.namespace,
    'involvedObject.name': (o) => o.involvedObject?.name,
    'involvedObject.uid': (o) => o.involvedObject?.uid,
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion,
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion,
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath,
    reason: (o) => o.reason,
    reportingComponent: (o) => o.reportingComponent,
    source: (o) => o.source?.component,
    type: (o) => o.type,
  },
  Node: { 'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false) },
  Secret: { type: (o) => o.type },
  Job: { 'status.successful': (o) => String(o.status?.succeeded ?? 0) },
  Namespace: { 'status.phase': (o) => o.status?.phase },
  ReplicaSet: { 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
};

function gettersOf(kind: string): Record<string, Getter> {
  const base: Record<string, Getter> = { 'metadata.name': (o) => o.metadata?.name };
  if (kindInfo(kind)?.namespaced ?? true) base['metadata.namespace'] = (o) => o.metadata?.namespace;
  return { ...base, ...byKind[kind] };
}

export function supportedFieldLabels(kind: string): string[] {
  return Object.keys(gettersOf(kind));
}

/** The value of a field label on an object (`""` when unset), or undefined if not supported. */
export function fieldLabelValue(kind: string, object: unknown, field: string): string | undefined {
  const get = gettersOf(kind)[field];
  if (!get) return undefined;
  const v = get(object);
  return v === undefined || v === null ? '' : String(v);
}
