/**
 * autoscaling/v2 HorizontalPodAutoscaler (ValidateHorizontalPodAutoscalerSpec and the status
 * update's counts): a scale target with kind and name; minReplicas at least 1 (0 needs the
 * HPAScaleToZero alpha gate, which Wake does not have); maxReplicas at least 1 and at least
 * minReplicas; metrics of type Resource on cpu or memory with a Utilization or AverageValue target;
 * a behavior within upstream's bounds.
 *
 * Wake's controller reads resource metrics only: a Pods, Object, External or ContainerResource
 * metric is refused here, never stored to be ignored.
 */
import { parseQuantity } from './quantity';
import { invalid, nonNegative, notSupported, required, type Causes } from './causes';
import type { Validator } from './validator';

export const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'] as const;
export const HPA_RESOURCE_NAMES = ['cpu', 'memory'] as const;
const SELECT_POLICIES = ['Disabled', 'Max', 'Min'] as const;
const POLICY_TYPES = ['Percent', 'Pods'] as const;
const MAX_STABILIZATION_SECONDS = 3600;
const MAX_PERIOD_SECONDS = 1800;

type Obj = Record<string, any>;

export const validateHorizontalPodAutoscaler: Validator = (obj) => {
  const spec: Obj = obj.spec ?? {};
  const out: Causes = [];
  const ref: Obj = spec.scaleTargetRef ?? {};
  if (!ref.kind) out.push(required('spec.scaleTargetRef.kind'));
  else if (/[/%]/.test(ref.kind)) out.push(invalid('spec.scaleTargetRef.kind', ref.kind, 'may not contain \'/\' or \'%\''));
  if (!ref.name) out.push(required('spec.scaleTargetRef.name'));
  else if (/[/%]/.test(ref.name)) out.push(invalid('spec.scaleTargetRef.name', ref.name, 'may not contain \'/\' or \'%\''));
  const min = spec.minReplicas;
  if (min != null && (!Number.isInteger(min) || min < 1)) out.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  const max = spec.maxReplicas;
  if (!Number.isInteger(max) || max < 1) out.push(invalid('spec.maxReplicas', max ?? 0, 'must be greater than 0'));
  else if (Number.isInteger(min) && max < min) out.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  const metrics: unknown[] = Array.isArray(spec.metrics) ? spec.metrics : [];
  metrics.forEach((m, i) => out.push(...validateMetric((m ?? {}) as Obj, `spec.metrics[${i}]`)));
  if (spec.behavior) {
    out.push(...validateRules(spec.behavior.scaleUp, 'spec.behavior.scaleUp'));
    out.push(...validateRules(spec.behavior.scaleDown, 'spec.behavior.scaleDown'));
  }
  const status: Obj = obj.status ?? {};
  for (const f of ['currentReplicas', 'desiredReplicas']) out.push(...nonNegative(`status.${f}`, status[f]));
  return out;
};

function validateMetric(m: Obj, path: string): Causes {
  if (!m.type) return [required(`${path}.type`, 'must specify a metric source type')];
  if (m.type !== 'Resource') {
    if (!(METRIC_SOURCE_TYPES as readonly string[]).includes(m.type)) return [notSupported(`${path}.type`, m.type, METRIC_SOURCE_TYPES)];
    return [{
      field: `${path}.type`, reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${JSON.stringify(m.type)}: Wake's horizontal pod autoscaler reads resource metrics only (type Resource, cpu or memory); Pods, Object, External and ContainerResource metrics are not supported`,
    }];
  }
  const others = METRIC_SOURCE_TYPES.filter((t) => t !== 'Resource').map((t) => t.charAt(0).toLowerCase() + t.slice(1)).filter((f) => m[f] != null);
  if (others.length) return [{ field: path, reason: 'FieldValueForbidden', message: 'Forbidden: must populate the given metric source only' }];
  const src: Obj | undefined = m.resource;
  if (!src) return [required(`${path}.resource`, 'must populate information for the given metric source')];
  const out: Causes = [];
  if (!src.name) out.push(required(`${path}.resource.name`, 'must specify a resource name'));
  else if (!(HPA_RESOURCE_NAMES as readonly string[]).includes(src.name)) out.push(notSupported(`${path}.resource.name`, src.name, HPA_RESOURCE_NAMES));
  const t: Obj = src.target ?? {};
  const tp = `${path}.resource.target`;
  if (t.type !== 'Utilization' && t.type !== 'AverageValue') {
    out.push(t.type ? notSupported(`${tp}.type`, t.type, ['AverageValue', 'Utilization']) : required(`${tp}.type`, 'must specify a metric target type'));
  }
  if (t.averageUtilization != null && (!Number.isInteger(t.averageUtilization) || t.averageUtilization < 1)) out.push(invalid(`${tp}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  if (t.averageValue != null) {
    const q = parseQuantity(t.averageValue);
    if (q === undefined || q <= 0) out.push(invalid(`${tp}.averageValue`, t.averageValue, 'must be positive'));
  }
  if (t.value != null) out.push(invalid(`${tp}.value`, t.value, 'a Resource metric takes a per-pod target: averageUtilization or averageValue'));
  if (t.averageUtilization == null && t.averageValue == null) out.push(required(tp, 'must set either a target raw value or a target utilization'));
  else if (t.averageUtilization != null && t.averageValue != null) out.push(invalid(tp, t, 'may not set both a target raw value and a target utilization'));
  else if (t.type === 'Utilization' && t.averageUtilization == null) out.push(required(`${tp}.averageUtilization`, 'a Utilization target needs averageUtilization'));
  else if (t.type === 'AverageValue' && t.averageValue == null) out.push(required(`${tp}.averageValue`, 'an AverageValue target needs averageValue'));
  return out;
}

function validateRules(rules: Obj | undefined, path: string): Causes {
  if (!rules) return [];
  const out: Causes = [];
  const w = rules.stabilizationWindowSeconds;
  if (w != null && (!Number.isInteger(w) || w < 0)) out.push(invalid(`${path}.stabilizationWindowSeconds`, w, 'must be greater than or equal to zero'));
  else if (w != null && w > MAX_STABILIZATION_SECONDS) out.push(invalid(`${path}.stabilizationWindowSeconds`, w, `must be less than or equal to ${MAX_STABILIZATION_SECONDS}`));
  if (rules.selectPolicy != null && !(SELECT_POLICIES as readonly string[]).includes(rules.selectPolicy)) out.push(notSupported(`${path}.selectPolicy`, rules.selectPolicy, SELECT_POLICIES));
  const policies: Obj[] = Array.isArray(rules.policies) ? rules.policies : [];
  if (policies.length === 0) out.push(required(`${path}.policies`, 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const pp = `${path}.policies[${i}]`;
    if (!(POLICY_TYPES as readonly string[]).includes(p?.type)) out.push(notSupported(`${pp}.type`, p?.type ?? '', POLICY_TYPES));
    if (!Number.isInteger(p?.value) || p.value <= 0) out.push(invalid(`${pp}.value`, p?.value ?? 0, 'must be greater than zero'));
    if (!Number.isInteger(p?.periodSeconds) || p.periodSeconds <= 0) out.push(invalid(`${pp}.periodSeconds`, p?.periodSeconds ?? 0, 'must be greater than zero'));
    else if (p.periodSeconds > MAX_PERIOD_SECONDS) out.push(invalid(`${pp}.periodSeconds`, p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return out;
}
