/**
 * The entry point: every writer (gateway, controllers, scheduler, node agents) runs an object
 * through `validateObject` before it goes on the log. Call `applyDefaults` first: fields that
 * defaulting fills (restartPolicy, protocol, ...) are only checked when set.
 */
import { apiVersionOf, kindInfo, type FieldCause } from '@wake/events';
import { notSupported } from './causes';
import { validateObjectMeta } from './object-meta';
import type { ValidateContext, Validator } from './validator';
import { validatePod } from './pod';
import { validateDeployment } from './deployment';
import { validateReplicaSet } from './replica-set';
import { validateDaemonSet } from './daemon-set';
import { validateStatefulSet } from './stateful-set';
import { validateService } from './service';
import { validateConfigMap } from './config-map';
import { validateSecret } from './secret';
import { validateJob } from './job';
import { validateCronJob } from './cron-job';
import { validateNamespace } from './namespace';
import { validateNode } from './node';
import { validateServiceAccount } from './service-account';
import { validateLease } from './lease';
import { validateEvent } from './event';
import { validateEndpoints } from './endpoints';
import { validateEndpointSlice } from './endpoint-slice';
import { validatePersistentVolumeClaim } from './persistent-volume-claim';
import { validatePodDisruptionBudget } from './pod-disruption-budget';
import { validateHorizontalPodAutoscaler } from './horizontal-pod-autoscaler';

const VALIDATORS: Readonly<Record<string, Validator>> = {
  Pod: validatePod,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  DaemonSet: validateDaemonSet,
  StatefulSet: validateStatefulSet,
  Service: validateService,
  ConfigMap: validateConfigMap,
  Secret: validateSecret,
  Job: validateJob,
  CronJob: validateCronJob,
  Namespace: validateNamespace,
  Node: validateNode,
  ServiceAccount: validateServiceAccount,
  Lease: validateLease,
  Event: validateEvent,
  Endpoints: validateEndpoints,
  EndpointSlice: validateEndpointSlice,
  PersistentVolumeClaim: validatePersistentVolumeClaim,
  PodDisruptionBudget: validatePodDisruptionBudget,
  HorizontalPodAutoscaler: validateHorizontalPodAutoscaler,
};

export type { ValidateContext } from './validator';

/** The field causes that make `obj` invalid for `ctx.operation`; empty when it is valid. */
export function validateObject(obj: unknown, ctx: ValidateContext): FieldCause[] {
  const o = (obj ?? {}) as Record<string, any>;
  const info = typeof o.kind === 'string' ? kindInfo(o.kind) : undefined;
  if (!info) return [notSupported('kind', o.kind ?? '', Object.keys(VALIDATORS).concat('ControllerRevision').sort())];
  const out: FieldCause[] = [];
  if (o.apiVersion !== apiVersionOf(info)) out.push(notSupported('apiVersion', o.apiVersion ?? '', [apiVersionOf(info)]));
  const old = ctx.operation === 'update' ? ctx.old : undefined;
  out.push(...validateObjectMeta(o.metadata, info, old?.metadata));
  out.push(...(VALIDATORS[info.kind]?.(o, { operation: ctx.operation, old }) ?? []));
  return out;
}
