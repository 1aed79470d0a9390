/** apps/v1 DaemonSet (ValidateDaemonSetSpec, ValidateRollingUpdateDaemonSet). */
import { changed, forbidden, immutable, invalid, nonNegative, notSupported, required, type Causes } from './causes';
import { intOrPercentValue, validateIntOrPercent } from './int-or-percent';
import { APPS_TEMPLATE, validateControllerSelector, validatePodTemplate } from './pod-template';
import type { Validator } from './validator';

type Obj = Record<string, any>;

export const validateDaemonSet: Validator = (obj, ctx) => {
  const spec = (obj.spec ?? {}) as Obj;
  const out: Causes = [
    ...validateControllerSelector(spec.selector, 'spec.selector', 'daemonset'),
    ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
    ...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
    ...validateUpdateStrategy(spec.updateStrategy),
    ...validatePodTemplate(spec.template, 'spec.template', spec.selector, APPS_TEMPLATE),
  ];
  const old = ctx.old?.spec as Obj | undefined;
  if (old?.selector && changed(spec.selector, old.selector)) out.push(immutable('spec.selector', spec.selector));
  return out;
};

function validateUpdateStrategy(s: Obj | undefined): Causes {
  if (!s) return [];
  const out: Causes = [];
  if (s.type !== undefined && s.type !== 'OnDelete' && s.type !== 'RollingUpdate') {
    out.push(notSupported('spec.updateStrategy.type', s.type, ['OnDelete', 'RollingUpdate']));
  }
  const ru = s.rollingUpdate as Obj | undefined;
  if (s.type === 'OnDelete' && ru) out.push(forbidden('spec.updateStrategy.rollingUpdate', "may not be specified when strategy `type` is 'OnDelete'"));
  if (!ru || s.type === 'OnDelete') return out;
  const p = 'spec.updateStrategy.rollingUpdate';
  out.push(...validateIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...validateIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) out.push(invalid(`${p}.maxSurge`, ru.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge && (ru.maxUnavailable !== undefined || ru.maxSurge !== undefined)) {
    out.push(required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  }
  return out;
}
