import type {
  V1CronJob, V1Deployment, V1Job, V1LabelSelector, V1Lease, V1Namespace, V1Node,
  V1ObjectMeta, V1OwnerReference, V1Pod, V1PodTemplateSpec, V1ReplicaSet, V1Taint, V1Toleration,
} from '@kubernetes/client-node';

/**
 * client-node types timestamps as `Date` because its serializer converts them; Wake's
 * objects are the JSON on the wire (the event log stores JSON), so timestamps are
 * RFC 3339 strings. `Wire<T>` is the client-node type with every `Date` turned into a string.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type ObjectMeta = Wire<V1ObjectMeta>;
export type OwnerReference = Wire<V1OwnerReference>;
export type LabelSelector = Wire<V1LabelSelector>;
export type PodTemplateSpec = Wire<V1PodTemplateSpec>;
export type Pod = Wire<V1Pod>;
export type ReplicaSet = Wire<V1ReplicaSet>;
export type Deployment = Wire<V1Deployment>;
export type Node = Wire<V1Node>;
export type Lease = Wire<V1Lease>;
export type Namespace = Wire<V1Namespace>;
export type Job = Wire<V1Job>;
export type CronJob = Wire<V1CronJob>;
export type Taint = Wire<V1Taint>;
export type Toleration = Wire<V1Toleration>;

/** Any Kubernetes object: what the garbage collector and namespace deleter handle. */
export interface AnyObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}
