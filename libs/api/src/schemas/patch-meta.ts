/**
 * The extensions Kubernetes puts on list and map fields (from the struct tags in k8s.io/api) for the
 * kinds Wake serves. kubectl's client-side apply computes strategic merge patches from
 * `x-kubernetes-patch-merge-key` / `x-kubernetes-patch-strategy`, so they must be in the documents
 * the gateway serves. client-node's models do not carry them; this table restores them.
 */
export interface FieldExtensions {
  readonly 'x-kubernetes-patch-merge-key'?: string;
  readonly 'x-kubernetes-patch-strategy'?: string;
  readonly 'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
}

const merge = (key: string, mapKeys: string[] = [key], strategy = 'merge'): FieldExtensions => ({
  'x-kubernetes-patch-merge-key': key,
  'x-kubernetes-patch-strategy': strategy,
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-list-map-keys': mapKeys,
});
const atomic: FieldExtensions = { 'x-kubernetes-list-type': 'atomic' };
const conditions = { conditions: merge('type') };

const containerLists = {
  ports: merge('containerPort', ['containerPort', 'protocol']),
  env: merge('name'),
  volumeMounts: merge('mountPath'),
  volumeDevices: merge('devicePath'),
  args: atomic, command: atomic, envFrom: atomic, resizePolicy: atomic,
};

/** Extensions by definition name, then by property name. */
export const FIELD_EXTENSIONS: Readonly<Record<string, Readonly<Record<string, FieldExtensions>>>> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
    finalizers: { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' },
    ownerReferences: merge('uid'),
    managedFields: atomic,
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': { matchExpressions: atomic },
  'io.k8s.api.core.v1.PodSpec': {
    volumes: merge('name', ['name'], 'merge,retainKeys'),
    initContainers: merge('name'),
    containers: merge('name'),
    ephemeralContainers: merge('name'),
    imagePullSecrets: merge('name'),
    hostAliases: merge('ip'),
    topologySpreadConstraints: merge('topologyKey', ['topologyKey', 'whenUnsatisfiable']),
    resourceClaims: merge('name', ['name'], 'merge,retainKeys'),
    schedulingGates: merge('name'),
    tolerations: atomic,
    readinessGates: atomic,
  },
  'io.k8s.api.core.v1.Container': containerLists,
  'io.k8s.api.core.v1.EphemeralContainer': containerLists,
  'io.k8s.api.core.v1.PodStatus': { ...conditions, podIPs: merge('ip'), hostIPs: merge('ip') },
  'io.k8s.api.core.v1.ServiceSpec': {
    ports: merge('port', ['port', 'protocol']),
    clusterIPs: atomic, ipFamilies: atomic, externalIPs: atomic,
  },
  'io.k8s.api.core.v1.ServiceStatus': conditions,
  'io.k8s.api.core.v1.NodeSpec': { podCIDRs: { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' }, taints: atomic },
  'io.k8s.api.core.v1.NodeStatus': { ...conditions, addresses: merge('type') },
  'io.k8s.api.core.v1.ServiceAccount': { secrets: merge('name') },
  'io.k8s.api.core.v1.Endpoints': { subsets: atomic },
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec': { accessModes: atomic },
  'io.k8s.api.core.v1.PersistentVolumeClaimStatus': conditions,
  'io.k8s.api.apps.v1.DeploymentSpec': { strategy: { 'x-kubernetes-patch-strategy': 'retainKeys' } },
  'io.k8s.api.apps.v1.DeploymentStatus': conditions,
  'io.k8s.api.apps.v1.ReplicaSetStatus': conditions,
  'io.k8s.api.apps.v1.DaemonSetStatus': conditions,
  'io.k8s.api.apps.v1.StatefulSetStatus': conditions,
  'io.k8s.api.batch.v1.JobStatus': { conditions: { 'x-kubernetes-patch-merge-key': 'type', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'atomic' } },
  'io.k8s.api.batch.v1.CronJobStatus': { active: atomic },
  'io.k8s.api.discovery.v1.EndpointSlice': { endpoints: atomic, ports: atomic },
  'io.k8s.api.policy.v1.PodDisruptionBudgetStatus': conditions,
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec': { metrics: atomic },
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus': { ...conditions, currentMetrics: atomic },
  'io.k8s.api.autoscaling.v2.HPAScalingRules': { policies: atomic },
};

/**
 * Properties whose values are resource quantities (a string like "100m", or a number). client-node
 * types them as plain strings, so the table says which ones accept numbers too.
 */
export const QUANTITY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'io.k8s.api.core.v1.ResourceRequirements': ['limits', 'requests'],
  'io.k8s.api.core.v1.VolumeResourceRequirements': ['limits', 'requests'],
  'io.k8s.api.core.v1.EmptyDirVolumeSource': ['sizeLimit'],
  'io.k8s.api.core.v1.ResourceFieldSelector': ['divisor'],
  'io.k8s.api.core.v1.NodeStatus': ['capacity', 'allocatable'],
  'io.k8s.api.core.v1.PersistentVolumeClaimStatus': ['capacity', 'allocatedResources'],
  'io.k8s.api.core.v1.ContainerStatus': ['allocatedResources'],
  'io.k8s.api.core.v1.PodSpec': ['overhead'],
  'io.k8s.api.autoscaling.v2.MetricTarget': ['averageValue', 'value'],
  'io.k8s.api.autoscaling.v2.MetricValueStatus': ['averageValue', 'value'],
};
