/**
 * Which lists a strategic merge patch merges instead of replacing, per kind, keyed by field
 * path. Paths join map keys with `.` and mark a step into list items with `[]`
 * (`spec.template.spec.containers[].env`). Taken from the `patchStrategy:"merge"` /
 * `patchMergeKey` tags of the Go types (k8s.io/api, release-1.32). A list absent from the
 * table is replaced wholesale (tolerations, command, args, envFrom, taints, subsets…).
 * An entry without `mergeKey` is a merged list of primitives (finalizers, podCIDRs).
 */
export interface MergeStrategy {
  readonly mergeKey?: string;
}

type Table = Record<string, MergeStrategy>;

const META: Table = {
  finalizers: {},
  ownerReferences: { mergeKey: 'uid' },
};

const CONTAINER: Table = {
  ports: { mergeKey: 'containerPort' },
  env: { mergeKey: 'name' },
  volumeMounts: { mergeKey: 'mountPath' },
  volumeDevices: { mergeKey: 'devicePath' },
};

const POD_SPEC: Table = {
  volumes: { mergeKey: 'name' }, // merge,retainKeys
  containers: { mergeKey: 'name' },
  ...under('containers[]', CONTAINER),
  initContainers: { mergeKey: 'name' },
  ...under('initContainers[]', CONTAINER),
  ephemeralContainers: { mergeKey: 'name' },
  ...under('ephemeralContainers[]', CONTAINER),
  imagePullSecrets: { mergeKey: 'name' },
  hostAliases: { mergeKey: 'ip' },
  topologySpreadConstraints: { mergeKey: 'topologyKey' },
  schedulingGates: { mergeKey: 'name' },
  resourceClaims: { mergeKey: 'name' }, // merge,retainKeys
};

const CONDITIONS: Table = { conditions: { mergeKey: 'type' } };

const POD_STATUS: Table = {
  ...CONDITIONS,
  podIPs: { mergeKey: 'ip' },
  hostIPs: { mergeKey: 'ip' },
  resourceClaimStatuses: { mergeKey: 'name' },
};

const POD_TEMPLATE: Table = { ...under('metadata', META), ...under('spec', POD_SPEC) };

const byKind: Record<string, Table> = {
  Pod: { ...under('spec', POD_SPEC), ...under('status', POD_STATUS) },
  Deployment: { ...under('spec.template', POD_TEMPLATE), ...under('status', CONDITIONS) },
  ReplicaSet: { ...under('spec.template', POD_TEMPLATE), ...under('status', CONDITIONS) },
  DaemonSet: { ...under('spec.template', POD_TEMPLATE), ...under('status', CONDITIONS) },
  StatefulSet: { ...under('spec.template', POD_TEMPLATE), ...under('status', CONDITIONS) },
  Job: { ...under('spec.template', POD_TEMPLATE), ...under('status', CONDITIONS) },
  CronJob: { ...under('spec.jobTemplate.spec.template', POD_TEMPLATE) },
  Service: { 'spec.ports': { mergeKey: 'port' }, ...under('status', CONDITIONS) },
  Node: {
    'spec.podCIDRs': {},
    ...under('status', CONDITIONS),
    'status.addresses': { mergeKey: 'type' },
  },
  Namespace: under('status', CONDITIONS),
  PersistentVolumeClaim: under('status', CONDITIONS),
  PodDisruptionBudget: under('status', CONDITIONS),
  HorizontalPodAutoscaler: under('status', CONDITIONS),
  ServiceAccount: { secrets: { mergeKey: 'name' } },
};

function under(prefix: string, table: Table): Table {
  const out: Table = {};
  for (const [path, strategy] of Object.entries(table)) out[`${prefix}.${path}`] = strategy;
  return out;
}

/** The merge strategy of the list at `path` in an object of `kind`, or undefined to replace it. */
export function mergeStrategyOf(kind: string, path: string): MergeStrategy | undefined {
  if (path.startsWith('metadata.')) return META[path.slice('metadata.'.length)];
  return byKind[kind]?.[path];
}
