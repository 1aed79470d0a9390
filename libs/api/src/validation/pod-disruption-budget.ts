/**
 * policy/v1 PodDisruptionBudget (ValidatePodDisruptionBudgetSpec and, for the status every writer
 * sends with it, ValidatePodDisruptionBudgetStatusUpdate): at most one of minAvailable and
 * maxUnavailable, each a non-negative integer or a percent up to 100%; a selector that parses;
 * a known unhealthyPodEvictionPolicy; non-negative counts in the status.
 */
import { invalid, nonNegative, notSupported, type Causes } from './causes';
import { validateIntOrPercent } from './int-or-percent';
import { validateLabelSelector } from './label-selector';
import type { Validator } from './validator';

export const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'] as const;

export const validatePodDisruptionBudget: Validator = (obj) => {
  const spec = obj.spec ?? {};
  const out: Causes = [];
  if (spec.minAvailable != null && spec.maxUnavailable != null) {
    out.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  out.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'));
  out.push(...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
  out.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy != null && !(UNHEALTHY_POD_EVICTION_POLICIES as readonly string[]).includes(policy)) {
    out.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  const status = obj.status ?? {};
  for (const f of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods']) out.push(...nonNegative(`status.${f}`, status[f]));
  return out;
};
