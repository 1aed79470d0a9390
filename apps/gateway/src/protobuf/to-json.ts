import protobuf from 'protobufjs';

/**
 * A decoded Kubernetes protobuf message → the JSON object the same Go value marshals to, so that it
 * goes through the same validation and defaulting as a JSON body:
 * - gogo-protobuf writes every non-pointer field, zero values included; Go's JSON (`omitempty`) drops
 *   "", 0, false, empty lists and maps. So do we, except for the pointer fields in KEEP_ZERO, where a
 *   zero is a value the client set (`replicas: 0`, `suspend: false`).
 * - Nested messages stay objects even when empty (`strategy: {}`), as Go's JSON keeps structs.
 * - Time {seconds, nanos} → RFC 3339 (the zero time is dropped, Go writes null); IntOrString → number
 *   or string; Quantity → its string; bytes → base64; FieldsV1 → its JSON; int64 → number.
 * - Go-embedded structs (INLINE) are merged into their parent, as Go's JSON inlines them.
 */
const INLINE = new Set(['Volume.volumeSource', 'ConfigMapKeySelector.localObjectReference', 'SecretKeySelector.localObjectReference',
  'ConfigMapEnvSource.localObjectReference', 'SecretEnvSource.localObjectReference', 'ConfigMapVolumeSource.localObjectReference', 'Probe.handler']);

/** Go pointer fields (`*int32`, `*bool`, `*IntOrString`…): present on the wire only when set, so a zero is kept. */
export const KEEP_ZERO = new Set([
  'DeploymentSpec.replicas', 'DeploymentSpec.revisionHistoryLimit', 'DeploymentSpec.progressDeadlineSeconds',
  'RollingUpdateDeployment.maxUnavailable', 'RollingUpdateDeployment.maxSurge',
  'PodSpec.terminationGracePeriodSeconds', 'PodSpec.activeDeadlineSeconds', 'PodSpec.automountServiceAccountToken',
  'PodSpec.priority', 'PodSpec.shareProcessNamespace', 'PodSpec.enableServiceLinks',
  'PodSecurityContext.runAsUser', 'PodSecurityContext.runAsNonRoot', 'PodSecurityContext.fsGroup', 'PodSecurityContext.runAsGroup',
  'SecurityContext.privileged', 'SecurityContext.runAsUser', 'SecurityContext.runAsNonRoot', 'SecurityContext.readOnlyRootFilesystem',
  'SecurityContext.allowPrivilegeEscalation', 'SecurityContext.runAsGroup',
  'Toleration.tolerationSeconds', 'Probe.terminationGracePeriodSeconds',
  'ConfigMapKeySelector.optional', 'SecretKeySelector.optional', 'ConfigMapEnvSource.optional', 'SecretEnvSource.optional',
  'SecretVolumeSource.defaultMode', 'SecretVolumeSource.optional', 'ConfigMapVolumeSource.defaultMode', 'ConfigMapVolumeSource.optional',
  'KeyToPath.mode', 'ConfigMap.immutable', 'Secret.immutable', 'ServiceAccount.automountServiceAccountToken',
  'ServiceSpec.allocateLoadBalancerNodePorts',
  'JobSpec.parallelism', 'JobSpec.completions', 'JobSpec.activeDeadlineSeconds', 'JobSpec.manualSelector', 'JobSpec.backoffLimit',
  'JobSpec.ttlSecondsAfterFinished', 'JobSpec.suspend', 'JobSpec.backoffLimitPerIndex', 'JobSpec.maxFailedIndexes',
  'JobStatus.ready', 'JobStatus.terminating',
  'CronJobSpec.startingDeadlineSeconds', 'CronJobSpec.suspend', 'CronJobSpec.successfulJobsHistoryLimit', 'CronJobSpec.failedJobsHistoryLimit',
  'OwnerReference.controller', 'OwnerReference.blockOwnerDeletion', 'ObjectMeta.deletionGracePeriodSeconds',
  'PodDisruptionBudgetSpec.minAvailable', 'PodDisruptionBudgetSpec.maxUnavailable', 'PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy',
  'HorizontalPodAutoscalerSpec.minReplicas', 'HorizontalPodAutoscalerSpec.maxReplicas', 'HorizontalPodAutoscalerSpec.targetCPUUtilizationPercentage',
  'DeleteOptions.gracePeriodSeconds', 'DeleteOptions.orphanDependents', 'TokenRequestSpec.expirationSeconds',
]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function messageToJson(type: protobuf.Type, msg: protobuf.Message): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const field of type.fieldsArray) {
    if (!Object.prototype.hasOwnProperty.call(msg, field.name)) continue;
    const raw = (msg as unknown as Record<string, unknown>)[field.name];
    const key = `${type.name}.${field.name}`;
    const value = fieldToJson(field, raw, KEEP_ZERO.has(key));
    if (value === undefined) continue;
    if (INLINE.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, value);
    else out[field.name] = value;
  }
  return out;
}

function fieldToJson(field: protobuf.Field, raw: unknown, keepZero: boolean): Json | undefined {
  if (field instanceof protobuf.MapField) {
    const entries = Object.entries((raw ?? {}) as Record<string, unknown>);
    if (!entries.length) return undefined;
    return Object.fromEntries(entries.map(([k, v]) => [k, valueToJson(field, v, true) ?? null]));
  }
  if (field.repeated) {
    const items = (raw ?? []) as unknown[];
    if (!items.length) return undefined;
    return items.map((v) => valueToJson(field, v, true) ?? null);
  }
  return valueToJson(field, raw, keepZero);
}

/** One value of a field; `keepZero` for pointer fields and for list items and map values (always kept). */
function valueToJson(field: protobuf.Field, v: unknown, keepZero: boolean): Json | undefined {
  const t = field.resolvedType;
  if (t instanceof protobuf.Type) {
    const m = v as protobuf.Message;
    switch (t.name) {
      case 'Time': return timeToJson(m);
      case 'IntOrString': return intOrStringToJson(m, keepZero);
      case 'Quantity': return (m as unknown as { string?: string }).string || undefined;
      case 'FieldsV1': return fieldsV1ToJson(m);
      default: return messageToJson(t, m);
    }
  }
  if (t instanceof protobuf.Enum) return v as number;
  const s = scalarToJson(v);
  if (keepZero) return s;
  return s === '' || s === 0 || s === false ? undefined : s;
}

function scalarToJson(v: unknown): Json {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  if (v !== null && typeof v === 'object' && 'low' in v && 'high' in v) return longToNumber(v as protobuf.Long);
  return v as Json;
}

function longToNumber(l: protobuf.Long): number {
  return (l as unknown as { toNumber(): number }).toNumber();
}

function num(v: unknown): number {
  if (v === undefined || v === null) return 0;
  return typeof v === 'number' ? v : longToNumber(v as protobuf.Long);
}

/** metav1.Time marshals as RFC 3339 with seconds (`2026-01-02T03:04:05Z`); the zero time as null (dropped here). */
export function timeToJson(m: protobuf.Message): string | undefined {
  const t = m as unknown as { seconds?: unknown; nanos?: number };
  const seconds = num(t.seconds);
  if (seconds === 0 && !t.nanos) return undefined;
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** IntOrString: type 0 is intVal, type 1 strVal. An unset non-pointer one (0) is dropped like Go's omitempty would a zero. */
export function intOrStringToJson(m: protobuf.Message, keepZero: boolean): number | string | undefined {
  const v = m as unknown as { type?: unknown; intVal?: number; strVal?: string };
  const value = num(v.type) === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
  if (!keepZero && (value === 0 || value === '')) return undefined;
  return value;
}

function fieldsV1ToJson(m: protobuf.Message): Json | undefined {
  const raw = (m as unknown as { Raw?: Uint8Array }).Raw;
  if (!raw || !raw.length) return undefined;
  return JSON.parse(Buffer.from(raw).toString('utf8')) as Json;
}
