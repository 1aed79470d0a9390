/**
 * autoscaling/v2 defaults (pkg/apis/autoscaling/v2/defaults.go): minReplicas 1; no metrics means
 * the CPU target of 80% utilization; a behavior, when one is given, has its unset halves and fields
 * filled from the upstream rules (scale up: the larger of +4 pods or +100% per 15 s, no
 * stabilization; scale down: -100% per 15 s, the window left unset so the controller's own
 * default of 300 s applies). A HorizontalPodAutoscaler without `behavior` keeps none.
 */
import { child, setDefault, type Obj } from './set-default';

export const DEFAULT_CPU_UTILIZATION = 80;

const scaleUpRules = (): Obj => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
});

const scaleDownRules = (): Obj => ({
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
});

function fillRules(rules: Obj | undefined, defaults: Obj): Obj {
  if (!rules) return defaults;
  for (const [k, v] of Object.entries(defaults)) setDefault(rules, k, v);
  return rules;
}

export function defaultHorizontalPodAutoscaler(obj: Obj): void {
  const spec = child(obj, 'spec');
  setDefault(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  if (spec.behavior && typeof spec.behavior === 'object') {
    spec.behavior.scaleUp = fillRules(spec.behavior.scaleUp, scaleUpRules());
    spec.behavior.scaleDown = fillRules(spec.behavior.scaleDown, scaleDownRules());
  }
}
