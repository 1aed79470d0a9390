import type { KubeObject } from '@wake/events';
import { rfc3339, type EventType, type ObjectRef } from '@wake/reconcilers';

/** What a controller reports: the `event` action plus who reports it. */
export interface EventReport {
  readonly eventType: EventType;
  readonly reason: string;
  readonly message: string;
  readonly involvedObject: ObjectRef;
  /** `source.component`, e.g. `replicaset-controller`. */
  readonly component: string;
}

/** Events of cluster-scoped objects (Nodes, Namespaces) go to `default`, as in Kubernetes. */
export function eventNamespace(r: EventReport): string {
  return r.involvedObject.namespace || 'default';
}

/** Repeats of the same report (same source, object, type, reason and message) aggregate into one Event. */
export function aggregationKey(r: EventReport): string {
  const o = r.involvedObject;
  return [r.component, o.kind, o.namespace ?? '', o.name, o.uid ?? '', r.eventType, r.reason, r.message].join('\u0000');
}

/** A new core/v1 Event, named `<object>.<hex nanoseconds>` as Kubernetes' recorder names them. */
export function newCoreEvent(r: EventReport, now: Date, unique: number): KubeObject {
  const nanos = BigInt(now.getTime()) * 1_000_000n + BigInt(unique % 1_000_000);
  const o = r.involvedObject;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${o.name}.${nanos.toString(16)}`, namespace: eventNamespace(r) },
    involvedObject: {
      apiVersion: o.apiVersion,
      kind: o.kind,
      name: o.name,
      ...(o.namespace ? { namespace: o.namespace } : {}),
      ...(o.uid ? { uid: o.uid } : {}),
    },
    reason: r.reason,
    message: r.message,
    type: r.eventType,
    source: { component: r.component },
    reportingComponent: r.component,
    reportingInstance: r.component,
    count: 1,
    firstTimestamp: rfc3339(now),
    lastTimestamp: rfc3339(now),
  };
}

/** The stored Event once more: count + 1 and a new lastTimestamp. */
export function repeatedCoreEvent(stored: KubeObject, now: Date): KubeObject {
  return { ...stored, count: ((stored.count as number | undefined) ?? 1) + 1, lastTimestamp: rfc3339(now) };
}
