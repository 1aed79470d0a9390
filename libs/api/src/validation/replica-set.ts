/** apps/v1 ReplicaSet (ValidateReplicaSetSpec, ValidateReplicaSetUpdate). */
import { changed, immutable, nonNegative, type Causes } from './causes';
import { APPS_TEMPLATE, validateControllerSelector, validatePodTemplate } from './pod-template';
import type { Validator } from './validator';

export const validateReplicaSet: Validator = (obj, ctx) => {
  const spec = obj.spec ?? {};
  const out: Causes = [
    ...validateControllerSelector(spec.selector, 'spec.selector', 'replicaset'),
    ...nonNegative('spec.replicas', spec.replicas),
    ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
    ...validatePodTemplate(spec.template, 'spec.template', spec.selector, APPS_TEMPLATE),
  ];
  const old = ctx.old?.spec;
  if (old?.selector && changed(spec.selector, old.selector)) out.push(immutable('spec.selector', spec.selector));
  return out;
};
