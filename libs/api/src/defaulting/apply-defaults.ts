/**
 * `applyDefaults(obj)` returns a copy of `obj` with the defaults Kubernetes fills in for its kind,
 * so that objects read back look like a real apiserver's. Unknown kinds come back unchanged
 * (copied). The input is never modified.
 */
import { defaultPod } from './pod-defaults';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps-defaults';
import { defaultCronJob, defaultJob } from './batch-defaults';
import {
  defaultEndpointSlice, defaultEndpoints, defaultNamespace, defaultPersistentVolumeClaim, defaultSecret, defaultService,
} from './core-defaults';
import { defaultHorizontalPodAutoscaler } from './autoscaling-defaults';
import type { Obj } from './set-default';

const DEFAULTERS: Readonly<Record<string, (obj: Obj) => void>> = {
  Pod: defaultPod,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  DaemonSet: defaultDaemonSet,
  StatefulSet: defaultStatefulSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
  Service: defaultService,
  Namespace: defaultNamespace,
  Secret: defaultSecret,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  Endpoints: defaultEndpoints,
  EndpointSlice: defaultEndpointSlice,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
};

export function applyDefaults<T>(obj: T): T {
  const copy = structuredClone(obj) as Obj;
  const defaulter = copy && typeof copy === 'object' ? DEFAULTERS[copy.kind as string] : undefined;
  defaulter?.(copy);
  return copy as T;
}
