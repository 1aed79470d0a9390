import { randomBytes } from 'node:crypto';
import type { KubeObject } from '@wake/events';

export type SchedulingEventReason = 'Scheduled' | 'FailedScheduling';

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const micro = (d: Date) => d.toISOString().replace(/Z$/, '000Z');

/**
 * The core/v1 Event kube-scheduler records (`kubectl describe pod` shows it):
 * Scheduled "Successfully assigned ns/pod to node" (Normal) or FailedScheduling with the
 * unschedulable message (Warning). Named as client-go names events: `<pod>.<hex>`.
 */
export function schedulingEvent(pod: KubeObject, reason: SchedulingEventReason, message: string, opts: { component: string; instance: string; now: Date; suffix?: string }): KubeObject {
  const ns = pod.metadata.namespace ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${pod.metadata.name}.${opts.suffix ?? randomBytes(8).toString('hex')}`, namespace: ns },
    involvedObject: {
      apiVersion: 'v1', kind: 'Pod', namespace: ns, name: pod.metadata.name,
      uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion,
    },
    reason,
    message,
    type: reason === 'Scheduled' ? 'Normal' : 'Warning',
    source: { component: opts.component },
    reportingComponent: opts.component,
    reportingInstance: opts.instance,
    action: reason === 'Scheduled' ? 'Binding' : 'Scheduling',
    firstTimestamp: iso(opts.now),
    lastTimestamp: iso(opts.now),
    eventTime: micro(opts.now),
    count: 1,
  };
}

export const scheduledMessage = (pod: KubeObject, nodeName: string): string =>
  `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${nodeName}`;
