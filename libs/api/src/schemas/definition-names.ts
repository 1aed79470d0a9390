/**
 * Maps client-node's model class names (V1PodSpec, CoreV1Event, DiscoveryV1EndpointPort) to the
 * definition names Kubernetes uses in its OpenAPI documents (io.k8s.api.core.v1.PodSpec, ...).
 * Client-node drops the group from the class name, so the group is recovered from the model's name.
 */
const META = new Set([
  'ObjectMeta', 'ListMeta', 'LabelSelector', 'LabelSelectorRequirement', 'OwnerReference',
  'ManagedFieldsEntry', 'Condition', 'Status', 'StatusDetails', 'StatusCause', 'DeleteOptions', 'Preconditions',
]);
const DISCOVERY = new Set(['EndpointSlice', 'EndpointSliceList', 'Endpoint', 'EndpointConditions', 'EndpointHints', 'ForZone', 'ForNode']);
const PREFIXES: readonly [string, string][] = [
  ['Deployment', 'apps'], ['ReplicaSet', 'apps'], ['DaemonSet', 'apps'], ['StatefulSet', 'apps'],
  ['ControllerRevision', 'apps'], ['RollingUpdateDeployment', 'apps'], ['RollingUpdateDaemonSet', 'apps'],
  ['RollingUpdateStatefulSetStrategy', 'apps'],
  ['CronJob', 'batch'], ['Job', 'batch'], ['PodFailurePolicy', 'batch'], ['SuccessPolicy', 'batch'],
  ['UncountedTerminatedPods', 'batch'],
  ['Lease', 'coordination'],
  ['PodDisruptionBudget', 'policy'],
];

export const QUANTITY_DEFINITION = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING_DEFINITION = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const TIME_DEFINITION = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';

/** The Kubernetes definition name of a client-node model class, e.g. V1Deployment -> io.k8s.api.apps.v1.Deployment. */
export function definitionName(className: string): string {
  let m = /^(Core|Discovery)V1(.+)$/.exec(className);
  if (m) return `io.k8s.api.${m[1].toLowerCase()}.v1.${m[2]}`;
  // client-node's only V2 models are autoscaling/v2's (HorizontalPodAutoscaler and its parts)
  m = /^V2(.+)$/.exec(className);
  if (m) return `io.k8s.api.autoscaling.v2.${m[1]}`;
  m = /^V1(.+)$/.exec(className);
  if (!m) return className;
  const name = m[1];
  if (META.has(name)) return `io.k8s.apimachinery.pkg.apis.meta.v1.${name}`;
  if (DISCOVERY.has(name)) return `io.k8s.api.discovery.v1.${name}`;
  const group = PREFIXES.find(([p]) => name.startsWith(p))?.[1] ?? 'core';
  return `io.k8s.api.${group}.v1.${name}`;
}
