/** apps/v1 Deployment (ValidateDeploymentSpec, ValidateDeploymentUpdate). */
import { changed, forbidden, immutable, invalid, nonNegative, notSupported, type Causes } from './causes';
import { intOrPercentValue, validateIntOrPercent } from './int-or-percent';
import { APPS_TEMPLATE, validateControllerSelector, validatePodTemplate } from './pod-template';
import type { Validator } from './validator';

type Obj = Record<string, any>;

export const validateDeployment: Validator = (obj, ctx) => {
  const spec = (obj.spec ?? {}) as Obj;
  const out: Causes = [
    ...validateControllerSelector(spec.selector, 'spec.selector', 'deployment'),
    ...nonNegative('spec.replicas', spec.replicas),
    ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
    ...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
    ...nonNegative('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds),
    ...validateStrategy(spec.strategy),
    ...validatePodTemplate(spec.template, 'spec.template', spec.selector, APPS_TEMPLATE),
  ];
  if (typeof spec.progressDeadlineSeconds === 'number' && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
    out.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  const old = ctx.old?.spec as Obj | undefined;
  if (old?.selector && changed(spec.selector, old.selector)) out.push(immutable('spec.selector', spec.selector));
  return out;
};

function validateStrategy(strategy: Obj | undefined): Causes {
  if (!strategy) return [];
  const out: Causes = [];
  const type = strategy.type;
  if (type !== undefined && type !== 'Recreate' && type !== 'RollingUpdate') {
    out.push(notSupported('spec.strategy.type', type, ['Recreate', 'RollingUpdate']));
  }
  const ru = strategy.rollingUpdate as Obj | undefined;
  if (type === 'Recreate' && ru) out.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  if (ru && type !== 'Recreate') {
    out.push(...validateIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
    out.push(...validateIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'));
    if (ru.maxUnavailable !== undefined && ru.maxSurge !== undefined && intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      out.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  return out;
}
